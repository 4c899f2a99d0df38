import { z } from 'zod';
import { decodeEnvelope } from '../records/envelopeReader.ts';
import { LAB_LIMITS, LAB_PROTOCOL_VERSION, ZAlertQuery, ZDraftUpload, ZLookup, ZMachineId, ZReceiptsQuery, ZSubmissionQuery, ZUploadId, type Hello } from '../lab/protocol.ts';
import { kioskUrls } from './addresses.ts';
import { readBody, readJsonBody } from './body.ts';
import { ok, refused, type LabState, type Reply, type Route, type RouteRequest } from './context.ts';
import type { ServedPlan } from './plan.ts';
import { refuse } from './reply.ts';
import type { Stored } from './storage.ts';
import { check } from './validate.ts';

/** Kiosk GETs may say which machine asks (the monitor lists machines seen); nothing else. */
const ZKioskQuery = z.strictObject({ machine: ZMachineId.optional() });
const ZLookupParams = z.strictObject({ lookup: ZLookup });
const ZEntryParams = z.strictObject({ entry: ZLookup });
const ZIdParams = z.strictObject({ id: ZUploadId });

const stored = (id: string, outcome: Stored): Reply => (outcome.ok ? ok({ ok: true, id, duplicate: outcome.duplicate }) : refused(outcome.refusal));

/** Parses path and query, notes the machine, and runs the rest; a bad part is refused before the body is read. */
function withParts<P, Q>(params: z.ZodType<P>, query: z.ZodType<Q>, run: (parts: { params: P; query: Q }, input: RouteRequest, state: LabState) => Promise<Reply>): Route['handle'] {
  return async (input, state) => {
    const checkedParams = check(params, input.params, 'params');
    if (!checkedParams.ok) return refused(checkedParams.refusal);
    const checkedQuery = check(query, input.query, 'query');
    if (!checkedQuery.ok) return refused(checkedQuery.refusal);
    const machine = (checkedQuery.value as { machine?: unknown }).machine;
    if (typeof machine === 'string') state.storage.seen(machine, input.address);
    return run({ params: checkedParams.value, query: checkedQuery.value }, input, state);
  };
}

const noPlan = (): Reply => refused(refuse(409, 'no_plan', []));

/** The sealed-envelope checks of README (lab/): PSYE header only, no key needed. */
function checkEnvelope(bytes: Buffer, plan: ServedPlan, requirePlan: boolean): Reply | undefined {
  const decoded = decodeEnvelope(new Uint8Array(bytes), ['psyscreen-sealed']);
  if (!decoded.ok || decoded.value.header.format !== 'psyscreen-sealed') return refused(refuse(422, 'not_envelope', ['body']));
  const { protection, plan: headerPlan } = decoded.value.header;
  if (protection.mode !== 'key' || protection.keyId !== plan.keyId) return refused(refuse(422, 'wrong_key', ['body', 'header', 'protection']));
  if (requirePlan && headerPlan !== plan.ref) return refused(refuse(422, 'wrong_plan', ['body', 'header', 'plan']));
  return undefined;
}

export const KIOSK_ROUTES: readonly Route[] = [
  {
    method: 'GET', path: '/hello', teacher: false,
    handle: withParts(z.strictObject({}), ZKioskQuery, async (_parts, _input, state) => {
      const plan = state.plan();
      const hello: Hello = {
        server: 'psyscreen-lab', protocol: LAB_PROTOCOL_VERSION,
        plan: plan ? { ref: plan.ref, digest: plan.digest } : null,
        kioskUrls: kioskUrls(state.host, state.port, state.interfaces),
        time: new Date(state.now()).toISOString(),
      };
      return Promise.resolve(ok(hello));
    }),
  },
  {
    method: 'GET', path: '/plan', teacher: false,
    handle: withParts(z.strictObject({}), ZKioskQuery, (_parts, _input, state) => {
      const plan = state.plan();
      return Promise.resolve(plan
        ? { kind: 'bytes', bytes: plan.bytes, type: 'application/json; charset=utf-8', headers: { ETag: `"${plan.digest}"`, 'Cache-Control': 'no-cache' } }
        : refused(refuse(404, 'no_plan', [])));
    }),
  },
  {
    method: 'PUT', path: '/drafts/:lookup', teacher: false,
    handle: withParts(ZLookupParams, z.strictObject({}), async ({ params }, input, state) => {
      const plan = state.plan();
      if (!plan) return noPlan();
      const body = await readJsonBody(input.request, LAB_LIMITS.draft);
      if (!body.ok) return refused(body.refusal);
      const draft = check(ZDraftUpload, body.value, 'body');
      if (!draft.ok) return refused(draft.refusal);
      state.storage.seen(draft.value.machine, input.address);
      if (draft.value.plan !== plan.ref) return refused(refuse(422, 'wrong_plan', ['body', 'plan']));
      return stored(params.lookup, await state.storage.putDraft(params.lookup, draft.value, input.address));
    }),
  },
  {
    method: 'GET', path: '/drafts/:lookup', teacher: false,
    handle: withParts(ZLookupParams, ZKioskQuery, ({ params }, _input, state) => {
      const draft = state.storage.draft(params.lookup);
      return Promise.resolve(draft ? ok(draft) : refused(refuse(404, 'not_found', ['params', 'lookup'])));
    }),
  },
  {
    method: 'GET', path: '/students/:entry', teacher: false,
    handle: withParts(ZEntryParams, ZKioskQuery, ({ params }, _input, state) => Promise.resolve(ok(state.storage.studentState(params.entry)))),
  },
  {
    method: 'PUT', path: '/submissions/:id', teacher: false,
    handle: withParts(ZIdParams, ZSubmissionQuery, async ({ params, query }, input, state) => {
      const plan = state.plan();
      if (!plan) return noPlan();
      const body = await readBody(input.request, LAB_LIMITS.submission);
      if (!body.ok) return refused(body.refusal);
      const wrong = checkEnvelope(body.bytes, plan, true);
      if (wrong) return wrong;
      return stored(params.id, await state.storage.putSubmission({ id: params.id, entry: query.entry, machine: query.machine, plan: plan.ref, bytes: body.bytes, address: input.address }));
    }),
  },
  {
    method: 'PUT', path: '/alerts/:id', teacher: false,
    handle: withParts(ZIdParams, ZAlertQuery, async ({ params, query }, input, state) => {
      const plan = state.plan();
      if (!plan) return noPlan();
      const body = await readBody(input.request, LAB_LIMITS.alert);
      if (!body.ok) return refused(body.refusal);
      // An alert just after the teacher changed the plan must still get through: only the key is checked.
      const wrong = checkEnvelope(body.bytes, plan, false);
      if (wrong) return wrong;
      return stored(params.id, await state.storage.putAlert({ id: params.id, machine: query.machine, bytes: body.bytes, address: input.address }));
    }),
  },
  {
    method: 'GET', path: '/receipts', teacher: false,
    handle: withParts(z.strictObject({}), ZReceiptsQuery, ({ query }, _input, state) => Promise.resolve(ok({ imported: state.storage.receiptsFor(query.machine) }))),
  },
];
