import type { Catalog, Instrument, Locale, ScaleResult, TierReason } from '../../scoring/index.ts';
import type { AppText } from './i18n.ts';

/** Results name scales, bands and rules by id; a teacher reads them in the instrument's own words. */

export const DASH = '—';

export function scaleName(def: Instrument, scaleId: string, locale: Locale): string {
  return def.scales.find((scale) => scale.id === scaleId)?.name[locale] ?? scaleId;
}

export function bandLabel(def: Instrument, scaleId: string, bandId: string | undefined, locale: Locale): string {
  if (bandId === undefined) return DASH;
  return def.scales.find((scale) => scale.id === scaleId)?.bands?.find((band) => band.id === bandId)?.label[locale] ?? bandId;
}

/** The norm table by its name and sample size, or why no T-score could be given. */
export function normLabel(scale: ScaleResult, catalog: Catalog, locale: Locale, text: AppText): string {
  if (scale.norm) {
    const [tableId] = scale.norm.table.split('@');
    const name = catalog.norms.find((table) => table.id === tableId)?.name[locale] ?? scale.norm.table;
    return text.normGroup(name, scale.norm.n);
  }
  if (scale.normMissing === 'no_table') return text.normNoTable;
  if (scale.normMissing === 'no_group') return text.normNoGroup;
  return text.noNormTable;
}

export function reasonLabel(reason: TierReason, def: Instrument, locale: Locale, text: AppText): string {
  if (reason.kind === 'critical') {
    const rule = def.critical?.find((critical) => critical.id === reason.id);
    const because = reason.because === 'unanswered' ? text.unanswered : '';
    return `${text.flagNames[reason.flag]} · ${rule?.reason[locale] ?? reason.id}${because}`;
  }
  const value = reason.measure === 'band' ? bandLabel(def, reason.scale, String(reason.value), locale) : String(reason.value);
  return `${text.tiers[reason.tier]} · ${text.ruleReason(reason.rule, scaleName(def, reason.scale, locale), text.measures[reason.measure] ?? reason.measure, value)}`;
}
