import {
  fail, issue, parseInstrument, refOf, reviewTextKeys, runVectors, shortRefOf, succeed, vectorsFor,
  type Catalog, type Instrument, type Issue, type LocalizedText, type Outcome, type ReviewFinding, type Vectors,
} from '../../../scoring/index.ts';
import type { TeacherDb } from '../../store/teacherDb.ts';
import { saveDefinition, workspaceCatalog } from './customLibrary.ts';
import { publishInstrument, saveInstrumentDraft } from './instrumentLibrary.ts';

export interface ReviewText {
  readonly key: string;
  readonly text: LocalizedText;
}

/** Every text a student reads, in the order they read it: instructions, items, then option labels. */
export function reviewTexts(def: Instrument): ReviewText[] {
  const options = Object.entries(def.optionSets).flatMap(([set, list]) => list.map((option) => [`option:${set}:${option.value}`, option.label] as const));
  const byKey = new Map<string, LocalizedText>([
    ['instructions', def.instructions],
    ...def.items.map((item) => [item.id, item.text] as const),
    ...options,
  ]);
  return reviewTextKeys(def).flatMap((key) => {
    const text = byKey.get(key);
    return text ? [{ key, text }] : [];
  });
}

export interface ReviewDecision {
  readonly finding: ReviewFinding;
  /** The publisher's zh-CN text, when the finding is "corrected". */
  readonly corrected?: string;
}

export interface ReviewRequest {
  readonly reviewer: string;
  readonly date: string;
  readonly source: string;
  /** The version the school publishes with the reviewed wording. */
  readonly version: string;
  readonly decisions: Readonly<Record<string, ReviewDecision>>;
}

function withText(def: Instrument, key: string, zh: string): void {
  const set = (text: LocalizedText): LocalizedText => ({ ...text, 'zh-CN': zh });
  if (key === 'instructions') def.instructions = set(def.instructions);
  const item = def.items.find((candidate) => candidate.id === key);
  if (item) item.text = set(item.text);
  const [kind, optionSet, value] = key.split(':');
  if (kind === 'option' && optionSet !== undefined) {
    const option = def.optionSets[optionSet]?.find((candidate) => String(candidate.value) === value);
    if (option) option.label = set(option.label);
  }
}

/**
 * The reviewed instrument: the same scoring, the publisher's zh-CN text wherever the reviewer
 * corrected one, `wordingVerified: true`, and the review (who, when, against what, which version,
 * each text's finding) recorded in the file. Every text must have a finding; nothing is guessed.
 */
export function applyReview(def: Instrument, request: ReviewRequest): Outcome<Instrument> {
  const issues: Issue[] = [];
  if (!request.reviewer.trim()) issues.push(issue('review_reviewer_missing', ['reviewer']));
  if (!request.source.trim()) issues.push(issue('review_source_missing', ['source']));
  if (request.version === def.version) issues.push(issue('review_same_version', ['version'], { version: def.version }));
  const texts = reviewTexts(def);
  for (const { key, text } of texts) {
    const decision = request.decisions[key];
    if (!decision) issues.push(issue('review_undecided', ['decisions', key], { key }));
    else if (decision.finding === 'corrected') {
      const corrected = decision.corrected?.trim() ?? '';
      if (!corrected) issues.push(issue('review_correction_empty', ['decisions', key], { key }));
      else if (corrected === text['zh-CN']) issues.push(issue('review_correction_unchanged', ['decisions', key], { key }));
    }
  }
  if (issues.length > 0) return fail(issues);

  const reviewed: Instrument = structuredClone(def);
  const findings: Record<string, ReviewFinding> = {};
  const corrected: string[] = [];
  for (const { key } of texts) {
    const decision = request.decisions[key]!;
    findings[key] = decision.finding;
    if (decision.finding === 'corrected') {
      withText(reviewed, key, decision.corrected!.trim());
      corrected.push(key);
    }
  }
  reviewed.version = request.version;
  reviewed.wordingVerified = true;
  reviewed.review = { reviewer: request.reviewer.trim(), date: request.date, source: request.source.trim(), reviewed: refOf(def), texts: findings };
  const summary = `Wording reviewed word for word by ${request.reviewer.trim()} on ${request.date} against ${request.source.trim()}: ${texts.length - corrected.length} texts matching, ${corrected.length} corrected${corrected.length ? ` (${corrected.join(', ')})` : ''}; reviewed version ${shortRefOf(def)}.`;
  reviewed.wordingNotes = def.wordingNotes ? `${summary} Before the review: ${def.wordingNotes}` : summary;
  return parseInstrument(reviewed);
}

/**
 * Publishes the reviewed version as the school's own, and with it the reviewed version's conformance
 * vectors under the new version number, run first: the review changes texts only, so every case must
 * still pass (that it does is checked, not assumed).
 */
export async function publishReview(db: TeacherDb, shipped: Catalog, def: Instrument, request: ReviewRequest, now: string): Promise<Outcome<{ instrument: Instrument; vectors?: Vectors }>> {
  const reviewed = applyReview(def, request);
  if (!reviewed.ok) return reviewed;
  const catalog = workspaceCatalog(shipped, await db.library.toArray());
  const source = vectorsFor(catalog, def);
  const vectors = source ? { ...source, version: reviewed.value.version } : undefined;
  const policy = vectors && catalog.policies.find((candidate) => shortRefOf(candidate) === vectors.policy);
  if (vectors && policy) {
    const problems = runVectors(reviewed.value, vectors, policy);
    if (problems.length > 0) return fail(problems);
  }
  const draft = await saveInstrumentDraft(db, shipped, reviewed.value, now);
  if (!draft.ok) return draft;
  if (draft.value.kind !== 'saved') return fail([issue('review_version_taken', ['version'], { version: reviewed.value.version })]);
  const published = await publishInstrument(db, draft.value.row.key, now);
  if (!published.ok) return published;
  if (vectors && policy) {
    const saved = await saveDefinition(db, vectors, 'published', now);
    if (!saved.ok) return saved;
    return succeed({ instrument: reviewed.value, vectors });
  }
  return succeed({ instrument: reviewed.value });
}
