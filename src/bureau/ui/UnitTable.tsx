import { useMemo, useState } from 'react';
import type { Locale } from '../../../scoring/index.ts';
import { noteText } from '../noteText.ts';
import type { UnitRow } from '../unitRows.ts';
import type { BureauText } from './bureauText.ts';
import { CountCell, RateCell } from './cells.tsx';

const SORTS = ['code', 'high', 'participation', 'completed'] as const;
type Sort = (typeof SORTS)[number];

function sorted(units: readonly UnitRow[], sort: Sort): UnitRow[] {
  const rate = (value: number | undefined, missing: number) => value ?? missing;
  switch (sort) {
    case 'high': return [...units].sort((a, b) => rate(b.high?.rate, -1) - rate(a.high?.rate, -1));
    case 'participation': return [...units].sort((a, b) => rate(a.participation?.rate, 2) - rate(b.participation?.rate, 2));
    case 'completed': return [...units].sort((a, b) => rate(b.completed, -1) - rate(a.completed, -1));
    default: return [...units];
  }
}

/** Per unit (school or lower bureau): participation and the medium, high and urgent rates with their intervals. */
export function UnitTable({ units, k, text, locale }: { units: readonly UnitRow[]; k: number; text: BureauText; locale: Locale }) {
  const [sort, setSort] = useState<Sort>('code');
  const rows = useMemo(() => sorted(units, sort), [units, sort]);
  return (
    <>
      <label className="inline-control">{text.sortBy}{' '}
        <select value={sort} onChange={(event) => setSort(event.target.value as Sort)}>
          {SORTS.map((candidate) => <option key={candidate} value={candidate}>{text.sorts[candidate]}</option>)}
        </select>
      </label>
      <div className="table-scroll">
        <table className="data units">
          <thead>
            <tr>
              <th scope="col">{text.code}</th><th scope="col">{text.name}</th><th scope="col">{text.schools}</th>
              <th scope="col">{text.roster}</th><th scope="col">{text.completed}</th><th scope="col">{text.participation}</th>
              <th scope="col">{text.medium}</th><th scope="col">{text.high}</th><th scope="col">{text.urgent}</th><th scope="col">{text.note}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((unit) => {
              const cell = { note: unit.note, k, text, locale };
              return (
                <tr key={unit.id}>
                  <td><code>{unit.code}</code></td>
                  <th scope="row">{unit.name}</th>
                  <td className="number">{unit.schools}</td>
                  <CountCell value={unit.roster} column="participation" {...cell} />
                  <CountCell value={unit.completed} column="participation" {...cell} />
                  <RateCell estimate={unit.participation} column="participation" {...cell} />
                  <RateCell estimate={unit.medium} column="results" {...cell} />
                  <RateCell estimate={unit.high} column="results" {...cell} />
                  <RateCell estimate={unit.urgent} column="results" {...cell} />
                  <td className="note">{noteText(unit.note, k, text.notes)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
