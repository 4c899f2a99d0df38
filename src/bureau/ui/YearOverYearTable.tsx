import type { Locale } from '../../../scoring/index.ts';
import type { RateChange, YearOverYear } from '../yearOverYear.ts';
import type { BureauText } from './bureauText.ts';
import { RateCell } from './cells.tsx';

const signed = new Map<Locale, Intl.NumberFormat>();
/** A change in percentage points, signed: "+2.5", "−1.0". */
function points(value: number, locale: Locale): string {
  const format = signed.get(locale) ?? new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' });
  signed.set(locale, format);
  return format.format(value * 100);
}

function ChangeCell({ change, text, locale }: { change: RateChange | undefined; text: BureauText; locale: Locale }) {
  if (!change) return <td className="number suppressed">{text.suppressed}</td>;
  return (
    <td className={`number change change-${change.direction}`}>
      <span className="rate-value">{points(change.difference, locale)}</span>
      <span className="ci">{points(change.interval.low, locale)} … {points(change.interval.high, locale)}</span>
      <span className="direction">{text.directions[change.direction]}</span>
    </td>
  );
}

/** The same units in two school years: each year's rate with its interval, and the change with Newcombe's interval. */
export function YearOverYearTable({ yoy, overall, k, text, locale }: { yoy: YearOverYear; overall: { earlier?: YearOverYear['rows'][number]['earlier']; later?: YearOverYear['rows'][number]['later']; change: RateChange | undefined }; k: number; text: BureauText; locale: Locale }) {
  const cell = { k, text, locale, column: 'results' as const };
  return (
    <>
      <p className="muted">{text.yoyIntro(yoy.earlierYear, yoy.laterYear)}</p>
      <div className="table-scroll">
        <table className="data yoy">
          <thead>
            <tr>
              <th scope="col">{text.code}</th><th scope="col">{text.name}</th>
              <th scope="col">{yoy.earlierYear}</th><th scope="col">{yoy.laterYear}</th><th scope="col">{text.change}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="total">
              <td />
              <th scope="row">{text.countyTotal}</th>
              <RateCell estimate={overall.earlier} note="" {...cell} />
              <RateCell estimate={overall.later} note="" {...cell} />
              <ChangeCell change={overall.change} text={text} locale={locale} />
            </tr>
            {yoy.rows.map((row) => (
              <tr key={row.code}>
                <td><code>{row.code}</code></td>
                <th scope="row">{row.name}</th>
                <RateCell estimate={row.earlier} note={row.partial ? 'partial:1' : ''} {...cell} />
                <RateCell estimate={row.later} note={row.partial ? 'partial:1' : ''} {...cell} />
                <ChangeCell change={row.change} text={text} locale={locale} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(yoy.onlyEarlier.length > 0 || yoy.onlyLater.length > 0) && <p className="muted">{text.onlyOne(yoy.onlyEarlier.length, yoy.onlyLater.length)}</p>}
    </>
  );
}
