import { describeOutgoing, formatOutgoing, formatPath, type Aggregate, type Locale } from '../../../scoring/index.ts';
import type { AggregateText } from './aggregateText.ts';

/** Every statement of `describeOutgoing`, one row each, with the JSON path it comes from: what the teacher checks before export. */
export function OutgoingTable({ aggregate, locale, text }: { aggregate: Aggregate; locale: Locale; text: AggregateText }) {
  const lines = describeOutgoing(aggregate);
  return (
    <table className="data outgoing">
      <thead>
        <tr><th scope="col">#</th><th scope="col">{text.statement}</th><th scope="col">{text.where}</th></tr>
      </thead>
      <tbody>
        {lines.map((line, index) => (
          <tr key={index} className={line.code.startsWith('outgoing_suppressed') ? 'outgoing-suppressed' : undefined}>
            <td>{index + 1}</td>
            <td>{formatOutgoing(line, locale)}</td>
            <td><code>{line.path.length > 0 ? formatPath(line.path) : '—'}</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
