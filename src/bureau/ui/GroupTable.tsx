import type { Locale, TableRow } from '../../../scoring/index.ts';
import { noteText } from '../noteText.ts';
import { groupLabelOf } from '../tables.ts';
import type { BureauText } from './bureauText.ts';
import { CountCell, RateCell } from './cells.tsx';

/** Groups of the merged file (grades, sexes or grade × sex cells): participation (battery only) and tier rates. */
export function GroupTable({ rows, k, text, locale, battery, caption }: { rows: readonly TableRow[]; k: number; text: BureauText; locale: Locale; battery: boolean; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data groups">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.group}</th>
            {battery && <><th scope="col">{text.roster}</th><th scope="col">{text.completed}</th><th scope="col">{text.participation}</th></>}
            <th scope="col">{text.resultsN}</th><th scope="col">{text.medium}</th><th scope="col">{text.high}</th><th scope="col">{text.urgent}</th><th scope="col">{text.note}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const cell = { note: row.note, k, text, locale };
            return (
              <tr key={`${row.grade}/${row.sex}`} className={row.grade === 'all' && row.sex === 'all' ? 'total' : undefined}>
                <th scope="row">{groupLabelOf(row, text)}</th>
                {battery && <>
                  <CountCell value={row.roster} column="participation" {...cell} />
                  <CountCell value={row.completed} column="participation" {...cell} />
                  <RateCell estimate={row.participation} column="participation" {...cell} />
                </>}
                <CountCell value={row.resultsN} column="results" {...cell} />
                <RateCell estimate={row.medium} column="results" {...cell} />
                <RateCell estimate={row.high} column="results" {...cell} />
                <RateCell estimate={row.urgentRate} column="results" {...cell} />
                <td className="note">{noteText(row.note, k, text.notes)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
