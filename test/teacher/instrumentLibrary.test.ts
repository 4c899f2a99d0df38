import 'fake-indexeddb/auto';
import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { findInstrument, latestInstruments, refOf, type Instrument } from '../../scoring/index.ts';
import { openTeacherDb } from '../../src/store/teacherDb.ts';
import { saveDefinition, workspaceCatalog } from '../../src/teacher/workspace/customLibrary.ts';
import {
  deleteInstrumentDraft, importInstrumentFile, isSchoolEdit, listInstruments, nextFreeVersion, publishInstrument, saveInstrumentDraft, withVersion,
} from '../../src/teacher/workspace/instrumentLibrary.ts';
import { templateWorkbookSheets } from '../../src/teacher/workspace/instrumentTemplateFiles.ts';
import { templateTables } from '../../src/teacher/workspace/instrumentTemplateRows.ts';
import { shippedCatalog } from '../support/library.ts';
import { phq9Json } from './instrumentSupport.ts';

let dbCounter = 0;
const freshDb = () => openTeacherDb(`instrument-library-${(dbCounter += 1)}`);
const NOW = '2026-09-01T08:00:00.000Z';
const LATER = '2026-09-02T08:00:00.000Z';

/** A school's own instrument: the PHQ-9 content under another id, so it does not clash with the shipped one. */
function schoolInstrument(version = '1.0.0'): Instrument {
  const phq = phq9Json();
  const rename = (id: string) => id.replace(/^phq9_/, 'moodcheck_');
  return {
    ...phq, id: 'mood-check', version, abbreviation: 'MC-10', name: { 'zh-CN': '本校情绪自查', en: 'School mood check' },
    items: phq.items.map((item) => ({ ...item, id: rename(item.id), ...(item.showIf ? { showIf: JSON.parse(JSON.stringify(item.showIf).replaceAll('phq9_', 'moodcheck_')) as typeof item.showIf } : {}) })),
    scales: phq.scales.map((scale) => ({ ...scale, items: scale.items.map(rename) })),
    critical: (phq.critical ?? []).map((rule) => ({ ...rule, id: 'mood-check-item9', when: { item: 'moodcheck_9', op: 'gte', value: 1 } })),
  };
}

const edited = (def: Instrument): Instrument => ({ ...def, instructions: { ...def.instructions, en: `${def.instructions.en} (school wording)` } });

const xlsxOf = async (def: Instrument): Promise<Uint8Array> =>
  new Uint8Array(await (await writeXlsxFile(templateWorkbookSheets(templateTables('zh-CN', def))).toBlob()).arrayBuffer());

