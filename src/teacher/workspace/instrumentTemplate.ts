import { fail, issue, parseInstrument, succeed, type Instrument, type Issue, type JsonPath, type Outcome } from '../../../scoring/index.ts';
import { readCondition } from './instrumentCondition.ts';
import type { TemplateBook } from './instrumentTemplateBook.ts';
import { readChoice, readGrade, readInteger, readItemList, readNumber, readYesNo, resolveItem, type CellParse } from './instrumentTemplateCells.ts';
import { locationPath, type TemplateLocation } from './instrumentTemplateLocation.ts';
import { readSheets, type SheetRecords, type SheetsRead, type TemplateRecord } from './instrumentTemplateSheets.ts';
import { TemplateSourceMap } from './instrumentTemplateSourceMap.ts';
import {
  ABOUT_FIELDS, ABOUT_SHEET, BANDS_SHEET, CRITICAL_SHEET, ITEMS_SHEET, OPTIONS_SHEET, PAIRS_SHEET, SCALES_SHEET, fieldFor,
  type AboutField, type SheetSpec,
} from './instrumentTemplateSpec.ts';

/**
 * The filled instrument template → an instrument definition, validated by the scoring core's
 * `ZInstrument`. Every problem names the sheet, row and column it is in (the issue's path is
 * `[sheet, row, column]`); a template with any problem gives no definition at all.
 */
export function parseInstrumentTemplate(book: TemplateBook): Outcome<Instrument> {
  const layout = readSheets(book);
  if (layout.issues.length > 0) return fail(layout.issues);
  const builder = new TemplateBuilder(layout.sheets);
  const json = builder.build();
  const checked = parseInstrument(json);
  const issues = [...builder.issues, ...(checked.ok ? [] : builder.map.relocate(checked.issues, builder.fallback))];
  if (issues.length > 0) return fail(inSheetOrder(dedupe(issues), book));
  return checked.ok ? succeed(checked.value) : fail(checked.issues);
}

const SET_ID = /^[a-z][a-z0-9-]*$/;

const METHODS = { sum: 'sum', 求和: 'sum', 总和: 'sum', 总分: 'sum', mean: 'mean', 平均: 'mean', 平均分: 'mean', 均分: 'mean', average: 'mean' } as const;
const MISSING_RULES = { invalidate: 'invalidate', 作废: 'invalidate', 不计分: 'invalidate', prorate: 'prorate', 按比例: 'prorate', 按比例补足: 'prorate', 按比例折算: 'prorate' } as const;
const FLAGS = { urgent: 'urgent', 紧急: 'urgent', acute: 'acute', 急迫: 'acute', 紧迫: 'acute' } as const;
const RELATIONS = { same: 'same', 同向: 'same', 相同: 'same', opposite: 'opposite', 反向: 'opposite', 相反: 'opposite' } as const;

type Json = Record<string, unknown>;

/** Stands in for a required text cell that has an issue; see `text`. */
const STAND_IN = '?';

class TemplateBuilder {
  readonly issues: Issue[] = [];
  readonly map = new TemplateSourceMap();
  readonly fallback: TemplateLocation;
  private prefix = '';
  private itemOrder: string[] = [];

  constructor(private readonly sheets: SheetsRead) {
    this.fallback = { sheet: sheets.about?.sheetName ?? ABOUT_SHEET.name['zh-CN'] };
  }

  build(): Json {
    const about = this.about();
    const id = typeof about.id === 'string' ? about.id : '';
    this.prefix = `${id.replaceAll('-', '')}_`;
    const optionSets = this.optionSets();
    const items = this.items();
    const scales = this.scales();
    this.bands(scales);
    const critical = this.critical();
    const pairs = this.pairs();
    return {
      ...about, optionSets, items, scales,
      ...(critical.length > 0 ? { critical } : {}),
      ...(pairs.length > 0 ? { consistencyPairs: pairs } : {}),
    };
  }

  private sheet<K extends string>(spec: SheetSpec<K>): SheetRecords<K> | undefined {
    return this.sheets[spec.key] as SheetRecords<K> | undefined;
  }

  /** Reads one cell into the definition at `path`: blank cells of required columns and unreadable cells become issues. */
  private cell<K extends string, T = string>(
    sheet: SheetRecords<K>, record: TemplateRecord<K>, key: K, path: JsonPath,
    options: { required: boolean; read?: (text: string) => CellParse<T>; stand?: T },
  ): T | undefined {
    const location = { sheet: sheet.sheetName, row: record.row, column: sheet.header(key) };
    this.map.place(path, location);
    const text = record.cell(key);
    if (text === '') {
      if (!options.required) return undefined;
      this.problem(path, location, 'template_value_missing');
      return options.stand;
    }
    if (!options.read) return text as T;
    const read = options.read(text);
    if (read.ok) return read.value;
    this.problem(path, location, read.code, read.params);
    return options.stand;
  }

