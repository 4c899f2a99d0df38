import type { Issue, Locale } from '../../../scoring/index.ts';
import { describeIssue, describeIssueWithPath } from '../../issueMessages.ts';
import { locationOf } from '../workspace/instrumentTemplateLocation.ts';
import { INSTRUMENTS_TEXT } from './instrumentsText.ts';

/**
 * An import problem as a sentence: for the Excel/CSV template, the sheet, row and column first
 * ("“题目”表第 5 行“反向计分”列：…"); for JSON, the JSON path ("items[3].options: …").
 */
export function describeInstrumentIssue(found: Issue, locale: Locale, format: 'json' | 'template'): string {
  if (format === 'json') return found.path.length > 0 ? describeIssueWithPath(found, locale) : describeIssue(found, locale);
  const location = locationOf(found.path);
  const prefix = location ? INSTRUMENTS_TEXT[locale].location(location.sheet, location.row, location.column) : '';
  return `${prefix}${describeIssue(found, locale)}`;
}
