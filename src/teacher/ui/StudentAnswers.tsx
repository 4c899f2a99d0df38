import { pickText, type Instrument } from '../../../scoring/index.ts';
import type { StoredBatteryResult, Wave } from '../../records/index.ts';
import { criticalRulesByItem, itemPrefixOf } from './studentInstruments.ts';
import { STUDENT_TEXT } from './studentText.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

/** One instrument's part of a stored result (records keep their own schema of scoring's output). */
export type StoredInstrumentResult = StoredBatteryResult['instruments'][number];

interface AnswerRow {
  readonly id: string;
  readonly text: string;
  readonly answer: string;
  readonly answered: boolean;
  /** Reasons of the critical rules that read this item, and whether any of them fired. */
  readonly critical: readonly string[];
  readonly fired: boolean;
}

/**
 * A student's answer to every item of one instrument, in the teacher's language. Critical items (the
 * instrument's rules for self-harm and the like) are marked; the ones whose rule fired in this result
 * stand out, and then the list opens by itself. Everything is rendered as React text, never as HTML.
 */
export function StudentAnswers({ wave, result, def }: { wave: Wave; result: StoredInstrumentResult; def: Instrument | undefined }) {
  const { text, locale } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  const fired = new Set(result.critical.map((hit) => hit.id));
  const rows: AnswerRow[] = def ? rowsFromDefinition(def) : rowsWithoutDefinition();

  function rowsFromDefinition(instrument: Instrument): AnswerRow[] {
    const rules = criticalRulesByItem(instrument);
    return instrument.items.map((item) => {
      const value = wave.answers[item.id];
      const option = value === null || value === undefined ? undefined : instrument.optionSets[item.options]?.find((candidate) => candidate.value === value);
      // An item hidden by its condition was never asked; one left blank was asked and not answered.
      const unanswered = value === undefined && item.showIf ? student.notShown : text.notAnswered;
      const itemRules = rules.get(item.id) ?? [];
      return {
        id: item.id,
        text: pickText(item.text, locale),
        answer: option ? pickText(option.label, locale) : value === null || value === undefined ? unanswered : String(value),
        answered: value !== null && value !== undefined,
        critical: itemRules.map((rule) => pickText(rule.reason, locale)),
        fired: itemRules.some((rule) => fired.has(rule.id)),
      };
    });
  }

  function rowsWithoutDefinition(): AnswerRow[] {
    const prefix = itemPrefixOf(result.instrument);
    return Object.entries(wave.answers)
      .filter(([id]) => id.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([id, value]) => ({ id, text: id, answer: value === null ? text.notAnswered : String(value), answered: value !== null, critical: [], fired: false }));
  }

  if (rows.length === 0) return null;
  const answered = rows.filter((row) => row.answered).length;
  return (
    <details className="student-answers" open={rows.some((row) => row.fired)}>
      <summary>{text.answers} · {student.answeredCount(answered, rows.length)}</summary>
      <table className="student-answer-table">
        <thead>
          <tr><th scope="col">#</th><th scope="col">{student.item}</th><th scope="col">{student.answer}</th></tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.id} className={row.fired ? 'student-critical student-critical-fired' : row.critical.length > 0 ? 'student-critical' : undefined}>
              <td className="student-number">{index + 1}</td>
              <td>
                {row.text}
                {row.critical.length > 0 && (
                  <span className="student-critical-badge">{text.critical}{row.fired ? ` · ${student.criticalFired}` : ''}</span>
                )}
                {row.fired && row.critical.map((reason) => <span key={reason} className="student-critical-reason">{reason}</span>)}
              </td>
              <td className={row.answered ? undefined : 'muted'}>{row.answer}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