  /**
   * A required text cell. A blank one is an issue, and a stand-in keeps the definition's shape
   * whole, so the schema's cross-sheet checks (bands, item references), which zod skips on a
   * malformed shape, still run and their problems are listed in the same pass. The stand-in
   * never reaches the library: any issue refuses the whole template.
   */
  private text<K extends string>(sheet: SheetRecords<K>, record: TemplateRecord<K>, key: K, path: JsonPath): string | undefined {
    return this.cell(sheet, record, key, path, { required: true, stand: STAND_IN });
  }

  private problem(path: JsonPath, location: TemplateLocation, code: string, params?: Readonly<Record<string, string | number>>): void {
    this.map.cover(path);
    this.issues.push(issue(code, locationPath(location), params ? { ...params } : undefined));
  }

  private about(): Json {
    const sheet = this.sheet(ABOUT_SHEET);
    if (!sheet) return { kind: 'instrument' };
    const values = new Map<AboutField, { record: TemplateRecord<'field' | 'value'>; }>();
    for (const record of sheet.records) {
      const name = record.cell('field');
      const location = { sheet: sheet.sheetName, row: record.row, column: sheet.header('field') };
      const found = name === '' ? undefined : fieldFor(name);
      if (!found) {
        this.issues.push(issue(name === '' ? 'template_value_missing' : 'template_field_unknown', locationPath(location), name === '' ? undefined : { field: name }));
        continue;
      }
      const first = values.get(found.key);
      if (first) this.issues.push(issue('template_field_twice', locationPath(location), { field: name, first: first.record.row }));
      else values.set(found.key, { record });
    }
    // Text, version and yes/no fields get stand-ins (see `text`); ids and numbers feed cross-field rules and do not.
    const read = <T = string>(key: AboutField, path: JsonPath, reader?: (text: string) => CellParse<T>, stand?: T): T | undefined => {
      const spec = ABOUT_FIELDS.find((candidate) => candidate.key === key);
      const entry = values.get(key);
      if (!spec) return undefined;
      if (!entry) {
        if (!spec.required) return undefined;
        this.problem(path, { sheet: sheet.sheetName }, 'template_field_missing', { fieldZh: spec.name['zh-CN'], fieldEn: spec.name.en });
        return stand;
      }
      return this.cell(sheet, entry.record, 'value', path, { required: spec.required, ...(reader ? { read: reader } : {}), ...(stand === undefined ? {} : { stand }) });
    };
    const text = (key: AboutField, path: JsonPath): string | undefined => read(key, path, undefined, STAND_IN);
    const pick = (entries: Record<string, unknown>): Json => Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
    const json = pick({
      kind: 'instrument',
      id: read('id', ['id']),
      version: read('version', ['version'], undefined, '0.0.0'),
      abbreviation: text('abbreviation', ['abbreviation']),
      name: { 'zh-CN': text('nameZh', ['name', 'zh-CN']), en: text('nameEn', ['name', 'en']) },
      wordingVerified: read('wordingVerified', ['wordingVerified'], readYesNo, false),
      wordingNotes: read('wordingNotes', ['wordingNotes']),
      source: pick({ citation: text('citation', ['source', 'citation']), translation: read('translation', ['source', 'translation']), url: read('url', ['source', 'url']) }),
      licence: { terms: text('licenceTerms', ['licence', 'terms']), notice: { 'zh-CN': text('noticeZh', ['licence', 'notice', 'zh-CN']), en: text('noticeEn', ['licence', 'notice', 'en']) } },
      ages: { min: read('agesMin', ['ages', 'min'], readInteger), max: read('agesMax', ['ages', 'max'], readInteger) },
      grades: { min: read('gradesMin', ['grades', 'min'], readGrade), max: read('gradesMax', ['grades', 'max'], readGrade) },
      instructions: { 'zh-CN': text('instructionsZh', ['instructions', 'zh-CN']), en: text('instructionsEn', ['instructions', 'en']) },
    });
    // Whole-object problems (an inverted range) point at the row of their first field.
    for (const [path, first] of [[['ages'], ['ages', 'min']], [['grades'], ['grades', 'min']], [['source'], ['source', 'citation']], [['licence'], ['licence', 'terms']]] as const) {
      const location = this.map.locate(first);
      if (location) this.map.place(path, location);
    }
    return json;
  }

