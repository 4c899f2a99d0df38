import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseInstrument, refOf, reviewTextKeys, vectorsFor } from '../../../scoring/index.ts';
import { openTeacherDb } from '../../../src/store/teacherDb.ts';
import { workspaceCatalog } from '../../../src/teacher/workspace/customLibrary.ts';
import { applyReview, publishReview, reviewTexts, type ReviewDecision, type ReviewRequest } from '../../../src/teacher/workspace/wordingReview.ts';
import { shippedCatalog, shippedInstrument } from '../../support/library.ts';

let dbCounter = 0;
const freshDb = () => openTeacherDb(`wording-review-${(dbCounter += 1)}`);
const NOW = '2026-12-04T10:00:00.000Z';
const gad7 = () => shippedInstrument('gad7');
const allMatching = (): Record<string, ReviewDecision> => Object.fromEntries(reviewTextKeys(gad7()).map((key) => [key, { finding: 'matching' as const }]));
const request = (decisions: Record<string, ReviewDecision>): ReviewRequest => ({
  reviewer: '王老师', date: '2026-12-04', source: 'Pfizer GAD-7 Chinese (Simplified) for China PDF, phqscreeners.com, downloaded 2026-12-01', version: '1.0.1', decisions,
});

describe('a wording review', () => {
  it('lists every text a student reads: instructions, each item, each option label', () => {
    const keys = reviewTexts(gad7()).map((text) => text.key);
    expect(keys).toEqual(['instructions', 'gad7_1', 'gad7_2', 'gad7_3', 'gad7_4', 'gad7_5', 'gad7_6', 'gad7_7', 'option:freq4:0', 'option:freq4:1', 'option:freq4:2', 'option:freq4:3']);
  });

  it('publishes a new version with the corrections, wordingVerified true and who, when, what and which version in the file', () => {
    const decisions = { ...allMatching(), gad7_1: { finding: 'corrected' as const, corrected: '感觉紧张、焦虑或急切' } };
    const done = applyReview(gad7(), request(decisions));
    if (!done.ok) throw new Error(JSON.stringify(done.issues));
    const reviewed = done.value;
    expect(reviewed.version).toBe('1.0.1');
    expect(reviewed.wordingVerified).toBe(true);
    expect(reviewed.items[0]!.text).toEqual({ 'zh-CN': '感觉紧张、焦虑或急切', en: gad7().items[0]!.text.en });
    expect(reviewed.items.slice(1)).toEqual(gad7().items.slice(1));
    expect(reviewed.scales).toEqual(gad7().scales);
    expect(reviewed.review).toEqual({
      reviewer: '王老师', date: '2026-12-04', source: request({}).source, reviewed: refOf(gad7()),
      texts: { ...Object.fromEntries(reviewTextKeys(gad7()).map((key) => [key, 'matching'])), gad7_1: 'corrected' },
    });
    expect(reviewed.wordingNotes).toMatch(/^Wording reviewed word for word by 王老师 on 2026-12-04 .*: 11 texts matching, 1 corrected \(gad7_1\)/);
    expect(parseInstrument(reviewed).ok).toBe(true);
  });

  it('refuses while any text has no finding, a correction is empty or unchanged, or names are missing', () => {
    const decisions = allMatching();
    delete decisions.gad7_3;
    const done = applyReview(gad7(), { ...request({ ...decisions, gad7_2: { finding: 'corrected', corrected: '  ' }, gad7_4: { finding: 'corrected', corrected: gad7().items[3]!.text['zh-CN'] } }), reviewer: ' ', version: '1.0.0' });
    expect(done.ok ? [] : done.issues.map((found) => `${found.code}:${found.params?.key ?? ''}`)).toEqual([
      'review_reviewer_missing:', 'review_same_version:', 'review_correction_empty:gad7_2', 'review_undecided:gad7_3', 'review_correction_unchanged:gad7_4',
    ]);
  });

  it('a verified file must account for every text, and may not name texts the instrument lacks', () => {
    const done = applyReview(gad7(), request(allMatching()));
    if (!done.ok) throw new Error('review failed');
    const partial = { ...done.value.review!.texts };
    delete partial.gad7_7;
    const parsed = parseInstrument({ ...done.value, review: { ...done.value.review!, texts: { ...partial, gad7_9: 'matching' } } });
    expect(parsed.ok ? [] : parsed.issues.map((found) => found.code).sort()).toEqual(['review_text_missing', 'review_unknown_text']);
  });

  it('is published as the school version together with the vectors of the reviewed version, which still pass', async () => {
    const db = freshDb();
    const done = await publishReview(db, shippedCatalog(), gad7(), request(allMatching()), NOW);
    if (!done.ok) throw new Error(JSON.stringify(done.issues));
    const catalog = workspaceCatalog(shippedCatalog(), await db.library.toArray());
    const published = catalog.instruments.find((def) => def.id === 'gad7' && def.version === '1.0.1');
    expect(published?.wordingVerified).toBe(true);
    expect(vectorsFor(catalog, published!)?.cases.length).toBe(vectorsFor(shippedCatalog(), gad7())!.cases.length);
    const again = await publishReview(db, shippedCatalog(), gad7(), request(allMatching()), NOW);
    expect(again.ok ? [] : again.issues.map((found) => found.code)).toEqual(['review_version_taken']);
  });
});
