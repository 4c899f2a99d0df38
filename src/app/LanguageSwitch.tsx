import { LOCALES, type Locale } from '../../scoring/index.ts';
import { LANGUAGE_NAMES } from './i18n.ts';

/** Both languages always visible, the current one pressed: a toggle labelled with the other language hides where you are. */
export function LanguageSwitch({ locale, label, onChange }: { locale: Locale; label: string; onChange: (next: Locale) => void }) {
  return (
    <div className="language-switch" role="group" aria-label={label}>
      {LOCALES.map((candidate) => (
        <button key={candidate} type="button" lang={candidate} aria-pressed={candidate === locale} onClick={() => onChange(candidate)}>
          {LANGUAGE_NAMES[candidate]}
        </button>
      ))}
    </div>
  );
}
