import type { Catalog, Instrument, InstrumentResult, Locale } from '../../scoring/index.ts';
import type { AppText } from './i18n.ts';
import { DASH, bandLabel, normLabel, scaleName } from './resultLabels.ts';

interface Props {
  readonly results: readonly InstrumentResult[];
  readonly def: Instrument;
  readonly catalog: Catalog;
  readonly locale: Locale;
  readonly text: AppText;
}

/** One row per scale: raw score, published band, and T-score and percentile where norms apply. */
export function ScoreTable({ results, def, catalog, locale, text }: Props) {
  const rows = results.flatMap((result) => result.scales.map((scale) => ({ instrument: result.instrument, scale })));
  // Screeners such as ASQ have critical items but no summed scale: no table then.
  if (rows.length === 0) return null;
  return (
    <table className="scores">
      <thead>
        <tr>
          <th scope="col">{text.scale}</th><th scope="col">{text.raw}</th><th scope="col">{text.band}</th>
          <th scope="col">{text.tScore}</th><th scope="col">{text.percentile}</th><th scope="col">{text.norms}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ instrument, scale }) => (
          <tr key={`${instrument}/${scale.id}`} data-scale={scale.id}>
            <th scope="row">{scaleName(def, scale.id, locale)}</th>
            <td className="raw">{scale.raw ?? DASH}</td>
            <td>
              {scale.raw === null ? <span className="note">{text.notScorable}</span> : bandLabel(def, scale.id, scale.band, locale)}
              {scale.prorated ? <span className="note">{text.prorated}</span> : null}
            </td>
            <td className="number">{scale.norm?.t ?? DASH}</td>
            <td className="number">
              {scale.norm?.percentile ?? DASH}
              {scale.norm?.percentileMethod === 'normal' ? <span className="note">{text.percentileNormal}</span> : null}
            </td>
            <td className="norm" title={scale.norm ? `${scale.norm.table} · ${scale.norm.group}` : undefined}>{normLabel(scale, catalog, locale, text)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
