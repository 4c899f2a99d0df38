import { instrumentByRef, parseRef, pickText, type Catalog, type Locale, type Tier } from '../../../scoring/index.ts';
import type { AttentionEntry } from './attention.ts';

/** "PHQ-9 总分 16": the instrument's abbreviation and the scale's name where the catalog has them, else their ids. */
function scoreLabel(catalog: Catalog | undefined, instrumentRef: string, scaleId: string, locale: Locale): string {
  const definition = catalog ? instrumentByRef(catalog, instrumentRef) : undefined;
  const scale = definition?.scales.find((candidate) => candidate.id === scaleId);
  const instrument = definition?.abbreviation ?? parseRef(instrumentRef)?.id ?? instrumentRef;
  return `${instrument} ${scale ? pickText(scale.name, locale) : scaleId}`;
}

/** Why a student is on the list, in words: flags, tier rules that fired, validity. */
export function attentionReasons(entry: AttentionEntry, locale: Locale, catalog?: Catalog): string[] {
  const zh = locale === 'zh-CN';
  const result = entry.wave.results[0]?.result;
  const reasons: string[] = [];
  if (entry.acute) reasons.push(zh ? '急迫：自杀风险需立即评估' : 'acute: immediate suicide-risk assessment');
  if (entry.urgent) reasons.push(zh ? '紧急：自伤信号' : 'urgent: self-harm signal');
  for (const reason of result?.reasons ?? []) {
    if (reason.kind === 'rule') reasons.push(`${scoreLabel(catalog, reason.instrument, reason.scale, locale)} ${reason.value}`);
  }
  if (entry.invalid) reasons.push(zh ? '作答无效，需复测' : 'invalid answers: re-test');
  return [...new Set(reasons)];
}

export interface AttentionExportRow {
  readonly name: string;
  readonly studentNumber: string;
  readonly className: string;
  readonly computedTier?: Tier;
  readonly currentTier: Tier;
  readonly urgent: boolean;
  readonly reasons?: string;
  readonly nextDue: string;
  readonly lastContact: string;
}

/**
 * The rows of an export. The class-teacher view leaves out scores, item answers, the computed tier and
 * the reasons: a class teacher needs to know whom to watch and when the next contact is, not why.
 */
export function attentionExportRows(entries: readonly AttentionEntry[], locale: Locale, view: 'psychologist' | 'class_teacher', catalog?: Catalog): AttentionExportRow[] {
  return entries.map((entry) => ({
    name: entry.record.identity.name,
    studentNumber: entry.record.identity.studentNumber,
    className: entry.record.identity.className,
    currentTier: entry.currentTier,
    urgent: entry.urgent,
    nextDue: entry.nextDue ?? '',
    lastContact: entry.lastContact?.at.slice(0, 10) ?? '',
    ...(view === 'psychologist' ? { computedTier: entry.computedTier, reasons: attentionReasons(entry, locale, catalog).join('; ') } : {}),
  }));
}
