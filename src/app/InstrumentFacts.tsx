import { refOf, type Instrument } from '../../scoring/index.ts';
import type { AppText } from './i18n.ts';
import { shortenedRef } from './shortenedRef.ts';

/** Version, audience and length at a glance, the unverified-wording warning, and the exact identifier. */
export function InstrumentFacts({ def, text }: { def: Instrument; text: AppText }) {
  const ref = refOf(def);
  return (
    <>
      <p className="meta">
        <span>{text.version} {def.version}</span>
        <span>{text.grades(def.grades.min, def.grades.max)}</span>
        <span>{text.ages(def.ages.min, def.ages.max)}</span>
        <span>{text.items(def.items.length)}</span>
        {def.wordingVerified ? null : <span className="badge" title={def.wordingNotes ?? text.unverifiedHint}>{text.unverified}</span>}
      </p>
      <p className="ref"><code title={`${text.fullRef}: ${ref}`} data-ref={ref}>{shortenedRef(ref)}</code></p>
      {def.wordingVerified ? null : (
        <details className="unverified-meaning">
          <summary>{text.unverifiedQuestion}</summary>
          <p>{text.unverifiedMeaning}</p>
        </details>
      )}
    </>
  );
}