describe('the school instrument library', () => {
  it('imports a filled template as a draft, replaces the draft on re-import, and lists it beside the shipped versions', async () => {
    const db = freshDb();
    const shipped = shippedCatalog();
    const first = await importInstrumentFile(db, shipped, await xlsxOf(schoolInstrument()), NOW);
    expect(first.format).toBe('template');
    expect(first.saved).toMatchObject({ ok: true, value: { kind: 'saved', replaced: false, row: { key: 'instrument:mood-check@1.0.0', status: 'draft' } } });

    const again = await importInstrumentFile(db, shipped, await xlsxOf(edited(schoolInstrument())), LATER);
    expect(again.saved).toMatchObject({ ok: true, value: { kind: 'saved', replaced: true } });
    const { entries, problems } = await listInstruments(db, shipped);
    expect(problems).toEqual([]);
    expect(entries.map((entry) => entry.id)).toEqual(['asq', 'gad7', 'k10', 'k6', 'mood-check', 'phq9', 'who5']);
    const mood = entries.find((entry) => entry.id === 'mood-check');
    expect(mood?.versions.map((version) => [version.def.version, version.status, version.updated])).toEqual([['1.0.0', 'draft', LATER]]);
    expect(mood?.versions[0]?.def).toEqual(edited(schoolInstrument()));
    expect(entries.find((entry) => entry.id === 'phq9')?.versions.map((version) => [version.status, version.ref])).toEqual([['shipped', refOf(phq9Json())]]);
  });

  it('imports nothing from a template with an error', async () => {
    const db = freshDb();
    const broken = { ...schoolInstrument(), items: schoolInstrument().items.map((item, index) => (index === 2 ? { ...item, options: 'freq5' } : item)) };
    const done = await importInstrumentFile(db, shippedCatalog(), await xlsxOf(broken), NOW);
    expect(done.read.ok ? [] : done.read.issues).toEqual([{ code: 'unknown_option_set', path: ['题目', 4, '选项组'], params: { set: 'freq5', known: 'freq4, difficulty4' } }]);
    expect(done.saved).toBeUndefined();
    expect(await db.library.count()).toBe(0);
  });

  it('keeps drafts out of the catalog; publishing freezes a version and puts it in the catalog', async () => {
    const db = freshDb();
    const shipped = shippedCatalog();
    await saveInstrumentDraft(db, shipped, schoolInstrument(), NOW);
    expect(findInstrument(workspaceCatalog(shipped, await db.library.toArray()), 'mood-check')).toBeUndefined();

    const published = await publishInstrument(db, 'instrument:mood-check@1.0.0', LATER);
    expect(published).toMatchObject({ ok: true, value: { status: 'published', ref: refOf(schoolInstrument()), updated: LATER } });
    const catalog = workspaceCatalog(shipped, await db.library.toArray());
    expect(findInstrument(catalog, 'mood-check', '1.0.0')).toEqual(schoolInstrument());
    expect(latestInstruments(catalog).map((def) => def.id)).toContain('mood-check');
    // Published versions are neither published again nor deleted.
    expect(await publishInstrument(db, 'instrument:mood-check@1.0.0', LATER)).toMatchObject({ ok: false, issues: [{ code: 'instrument_not_a_draft' }] });
    expect(await deleteInstrumentDraft(db, 'instrument:mood-check@1.0.0')).toMatchObject({ ok: false, issues: [{ code: 'instrument_not_a_draft' }] });
  });

  it('never changes a published version, and offers the next patch version instead, which can be saved and published', async () => {
    const db = freshDb();
    const shipped = shippedCatalog();
    await saveInstrumentDraft(db, shipped, schoolInstrument(), NOW);
    await publishInstrument(db, 'instrument:mood-check@1.0.0', NOW);
    const frozenRow = await db.library.get('instrument:mood-check@1.0.0');

    const changed = await saveInstrumentDraft(db, shipped, edited(schoolInstrument()), LATER);
    expect(changed).toEqual({ ok: false, issues: [{ code: 'library_version_frozen', path: ['version'], params: { key: 'mood-check@1.0.0', next: '1.0.1' } }] });
    // Not through the lower-level save either, and not as a draft.
    expect((await saveDefinition(db, edited(schoolInstrument()), 'draft', LATER)).ok).toBe(false);
    expect((await importInstrumentFile(db, shipped, await xlsxOf(edited(schoolInstrument())), LATER)).saved).toMatchObject({ ok: false, issues: [{ code: 'library_version_frozen' }] });
    expect(await db.library.get('instrument:mood-check@1.0.0')).toEqual(frozenRow);
    expect((await db.library.get('instrument:mood-check@1.0.0'))?.json).toEqual(schoolInstrument());

    // The same content again is no change at all.
    expect(await saveInstrumentDraft(db, shipped, schoolInstrument(), LATER)).toMatchObject({ ok: true, value: { kind: 'already-published' } });

    const next = withVersion(edited(schoolInstrument()), '1.0.1');
    expect(await saveInstrumentDraft(db, shipped, next, LATER)).toMatchObject({ ok: true, value: { kind: 'saved', replaced: false } });
    expect(await publishInstrument(db, 'instrument:mood-check@1.0.1', LATER)).toMatchObject({ ok: true });
    const catalog = workspaceCatalog(shipped, await db.library.toArray());
    expect(findInstrument(catalog, 'mood-check')?.version).toBe('1.0.1');
    expect(findInstrument(catalog, 'mood-check', '1.0.0')).toEqual(schoolInstrument());
    const { entries } = await listInstruments(db, shipped);
    expect(entries.find((entry) => entry.id === 'mood-check')?.versions.map((version) => [version.def.version, version.status])).toEqual([['1.0.1', 'published'], ['1.0.0', 'published']]);
    // Editing 1.0.0 once more suggests the version after the newest.
    expect(await saveInstrumentDraft(db, shipped, withVersion(edited(edited(schoolInstrument())), '1.0.0'), LATER)).toMatchObject({ ok: false, issues: [{ params: { next: '1.0.2' } }] });
  });

  it('refuses to replace a shipped version and suggests the next one', async () => {
    const db = freshDb();
    const changed = await saveInstrumentDraft(db, shippedCatalog(), edited(phq9Json()), NOW);
    expect(changed).toEqual({ ok: false, issues: [{ code: 'instrument_version_shipped', path: ['version'], params: { key: 'phq9@1.0.0', next: '1.0.1' } }] });
    expect(await saveInstrumentDraft(db, shippedCatalog(), phq9Json(), NOW)).toEqual({ ok: true, value: { kind: 'already-shipped' } });
    expect(await db.library.count()).toBe(0);
  });

  it('a school\'s published phq9@1.0.1 becomes the newest PHQ-9, and is marked as the school\'s edit', async () => {
    const db = freshDb();
    const shipped = shippedCatalog();
    const edit = withVersion(edited(phq9Json()), '1.0.1');
    expect(await saveInstrumentDraft(db, shipped, edit, NOW)).toMatchObject({ ok: true });
    expect(await publishInstrument(db, 'instrument:phq9@1.0.1', LATER)).toMatchObject({ ok: true });
    const newest = findInstrument(workspaceCatalog(shipped, await db.library.toArray()), 'phq9');
    expect(newest?.version).toBe('1.0.1');
    expect(newest && isSchoolEdit(newest, shipped)).toBe(true);
    expect(isSchoolEdit(phq9Json(), shipped)).toBe(false);
    expect(isSchoolEdit(schoolInstrument(), shipped)).toBe(false); // the school's own instrument, not an edit
  });

  it('deletes drafts', async () => {
    const db = freshDb();
    await saveInstrumentDraft(db, shippedCatalog(), schoolInstrument(), NOW);
    expect(await deleteInstrumentDraft(db, 'instrument:mood-check@1.0.0')).toEqual({ ok: true, value: true });
    expect(await db.library.count()).toBe(0);
  });

  it('numbers the next version after the newest one taken', () => {
    expect(nextFreeVersion('1.0.0', [])).toBe('1.0.1');
    expect(nextFreeVersion('1.0.0', ['1.0.0', '1.0.1', '1.0.3'])).toBe('1.0.4');
    expect(nextFreeVersion('1.0.9', ['1.2.0'])).toBe('1.2.1');
    expect(nextFreeVersion('1.0.9', ['1.0.10'])).toBe('1.0.11');
  });
});
