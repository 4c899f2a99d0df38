import writeXlsxFile from 'write-excel-file/browser';
import type { Instrument, Locale } from '../../../scoring/index.ts';
import { templateCsv, templateWorkbookSheets } from '../workspace/instrumentTemplateFiles.ts';
import { templateTables } from '../workspace/instrumentTemplateRows.ts';
import { download } from './download.ts';

/**
 * The template is built when the teacher clicks, from the same spec the importer reads: it is always
 * in the page's language, can be filled with any definition (the PHQ-9 example, a version to edit),
 * and can never drift from what the importer expects, as a committed file could.
 */
export async function downloadTemplateWorkbook(locale: Locale, def?: Instrument, fileName = templateFileName(locale, def, 'xlsx')): Promise<void> {
  const blob = await writeXlsxFile(templateWorkbookSheets(templateTables(locale, def))).toBlob();
  download(fileName, blob);
}

export function downloadTemplateCsv(locale: Locale): void {
  download(templateFileName(locale, undefined, 'csv'), templateCsv(templateTables(locale)), 'text/csv;charset=utf-8');
}

export function downloadDefinitionJson(def: Instrument): void {
  download(`${def.id}-${def.version}.json`, `${JSON.stringify(def, null, 2)}\n`, 'application/json');
}

function templateFileName(locale: Locale, def: Instrument | undefined, extension: string): string {
  if (def) return `${def.id}-${def.version}.${extension}`;
  return `${locale === 'zh-CN' ? '量表模板' : 'instrument-template'}.${extension}`;
}
