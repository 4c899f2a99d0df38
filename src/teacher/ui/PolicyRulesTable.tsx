import type { ReactNode } from 'react';
import { latestInstruments, type Catalog } from '../../../scoring/index.ts';
import { newRuleRow, type RuleMeasure, type RuleRow } from '../workspace/policyForm.ts';
import type { NormsText } from './normsText.ts';
import type { TeacherText } from './text.ts';

const MEASURES: readonly RuleMeasure[] = ['raw', 't', 'percentile', 'band'];

/** A table cell holding one control and its (visually hidden) label. */
function Field({ id, label, invalid, children }: { id: string; label: string; invalid: boolean; children: ReactNode }) {
  return (
    <td className={invalid ? 'warning-cell' : undefined}>
      <label htmlFor={id} className="visually-hidden">{label}</label>
      {children}
    </td>
  );
}

interface Props {
  readonly rows: readonly RuleRow[];
  readonly catalog: Catalog;
  /** Fields with a problem, as "index.field" (e.g. "2.gte") or "index" for the whole rule. */
  readonly problems: ReadonlySet<string>;
  readonly onChange: (rows: readonly RuleRow[]) => void;
  readonly text: NormsText;
  readonly teacherText: TeacherText;
}

/** The rules of a tier policy as editable rows: instrument, scale, measure, range (or bands), tier. */
export function PolicyRulesTable({ rows, catalog, problems, onChange, text, teacherText }: Props) {
  const instruments = latestInstruments(catalog);
  const update = (index: number, change: Partial<RuleRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  // a rule moved to another instrument, scale or tier is a new rule: it gets an id that says what it is
  const retarget = (index: number, change: Partial<RuleRow>) => update(index, { ...change, id: '' });
  const remove = (index: number) => onChange(rows.filter((_, i) => i !== index));
  const add = () => {
    const used = new Set(rows.map((row) => row.key));
    let n = rows.length;
    while (used.has(`new-${n}`)) n += 1;
    onChange([...rows, newRuleRow(catalog, instruments[0]?.id ?? '', `new-${n}`)]);
  };

  return (
    <>
      <table className="data policy-rules">
        <caption>{text.rulesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.ruleNumber}</th><th scope="col">{text.instrument}</th><th scope="col">{text.scale}</th><th scope="col">{text.measure}</th>
            <th scope="col">{text.gte}</th><th scope="col">{text.lt}</th><th scope="col">{text.tier}</th><th scope="col"><span className="visually-hidden">{text.remove}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const n = index + 1;
            const id = (field: string) => `policy-rule-${row.key}-${field}`;
            const bad = (field: string) => problems.has(`${index}.${field}`) || problems.has(String(index));
            const def = instruments.find((candidate) => candidate.id === row.instrument);
            const scales = def?.scales.map((scale) => scale.id) ?? [];
            const instrumentIds = instruments.map((candidate) => candidate.id);
            return (
              <tr key={row.key}>
                <th scope="row">{n}</th>
                <Field id={id('instrument')} label={text.fieldOfRule(n, text.instrument)} invalid={bad('instrument')}>
                  <select id={id('instrument')} value={row.instrument} onChange={(event) => {
                    const next = instruments.find((candidate) => candidate.id === event.target.value);
                    retarget(index, { instrument: event.target.value, scale: next?.scales[0]?.id ?? '' });
                  }}>
                    {(instrumentIds.includes(row.instrument) ? instrumentIds : [row.instrument, ...instrumentIds]).map((candidate) => (
                      <option key={candidate} value={candidate}>{instruments.find((d) => d.id === candidate)?.abbreviation ?? candidate}</option>
                    ))}
                  </select>
                </Field>
                <Field id={id('scale')} label={text.fieldOfRule(n, text.scale)} invalid={bad('scale')}>
                  <select id={id('scale')} value={row.scale} onChange={(event) => retarget(index, { scale: event.target.value })}>
                    {(scales.includes(row.scale) ? scales : [row.scale, ...scales]).map((scale) => <option key={scale} value={scale}>{scale}</option>)}
                  </select>
                </Field>
                <Field id={id('measure')} label={text.fieldOfRule(n, text.measure)} invalid={bad('measure')}>
                  <select id={id('measure')} value={row.measure} onChange={(event) => update(index, { measure: event.target.value as RuleMeasure })}>
                    {MEASURES.map((measure) => <option key={measure} value={measure}>{text.measures[measure]}</option>)}
                  </select>
                </Field>
                {row.measure === 'band' ? (
                  <td colSpan={2} className={bad('bands') ? 'warning-cell' : undefined}>
                    <label htmlFor={id('bands')} className="visually-hidden">{text.fieldOfRule(n, text.bands)}</label>
                    <input id={id('bands')} value={row.bands} placeholder={def?.scales.find((scale) => scale.id === row.scale)?.bands?.map((band) => band.id).join(', ')}
                      onChange={(event) => update(index, { bands: event.target.value })} />
                  </td>
                ) : (
                  <>
                    <Field id={id('gte')} label={text.fieldOfRule(n, text.gte)} invalid={bad('gte')}>
                      <input id={id('gte')} inputMode="decimal" size={6} value={row.gte} onChange={(event) => update(index, { gte: event.target.value })} />
                    </Field>
                    <Field id={id('lt')} label={text.fieldOfRule(n, text.lt)} invalid={bad('lt')}>
                      <input id={id('lt')} inputMode="decimal" size={6} value={row.lt} onChange={(event) => update(index, { lt: event.target.value })} />
                    </Field>
                  </>
                )}
                <Field id={id('tier')} label={text.fieldOfRule(n, text.tier)} invalid={bad('tier')}>
                  <select id={id('tier')} value={row.tier} onChange={(event) => retarget(index, { tier: event.target.value as RuleRow['tier'] })}>
                    <option value="medium">{teacherText.tiers.medium}</option>
                    <option value="high">{teacherText.tiers.high}</option>
                  </select>
                </Field>
                <td><button type="button" className="link" onClick={() => remove(index)} aria-label={text.removeRule(n)}>{text.remove}</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p><button type="button" onClick={add}>{text.addRule}</button></p>
    </>
  );
}
