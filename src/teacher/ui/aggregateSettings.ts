import { MIN_K } from '../../../scoring/index.ts';

/** School code, county and k for the bureau's aggregate: per-machine preferences (not student data), kept in localStorage. */
export interface AggregateSettings {
  readonly code: string;
  readonly county: string;
  readonly k: number;
}

const KEY = 'psyscreen-teacher-aggregate';

export function loadAggregateSettings(): AggregateSettings {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<keyof AggregateSettings, unknown>>;
    const k = typeof stored.k === 'number' && Number.isInteger(stored.k) && stored.k >= MIN_K ? stored.k : MIN_K;
    return { code: typeof stored.code === 'string' ? stored.code : '', county: typeof stored.county === 'string' ? stored.county : '', k };
  } catch {
    return { code: '', county: '', k: MIN_K };
  }
}

export const saveAggregateSettings = (settings: AggregateSettings): void => localStorage.setItem(KEY, JSON.stringify(settings));