  private optionSets(): Record<string, Json[]> {
    const sheet = this.sheet(OPTIONS_SHEET);
    const sets: Record<string, Json[]> = {};
    if (!sheet) return sets;
    this.map.place(['optionSets'], { sheet: sheet.sheetName });
    let previous = '';
    for (const record of sheet.records) {
      // An empty set cell continues the set above (merged cells read this way).
      const set = record.cell('set') || previous;
      const setLocation = { sheet: sheet.sheetName, row: record.row, column: sheet.header('set') };
      if (set === '') {
        this.issues.push(issue('template_value_missing', locationPath(setLocation)));
        continue;
      }
      previous = set;
      const options = (sets[set] ??= []);
      if (options.length === 0) {
        this.map.place(['optionSets', set], setLocation);
        // The schema's own complaint about a bad record key says only "invalid key".
        if (!SET_ID.test(set)) this.problem(['optionSets', set], setLocation, 'bad_slug');
      }
      const path = ['optionSets', set, options.length];
      this.map.place(path, { sheet: sheet.sheetName, row: record.row });
      const refusal = this.cell(sheet, record, 'refusal', [...path, 'refusal'], { required: false, read: readYesNo });
      options.push({
        value: this.cell(sheet, record, 'value', [...path, 'value'], { required: true, read: readInteger }),
        label: { 'zh-CN': this.text(sheet, record, 'labelZh', [...path, 'label', 'zh-CN']), en: this.text(sheet, record, 'labelEn', [...path, 'label', 'en']) },
        ...(refusal ? { refusal: true } : {}),
      });
    }
    return sets;
  }

  private items(): Json[] {
    const sheet = this.sheet(ITEMS_SHEET);
    if (!sheet) return [];
    this.map.place(['items'], { sheet: sheet.sheetName });
    this.itemOrder = sheet.records.map((record) => resolveItem(record.cell('id'), this.prefix));
    return sheet.records.map((record, index) => {
      const path = ['items', index];
      this.map.place(path, { sheet: sheet.sheetName, row: record.row });
      const id = this.cell(sheet, record, 'id', [...path, 'id'], { required: true, read: (text) => ({ ok: true, value: resolveItem(text, this.prefix) }) });
      const reverse = this.cell(sheet, record, 'reverse', [...path, 'reverse'], { required: false, read: readYesNo });
      const showIf = this.cell(sheet, record, 'showIf', [...path, 'showIf'], { required: false, read: (text) => readCondition(text, this.prefix) });
      return {
        id,
        text: { 'zh-CN': this.text(sheet, record, 'textZh', [...path, 'text', 'zh-CN']), en: this.text(sheet, record, 'textEn', [...path, 'text', 'en']) },
        options: this.cell(sheet, record, 'options', [...path, 'options'], { required: true }),
        ...(reverse === undefined ? {} : { reverse }),
        ...(showIf === undefined ? {} : { showIf }),
      };
    });
  }

  private scales(): Json[] {
    const sheet = this.sheet(SCALES_SHEET);
    if (!sheet) return [];
    return sheet.records.map((record, index) => {
      const path = ['scales', index];
      this.map.place(path, { sheet: sheet.sheetName, row: record.row });
      const multiplier = this.cell(sheet, record, 'multiplier', [...path, 'multiplier'], { required: false, read: readNumber });
      const rule = this.cell(sheet, record, 'missing', [...path, 'missing'], { required: true, read: (text) => readChoice(text, MISSING_RULES, '作废 (invalidate) / 按比例 (prorate)') });
      const maxPath = [...path, 'missing', 'maxMissing'];
      const maxMissing = this.cell(sheet, record, 'maxMissing', maxPath, { required: rule === 'prorate', read: readInteger });
      if (rule === 'invalidate' && maxMissing !== undefined) this.problem(maxPath, this.map.locate(maxPath) ?? this.fallback, 'template_max_missing_unused');
      return {
        id: this.cell(sheet, record, 'id', [...path, 'id'], { required: true }),
        name: { 'zh-CN': this.text(sheet, record, 'nameZh', [...path, 'name', 'zh-CN']), en: this.text(sheet, record, 'nameEn', [...path, 'name', 'en']) },
        items: this.cell(sheet, record, 'items', [...path, 'items'], { required: true, read: (text) => readItemList(text, this.prefix, this.itemOrder) }),
        method: this.cell(sheet, record, 'method', [...path, 'method'], { required: true, read: (text) => readChoice(text, METHODS, '求和 (sum) / 平均 (mean)') }),
        ...(multiplier === undefined ? {} : { multiplier }),
        missing: rule === 'prorate' ? { rule, maxMissing } : rule === 'invalidate' ? { rule } : undefined,
      };
    });
  }

