import { publishAggregate, type Aggregate, type Plan } from '../../scoring/index.ts';
import { exactSchool, shippedPlan, unwrap, type SchoolSpec } from '../scoring/aggregate/cohort.ts';
import type { IncomingFile } from '../../src/bureau/admit.ts';

/** A school's published file, built from synthetic students scored by the real engine. */
export const publishedSchool = (spec: SchoolSpec): Aggregate => unwrap(publishAggregate(exactSchool(spec)));

export const nextYearPlan = (): Plan => ({ ...structuredClone(shippedPlan()), id: 'county-2027', schoolYear: '2027-2028' });

const junior = { '7/male': 30, '7/female': 28, '8/male': 3, '8/female': 25, '9/male': 33, '9/female': 31 };
const primary = { '4/male': 20, '4/female': 18, '5/male': 22, '5/female': 19 };

/** Three schools of county 330106: a junior school with a suppressed cell, a primary school, a distressed junior school. */
export const schoolA = publishedSchool({ code: '3301060001', seed: 1, sizes: junior });
export const schoolB = publishedSchool({ code: '3301060002', seed: 2, sizes: primary });
export const schoolC = publishedSchool({ code: '3301060003', seed: 3, sizes: { '7/male': 60, '7/female': 58 }, distress: 2.5 });

let serial = 0;
/** A file as the browser hands it over: a name and its text. */
export const incoming = (name: string, aggregate: Aggregate | string): IncomingFile =>
  ({ id: `f${(serial += 1)}`, name, text: typeof aggregate === 'string' ? aggregate : JSON.stringify(aggregate) });
