import { LOCALES, type Level, type Locale } from '../../../scoring/index.ts';

/** This bureau's own details and the interface language: per-machine preferences, kept in localStorage. */
export interface BureauSettings {
  readonly locale: Locale;
  /** When set, files from schools of another county are refused. */
  readonly county: string;
  readonly level: Exclude<Level, 'school'>;
  readonly code: string;
  readonly name: string;
}

const KEY = 'psyscreen-bureau-settings';
const DEFAULTS: BureauSettings = { locale: 'zh-CN', county: '', level: 'county', code: '', name: '' };
const LEVELS = ['county', 'city', 'province'] as const;

export function loadBureauSettings(): BureauSettings {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<keyof BureauSettings, unknown>>;
    const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
    return {
      locale: LOCALES.find((locale) => locale === stored.locale) ?? DEFAULTS.locale,
      county: text(stored.county, DEFAULTS.county),
      level: LEVELS.find((level) => level === stored.level) ?? DEFAULTS.level,
      code: text(stored.code, DEFAULTS.code),
      name: text(stored.name, DEFAULTS.name),
    };
  } catch {
    return DEFAULTS;
  }
}

export const saveBureauSettings = (settings: BureauSettings): void => localStorage.setItem(KEY, JSON.stringify(settings));
