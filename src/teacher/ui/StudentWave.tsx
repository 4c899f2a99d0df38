import { useId, useState } from 'react';
import { pickText, type Instrument, type Locale } from '../../../scoring/index.ts';
import type { StoredBatteryResult, Wave } from '../../records/index.ts';
import { bundledCatalog } from '../../library/bundled.ts';
import { ProfileChart, type ProfilePoint } from './ProfileChart.tsx';
import { formatDate } from './studentDates.ts';
import { instrumentOfRef, shortRef } from './studentInstruments.ts';
import { StudentAnswers, type StoredInstrumentResult } from './StudentAnswers.tsx';
import { STUDENT_TEXT, type StudentText } from './studentText.ts';
import type { TeacherText } from './text.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

const DASH = '—';

type StoredScaleResult = StoredInstrumentResult['scales'][number];
type StoredTierReason = StoredBatteryResult['reasons'][number];

const scaleNameOf = (def: Instrument | undefined, scaleId: string, locale: Locale): string =>
  (def?.scales.find((scale) => scale.id === scaleId)?.name[locale]) ?? scaleId;

const instrumentLabel = (def: Instrument | undefined, ref: string, locale: Locale): string =>
  def ? `${def.abbreviation} · ${pickText(def.name, locale)}` : shortRef(ref);

function bandLabel(def: Instrument | undefined, scaleId: string, bandId: string | undefined, locale: Locale): string {
  if (bandId === undefined) return DASH;
  return def?.scales.find((scale) => scale.id === scaleId)?.bands?.find((band) => band.id === bandId)?.label[locale] ?? bandId;
}

function normLabel(scale: StoredScaleResult, locale: Locale, student: StudentText): string {
  if (scale.norm) {
    const [id, version] = scale.norm.table.split('@');
    const table = bundledCatalog.norms.find((candidate) => candidate.id === id && candidate.version === version);
    return student.normGroup(table ? pickText(table.name, locale) : scale.norm.table, scale.norm.group, scale.norm.n);
  }
  if (scale.normMissing === 'no_table') return student.normNoTable;
  if (scale.normMissing === 'no_group') return student.normNoGroup;
  return DASH;
}

function reasonText(reason: StoredTierReason, text: TeacherText, student: StudentText, locale: Locale): string {
  const def = instrumentOfRef(reason.instrument);
  if (reason.kind === 'critical') {
    const rule = def?.critical?.find((critical) => critical.id === reason.id);
    const flag = reason.flag === 'acute' ? text.acute : text.urgent;
    return `${flag} · ${rule ? pickText(rule.reason, locale) : reason.id}${reason.because === 'unanswered' ? student.becauseUnanswered : ''}`;
  }
  const value = reason.measure === 'band' ? bandLabel(def, reason.scale, String(reason.value), locale) : String(reason.value);
  const scale = `${def?.abbreviation ?? shortRef(reason.instrument)} ${scaleNameOf(def, reason.scale, locale)}`;
  return `${text.tiers[reason.tier]} · ${student.ruleReason(reason.rule, scale, student.measures[reason.measure] ?? reason.measure, value)}`;
}