  private bands(scales: Json[]): void {
    const sheet = this.sheet(BANDS_SHEET);
    if (!sheet) return;
    let previous = '';
    for (const record of sheet.records) {
      const scaleId = record.cell('scale') || previous;
      const location = { sheet: sheet.sheetName, row: record.row, column: sheet.header('scale') };
      if (scaleId === '') {
        this.issues.push(issue('template_value_missing', locationPath(location)));
        continue;
      }
      previous = scaleId;
      const scaleIndex = scales.findIndex((scale) => scale.id === scaleId);
      const scale = scales[scaleIndex];
      if (!scale) {
        this.issues.push(issue('template_band_unknown_scale', locationPath(location), { scale: scaleId }));
        continue;
      }
      const bands = (scale.bands ??= []) as Json[];
      if (bands.length === 0) this.map.place(['scales', scaleIndex, 'bands'], location);
      const path = ['scales', scaleIndex, 'bands', bands.length];
      this.map.place(path, { sheet: sheet.sheetName, row: record.row });
      const lt = this.cell(sheet, record, 'to', [...path, 'lt'], { required: false, read: readNumber });
      bands.push({
        id: this.cell(sheet, record, 'id', [...path, 'id'], { required: true }),
        label: { 'zh-CN': this.text(sheet, record, 'labelZh', [...path, 'label', 'zh-CN']), en: this.text(sheet, record, 'labelEn', [...path, 'label', 'en']) },
        gte: this.cell(sheet, record, 'from', [...path, 'gte'], { required: true, read: readNumber }),
        ...(lt === undefined ? {} : { lt }),
      });
    }
  }

  private critical(): Json[] {
    const sheet = this.sheet(CRITICAL_SHEET);
    if (!sheet) return [];
    return sheet.records.map((record, index) => {
      const path = ['critical', index];
      this.map.place(path, { sheet: sheet.sheetName, row: record.row });
      return {
        id: this.cell(sheet, record, 'id', [...path, 'id'], { required: true }),
        flag: this.cell(sheet, record, 'flag', [...path, 'flag'], { required: true, read: (text) => readChoice(text, FLAGS, '紧急 (urgent) / 急迫 (acute)'), stand: 'urgent' }),
        when: this.cell(sheet, record, 'when', [...path, 'when'], { required: true, read: (text) => readCondition(text, this.prefix) }),
        positiveIfUnanswered: this.cell(sheet, record, 'positiveIfUnanswered', [...path, 'positiveIfUnanswered'], { required: true, read: readYesNo, stand: false }),
        reason: { 'zh-CN': this.text(sheet, record, 'reasonZh', [...path, 'reason', 'zh-CN']), en: this.text(sheet, record, 'reasonEn', [...path, 'reason', 'en']) },
      };
    });
  }

  private pairs(): Json[] {
    const sheet = this.sheet(PAIRS_SHEET);
    if (!sheet) return [];
    const item = (text: string): CellParse<string> => ({ ok: true, value: resolveItem(text, this.prefix) });
    return sheet.records.map((record, index) => {
      const path = ['consistencyPairs', index];
      this.map.place(path, { sheet: sheet.sheetName, row: record.row });
      return {
        a: this.cell(sheet, record, 'a', [...path, 'a'], { required: true, read: item }),
        b: this.cell(sheet, record, 'b', [...path, 'b'], { required: true, read: item }),
        relation: this.cell(sheet, record, 'relation', [...path, 'relation'], { required: true, read: (text) => readChoice(text, RELATIONS, '同向 (same) / 反向 (opposite)'), stand: 'same' }),
        maxDifference: this.cell(sheet, record, 'maxDifference', [...path, 'maxDifference'], { required: true, read: readNumber }),
      };
    });
  }
}

/** Problems in the order the teacher reads the file: sheet by sheet, top to bottom. */
function inSheetOrder(issues: readonly Issue[], book: TemplateBook): Issue[] {
  const sheetIndex = (found: Issue): number => (typeof found.path[0] === 'string' ? book.sheets.findIndex((sheet) => sheet.name === found.path[0]) : -1);
  const rowOf = (found: Issue): number => (typeof found.path[1] === 'number' ? found.path[1] : 0);
  return [...issues].sort((a, b) => sheetIndex(a) - sheetIndex(b) || rowOf(a) - rowOf(b));
}

function dedupe(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((found) => {
    const key = JSON.stringify([found.code, found.path, found.params ?? {}]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
