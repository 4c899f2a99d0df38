import type { Locale } from '../../../scoring/index.ts';
import { describeIssue } from '../../issueMessages.ts';
import { readFileBytes, todayIso } from '../../teacher/ui/download.ts';
import type { CountyText } from './countyText.ts';
import type { SchoolListState } from './useSchoolList.ts';

/** Import (or remove) the expected-school list; a refused file lists every problem by row and keeps the list before. */
export function SchoolListPanel({ state, text, locale }: { state: SchoolListState; text: CountyText; locale: Locale }) {
  const pick = async (file: File | undefined) => {
    if (!file) return;
    await state.importList({ name: file.name, bytes: await readFileBytes(file) }, todayIso());
  };
  return (
    <section className="panel school-list" aria-labelledby="school-list-title">
      <h2 id="school-list-title">{text.listTitle}</h2>
      <p className="muted">{text.listIntro}</p>
      <div className="toolbar">
        <label className="button">{text.listChoose}
          <input className="visually-hidden" type="file" accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={state.busy}
            onChange={(event) => { void pick(event.target.files?.[0]); event.target.value = ''; }} />
        </label>
        {state.list && <button type="button" className="link" onClick={state.clearList}>{text.listClear}</button>}
        {state.busy && <span role="status">{text.listReading}</span>}
      </div>
      <p className="loaded-summary">{state.list ? text.listSummary(state.list.schools.length, state.list.source, state.list.imported) : text.listNone}</p>
      {state.issues.length > 0 && (
        <div role="alert">
          <p className="warning-text">{text.listRefused}</p>
          <ul className="issues">{state.issues.slice(0, 50).map((found, index) => <li key={index}>{describeIssue(found, locale)}</li>)}</ul>
          {state.issues.length > 50 && <p className="muted">… +{state.issues.length - 50}</p>}
        </div>
      )}
    </section>
  );
}
