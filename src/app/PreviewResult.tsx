import { useEffect } from 'react';
import { formatIssueWithPath, type Catalog, type Instrument, type Locale } from '../../scoring/index.ts';
import { RESULT_HEADING_ID } from './focusTargets.ts';
import type { AppText } from './i18n.ts';
import { reasonLabel } from './resultLabels.ts';
import { ScoreTable } from './ScoreTable.tsx';
import type { PreviewScore } from './scorePreview.ts';

interface Props {
  readonly score: PreviewScore;
  readonly def: Instrument;
  readonly catalog: Catalog;
  readonly locale: Locale;
  readonly text: AppText;
}

/** The scored preview, in the teacher's words: tier and flags first, then scores, then why. */
export function PreviewResult({ score, def, catalog, locale, text }: Props) {
  // Completing the survey removes the button that had focus; move focus to the result so it is read next.
  useEffect(() => { document.getElementById(RESULT_HEADING_ID)?.focus(); }, []);

  const heading = <h3 id={RESULT_HEADING_ID} tabIndex={-1}>{text.result}</h3>;
  if (score.kind !== 'scored') {
    return (
      <section className="result" aria-labelledby={RESULT_HEADING_ID}>
        {heading}
        <div className="problems" role="alert">
          {score.kind === 'no_policy'
            ? <p>{text.noPolicy}</p>
            : <><p>{text.scoreFailed}</p><ul>{score.issues.map((found, index) => <li key={index}>{formatIssueWithPath(found, locale)}</li>)}</ul></>}
        </div>
      </section>
    );
  }

  const { result, policy } = score;
  const flags = (['urgent', 'acute'] as const).filter((flag) => result.flags[flag]);
  const validityReasons = result.validity.reasons.map((reason) => text.validityReasons[reason.code]);
  return (
    <section className="result" aria-labelledby={RESULT_HEADING_ID}>
      {heading}
      <dl className="summary">
        <div><dt>{text.tier}</dt><dd><span className={`tier tier-${result.tier}`} data-tier={result.tier}>{text.tiers[result.tier]}</span></dd></div>
        <div>
          <dt>{text.flags}</dt>
          <dd data-flags={flags.join(' ')}>
            {flags.length === 0 ? text.none : flags.map((flag) => <span key={flag} className="flag">{text.flagNames[flag]}</span>)}
          </dd>
        </div>
        <div>
          <dt>{text.validity}</dt>
          <dd data-validity={result.validity.status}>
            {text.validities[result.validity.status]}{validityReasons.length > 0 ? text.aside(validityReasons) : null}
          </dd>
        </div>
      </dl>
      <ScoreTable results={result.instruments} def={def} catalog={catalog} locale={locale} text={text} />
      <h4>{text.reasons}</h4>
      {result.reasons.length === 0
        ? <p className="muted">{text.noReasons}</p>
        : <ul className="reasons">{result.reasons.map((reason, index) => <li key={index}>{reasonLabel(reason, def, locale, text)}</li>)}</ul>}
      <p className="used muted">
        {text.used}{policy.name[locale]} <code>{result.used.policy}</code>
        {result.used.norms.map((norm) => <code key={norm}>{norm}</code>)}
      </p>
    </section>
  );
}