/** One row per scale: raw score, published band, T-score and percentile, and the norm group they came from. */
function ScoreTable({ result, def }: { result: StoredInstrumentResult; def: Instrument | undefined }) {
  const { text, locale } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  // Screeners such as ASQ have critical items but no summed scale: their answers say it all.
  if (result.scales.length === 0) return null;
  return (
    <table className="student-scores">
      <thead>
        <tr>
          <th scope="col">{text.scale}</th><th scope="col">{text.raw}</th><th scope="col">{text.band}</th>
          <th scope="col">{text.tScore}</th><th scope="col">{text.percentile}</th><th scope="col">{student.norms}</th>
        </tr>
      </thead>
      <tbody>
        {result.scales.map((scale) => (
          <tr key={scale.id}>
            <th scope="row">{scaleNameOf(def, scale.id, locale)}</th>
            <td className="student-number">
              {scale.raw === null ? DASH : number.format(scale.raw)}
              {scale.prorated && <span className="student-note">{student.prorated}</span>}
            </td>
            <td>{scale.raw === null ? <span className="student-note">{student.notScorable}</span> : bandLabel(def, scale.id, scale.band, locale)}</td>
            <td className="student-number">{scale.norm ? number.format(scale.norm.t) : DASH}</td>
            <td className="student-number">
              {scale.norm ? number.format(scale.norm.percentile) : DASH}
              {/* The norm table gave no percentile points: the percentile is read off the normal curve. */}
              {scale.norm?.percentileMethod === 'normal' && <span className="student-note">{student.percentileNormal}</span>}
            </td>
            <td className="student-norm">{normLabel(scale, locale, student)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const profilePointsOf = (result: StoredBatteryResult, locale: Locale): ProfilePoint[] =>
  result.instruments.flatMap((instrument) => {
    const def = instrumentOfRef(instrument.instrument);
    return instrument.scales.map((scale) => ({
      key: `${instrument.instrument}/${scale.id}`,
      instrument: def?.abbreviation ?? shortRef(instrument.instrument),
      scale: scaleNameOf(def, scale.id, locale),
      t: scale.norm?.t,
    }));
  });

/** Computed and confirmed tier, flags, validity and the reasons behind the tier. */
function WaveFacts({ wave, result }: { wave: Wave; result: StoredBatteryResult }) {
  const { text, locale } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  const review = [...wave.reviews].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).at(-1);
  const flags = (['urgent', 'acute'] as const).filter((flag) => result.flags[flag]);
  return (
    <>
      <dl className="student-facts">
        <div>
          <dt>{text.computed}</dt>
          <dd><span className={`student-tier student-tier-${result.tier}`}>{text.tiers[result.tier]}</span></dd>
        </div>
        <div>
          <dt>{text.confirmed}</dt>
          <dd>
            {review ? (
              <>
                <span className={`student-tier student-tier-${review.tier}`}>{text.tiers[review.tier]}</span>{' '}
                <span className="student-note">{student.reviewedBy(review.by, formatDate(review.at, locale))}</span>
                <span className="student-review-why">{review.why}</span>
              </>
            ) : <span className="muted">{student.notConfirmed}</span>}
          </dd>
        </div>
        <div>
          <dt>{student.flags}</dt>
          <dd>
            {flags.length === 0 ? student.noFlags : flags.map((flag) => (
              <strong key={flag} className={`student-flag student-flag-${flag}`}>{flag === 'acute' ? text.acute : text.urgent}</strong>
            ))}
          </dd>
        </div>
        <div>
          <dt>{text.validity}</dt>
          <dd>
            <span className={`student-validity student-validity-${result.validity.status}`}>{text.validityStatus[result.validity.status]}</span>
            {result.validity.reasons.length > 0 && (
              <span className="student-note">{result.validity.reasons.map((reason) => student.validityReasons[reason.code]).join(student.listSeparator)}</span>
            )}
            {result.validity.retest && <strong className="student-note">{student.retest}</strong>}
          </dd>
        </div>
      </dl>
      <h5 className="student-subhead">{student.reasons}</h5>
      {result.reasons.length === 0
        ? <p className="muted">{student.noReasons}</p>
        : <ul className="student-reasons">{result.reasons.map((reason, index) => <li key={index}>{reasonText(reason, text, student, locale)}</li>)}</ul>}
    </>
  );
}

/** Per instrument: its scores and its item answers (critical items marked). */
function InstrumentSection({ wave, result, showAnswers }: { wave: Wave; result: StoredInstrumentResult; showAnswers: boolean }) {
  const { locale } = useWorkspaceView();
  const def = instrumentOfRef(result.instrument);
  return (
    <section className="student-instrument">
      <h5>{instrumentLabel(def, result.instrument, locale)}</h5>
      {!def && <p className="student-note">{STUDENT_TEXT[locale].unknownInstrument(shortRef(result.instrument))}</p>}
      <ScoreTable result={result} def={def} />
      {showAnswers && <StudentAnswers wave={wave} result={result} def={def} />}
    </section>
  );
}

/**
 * One screening wave. A wave may have been re-scored (new norms, a corrected policy); the original
 * scoring is what the attention list uses, so it is shown first and the others can be chosen.
 */
export function StudentWave({ wave, latest, inReport }: { wave: Wave; latest: boolean; inReport: boolean }) {
  const { text, locale } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  const [shown, setShown] = useState(0);
  const selectId = useId();
  const labelled = wave.results[shown] ?? wave.results[0];
  const result = labelled?.result;
  const date = formatDate(wave.finishedAt, locale);
  return (
    <section className={inReport ? 'student-wave student-wave-reported' : 'student-wave student-wave-older'} aria-label={text.wave(wave.plan, date)}>
      <h4>
        {text.wave(wave.plan, date)}
        {latest && <span className="student-report-only"> · {student.latestWave}</span>}
      </h4>
      <p className="student-wave-meta">
        <span>{student.status}{student.colon}{wave.status === 'declined' ? <strong>{text.declinedWave}</strong> : student.completedWave}</span>
        <span>{student.atThatTime}{student.colon}{wave.school} · {text.grade(wave.grade)} · {wave.className}</span>
      </p>
      {wave.results.length > 1 && (
        <p className="student-result-choice no-print">
          <label htmlFor={selectId}>{student.shownResult}</label>{' '}
          <select id={selectId} value={shown} onChange={(event) => setShown(Number(event.target.value))}>
            {wave.results.map((candidate, index) => (
              <option key={candidate.label} value={index}>
                {index === 0 ? student.originalResult : candidate.label} ({formatDate(candidate.at, locale)} · {text.tiers[candidate.result.tier]})
              </option>
            ))}
          </select>
        </p>
      )}
      {result && (
        <>
          <WaveFacts wave={wave} result={result} />
          <ProfileChart points={profilePointsOf(result, locale)} />
          {result.instruments.map((instrument) => (
            <InstrumentSection key={instrument.instrument} wave={wave} result={instrument} showAnswers={wave.status === 'completed'} />
          ))}
        </>
      )}
    </section>
  );
}
