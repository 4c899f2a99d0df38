import type { BatteryResult } from '../../scoring/index.ts';
import type { AppText } from './text.ts';

/** The scored preview: raw, band, norms, tier and flags, so a teacher sees exactly what scoring does. */
export function PreviewResult({ result, text }: { result: BatteryResult; text: AppText }) {
  const flags = [result.flags.urgent ? text.urgent : '', result.flags.acute ? text.acute : ''].filter(Boolean).join('、') || text.none;
  return (
    <section className="result" aria-label={text.result}>
      <h3>{text.result}</h3>
      <table>
        <thead><tr><th /><th>{text.raw}</th><th>{text.band}</th><th>{text.tScore}</th><th>{text.percentile}</th></tr></thead>
        <tbody>
          {result.instruments.flatMap((instrument) => instrument.scales.map((scale) => (
            <tr key={`${instrument.instrument}/${scale.id}`} data-scale={scale.id}>
              <th scope="row">{scale.id}</th>
              <td className="raw">{scale.raw ?? '—'}</td>
              <td>{scale.band ?? '—'}</td>
              <td>{scale.norm?.t ?? '—'}</td>
              <td>{scale.norm?.percentile ?? '—'}</td>
            </tr>
          )))}
        </tbody>
      </table>
      <p><strong>{text.tier}:</strong> <span className={`tier tier-${result.tier}`} data-tier={result.tier}>{text.tiers[result.tier]}</span> · <strong>{text.flags}:</strong> {flags}</p>
    </section>
  );
}
