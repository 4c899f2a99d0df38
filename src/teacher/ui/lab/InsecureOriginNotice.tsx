import { useState } from 'react';
import type { Locale } from '../../../../scoring/index.ts';
import { LAB_TEXT } from './labText.ts';

const SEEN_KEY = 'psyscreen-insecure-notice-seen';

const seen = (): boolean => {
  try {
    return window.localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false;
  }
};

/** On plain http (a lab server on the LAN), says once what does not work there; dismissed for good. */
export function InsecureOriginNotice({ locale }: { locale: Locale }) {
  const [hidden, setHidden] = useState(() => window.isSecureContext || seen());
  if (hidden) return null;
  const text = LAB_TEXT[locale];
  const dismiss = () => {
    try {
      window.localStorage.setItem(SEEN_KEY, '1');
    } catch {
      // storage refused: the notice still goes away for this visit
    }
    setHidden(true);
  };
  return (
    <p className="notice no-print insecure-origin" role="status">
      {text.insecure} <button type="button" className="link" onClick={dismiss}>{text.dismiss}</button>
    </p>
  );
}
