import { useState } from 'react';
import { issue, type Issue, type Locale } from '../../../scoring/index.ts';
import { describeIssue } from '../../issueMessages.ts';
import { readDemoCounty } from '../demoCounty.ts';
import type { SchoolList } from '../schoolList/schema.ts';
import type { CountyText } from './countyText.ts';
import type { BureauFiles } from './useBureauFiles.ts';

/** Where the demo county comes from; the page passes a fetch of public/demo/demo-county.json. */
export type DemoSource = () => Promise<unknown>;

/** "打开演示区县": the generated demo county replaces the loaded files and list, checked like any import. */
export function DemoCountyPanel({ files, load, replaceList, hasList, text, locale }: { files: BureauFiles; load: DemoSource; replaceList: (list: SchoolList) => Promise<void>; hasList: boolean; text: CountyText; locale: Locale }) {
  const [state, setState] = useState<{ busy: boolean; done?: string; issues: readonly Issue[] }>({ busy: false, issues: [] });
  const loaded = files.sets.current.files.length + files.sets.comparison.files.length + [...files.history.values()].reduce((sum, set) => sum + set.files.length, 0);
  const open = async () => {
    // A bureau's own files and list are replaced: never without asking.
    if ((loaded > 0 || hasList) && !window.confirm(text.demoReplaceConfirm(loaded))) return;
    setState({ busy: true, issues: [] });
    let json: unknown;
    try {
      json = await load();
    } catch (error) {
      setState({ busy: false, issues: [issue('bureau_demo_unavailable', [], { detail: error instanceof Error ? error.message : String(error) })] });
      return;
    }
    const demo = readDemoCounty(json);
    if (!demo.ok) {
      setState({ busy: false, issues: [issue('bureau_demo_unavailable', [], { detail: demo.issues[0]?.code ?? '' })] });
      return;
    }
    await replaceList(demo.value.list);
    const reports = await files.openDemo(demo.value);
    const refused = reports.flatMap((report) => (report.accepted ? [] : report.issues.slice(0, 1)));
    setState({ busy: false, issues: refused, done: text.demoLoaded(reports.length - refused.length, demo.value.years.length) });
  };
  return (
    <section className="panel demo-county" aria-labelledby="demo-county-title">
      <h2 id="demo-county-title">{text.demoTitle}</h2>
      <p className="muted">{text.demoIntro}</p>
      <div className="toolbar">
        <button type="button" className="primary" disabled={state.busy || files.progress !== undefined} onClick={() => void open()}>{text.demoOpen}</button>
        {state.busy && <span role="status">{text.demoLoading}</span>}
        {state.done && !state.busy && <span className="notice" role="status">{state.done}</span>}
      </div>
      {state.issues.length > 0 && (
        <div role="alert"><p className="warning-text">{text.demoFailed}</p><ul className="issues">{state.issues.map((found, index) => <li key={index}>{describeIssue(found, locale)}</li>)}</ul></div>
      )}
    </section>
  );
}
