import { useCallback, useState } from 'react';
import type { Locale } from '../../../scoring/index.ts';

/** Chinese by default; the choice lasts for the current student only (sign-out resets it). */
export function useLocale(): [Locale, () => void, () => void] {
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const toggle = useCallback(() => setLocale((current) => (current === 'zh-CN' ? 'en' : 'zh-CN')), []);
  const reset = useCallback(() => setLocale('zh-CN'), []);
  return [locale, toggle, reset];
}
