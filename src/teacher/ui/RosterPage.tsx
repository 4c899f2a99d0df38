import { useEffect, useMemo, useState } from 'react';
import { pickText, type Issue } from '../../../scoring/index.ts';
import { SignInSlips } from '../roster/SignInSlips.tsx';
import {
  FIELD_LABELS, ROSTER_FIELDS, buildSignInSlips, guessColumnMapping, readRosterFile, validateRoster,
  type ColumnMapping, type RosterField, type RosterRow, type SheetTable,
} from '../roster/index.ts';
import { applyRoster } from '../workspace/applyRoster.ts';
import { readFileBytes, todayIso } from './download.ts';
import { IssueList } from './IssueList.tsx';
import { isLoopbackUrl, kioskAddresses, slipAddress } from './lab/kioskAddress.ts';
import { LAB_TEXT } from './lab/labText.ts';
import { useLabServerContext } from './lab/useLabServer.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

/** Import a roster (CSV or .xlsx) with columns mapped on screen, then print sign-in slips by class. */
export function RosterPage() {
  const { records, text, locale, workspace, commit, changeContext } = useWorkspaceView();
  const [table, setTable] = useState<SheetTable | undefined>();
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [done, setDone] = useState('');
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [slipClass, setSlipClass] = useState('');
  const { status: lab, check: checkLab } = useLabServerContext();
  // nobody has asked yet (off localhost, no Lab page visited): ask, for the kiosk address
  const unchecked = lab.kind === 'unchecked';
  useEffect(() => { if (unchecked) checkLab(); }, [unchecked, checkLab]);
  // the lab server's LAN address when there is one: on a lab PC, localhost is the lab PC itself
  const kioskUrl = kioskAddresses(lab.kind === 'present' ? lab.hello : undefined, window.location.href)[0] ?? '';
  useEffect(() => { void workspace.store.loadSecret<Record<string, string>>('codes').then((found) => setCodes(found ?? {})); }, [workspace, records]);

  const validated = useMemo(() => (table ? validateRoster(table, mapping, { today: todayIso() }) : undefined), [table, mapping]);

  const choose = async (file: File | undefined) => {
    setDone('');
    setIssues([]);
    if (!file) return;
    const read = await readRosterFile(await readFileBytes(file));
    if (!read.ok) {
      setTable(undefined);
      setIssues(read.issues);
      return;
    }
    setTable(read.value);
    setMapping(guessColumnMapping(read.value.header.cells));
  };

  const importRows = async (students: readonly RosterRow[]) => {
    const applied = applyRoster(records, students, workspace.school, changeContext());
    if (!applied.ok) {
      setIssues(applied.issues);
      return;
    }
    await commit(applied.value.changed);
    setTable(undefined);
    setDone(text.rosterDone(applied.value.added, applied.value.updated, applied.value.unchanged));
  };

  const setColumn = (field: RosterField, column: string) => {
    const next: Record<string, number> = {};
    for (const [key, value] of Object.entries(mapping) as [RosterField, number | undefined][]) if (value !== undefined && key !== field) next[key] = value;
    if (column !== '') next[field] = Number(column);
    setMapping(next);
  };

  const withCodes = records.filter((record) => codes[record.identity.studentNumber]).map((record) => ({
    name: record.identity.name, studentNumber: record.identity.studentNumber, className: record.identity.className, grade: record.identity.grade, code: codes[record.identity.studentNumber] ?? '',
  }));
  const slips = buildSignInSlips(withCodes, slipAddress(kioskUrl));
  const classSlips = slips.find((group) => group.className === slipClass);

  return (
    <section>
      <div className="no-print">
        <h2>{text.rosterTitle}</h2>
        <p className="muted">{text.rosterIntro}</p>
        <p>{text.studentsInWorkspace(records.length)}</p>
        <label className="file-pick">{text.chooseFile}{' '}
          <input type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => void choose(event.target.files?.[0])} />
        </label>
        <IssueList issues={issues} locale={locale} withPath />
        {done && <p className="notice" role="status">{done}</p>}
        {table && (
          <div className="panel">
            <p>{text.rowsRead(table.rows.length)} <span className="muted">{table.source.kind === 'text' ? `${table.source.encoding.toUpperCase()} · "${table.source.delimiter === '\t' ? 'TAB' : table.source.delimiter}"` : `Excel · ${table.source.sheetName}`}</span></p>
            <h3>{text.mapping}</h3>
            <table className="data mapping">
              <thead><tr><th scope="col">{text.field}</th><th scope="col">{text.column}</th></tr></thead>
              <tbody>
                {ROSTER_FIELDS.map((field) => (
                  <tr key={field}>
                    <th scope="row"><label htmlFor={`map-${field}`}>{pickText(FIELD_LABELS[field], locale)}</label></th>
                    <td>
                      <select id={`map-${field}`} value={mapping[field] ?? ''} onChange={(event) => setColumn(field, event.target.value)}>
                        <option value="">{text.notMapped}</option>
                        {table.header.cells.map((cell, index) => <option key={index} value={index}>{cell || `#${index + 1}`}</option>)}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {validated && !validated.ok && <><p className="warning">{text.rosterErrors}</p><IssueList issues={validated.issues} locale={locale} /></>}
            {validated?.ok && validated.value.warnings.length > 0 && <><p>{text.rosterWarnings}</p><IssueList issues={validated.value.warnings} locale={locale} /></>}
            {validated?.ok && <button type="button" className="primary" onClick={() => void importRows(validated.value.students)}>{text.importRoster} ({validated.value.students.length})</button>}
          </div>
        )}
        <h3>{text.printSlips}</h3>
        {slips.length > 0 && isLoopbackUrl(kioskUrl) && <p className="notice">{LAB_TEXT[locale].loopbackWarning}</p>}
        {slips.length === 0 ? <p className="muted">{text.slipsHint}</p> : (
          <div className="toolbar">
            <label>{text.className}{' '}
              <select value={slipClass} onChange={(event) => setSlipClass(event.target.value)}>
                <option value="" />
                {slips.map((group) => <option key={group.className} value={group.className}>{group.className} ({group.slips.length})</option>)}
              </select>
            </label>
            <button type="button" disabled={!classSlips} onClick={() => window.print()}>{text.printSlips}</button>
          </div>
        )}
      </div>
      {classSlips && <SignInSlips classSlips={classSlips} locale={locale} />}
    </section>
  );
}
