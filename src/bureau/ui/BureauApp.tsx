import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { openBureauDb } from '../../store/bureauDb.ts';
import { SLOTS } from '../fileSet.ts';
import { yearsOf } from '../yearSets.ts';
import { BUREAU_TEXT } from './bureauText.ts';
import { COUNTY_TEXT } from './countyText.ts';
import { Dashboard } from './Dashboard.tsx';
import { DemoCountyPanel, type DemoSource } from './DemoCountyPanel.tsx';
import { ImportZone } from './ImportZone.tsx';
import { SchoolKeysPanel } from './SchoolKeysPanel.tsx';
import { SchoolListPanel } from './SchoolListPanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { loadBureauSettings, saveBureauSettings } from './settings.ts';
import { useBureauFiles } from './useBureauFiles.ts';
import { useSchoolList } from './useSchoolList.ts';

const fetchDemo: DemoSource = async () => {
  const response = await fetch(`${import.meta.env.BASE_URL}demo/demo-county.json`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
};

/** The bureau workspace: the expected schools, the schools' aggregates (any number of school years), the county dashboard. */
export function BureauApp({ loadDemo = fetchDemo }: { loadDemo?: DemoSource }) {
  const db = useMemo(() => openBureauDb(), []);
  const [settings, setSettings] = useState(loadBureauSettings);
  const files = useBureauFiles(db);
  const schoolList = useSchoolList(db);
  const text = BUREAU_TEXT[settings.locale];
  const county = COUNTY_TEXT[settings.locale];
  useEffect(() => saveBureauSettings(settings), [settings]);
  useEffect(() => {
    document.documentElement.lang = settings.locale;
    document.title = text.title;
  }, [settings.locale, text.title]);
  const years = useMemo(() => yearsOf(files.sets.current, files.sets.comparison, files.history), [files.sets, files.history]);
  // While a large import merges batch after batch, the dashboard redraws at low priority and may skip batches.
  const shownSets = useDeferredValue(files.sets);
  const shownYears = useDeferredValue(years);
  const historyFiles = useMemo(() => ({ files: [...files.history.values()].flatMap((set) => set.files), merged: undefined }), [files.history]);

  return (
    <div className="bureau">
      <header className="bureau-header">
        <div>
          <h1>{text.title}</h1>
          <p className="muted">{text.subtitle}</p>
        </div>
        <LanguageSwitch locale={settings.locale} label={text.languageLabel} onChange={(locale) => setSettings({ ...settings, locale })} />
      </header>
      <DemoCountyPanel files={files} load={loadDemo} replaceList={schoolList.replaceList} hasList={schoolList.list !== undefined} text={county} locale={settings.locale} />
      <SettingsPanel settings={settings} onChange={setSettings} text={text} />
      <SchoolListPanel state={schoolList} text={county} locale={settings.locale} />
      <SchoolKeysPanel keys={files.keys} onForget={files.forgetKey} text={text} />
      {files.storeError && <p className="warning-text" role="alert">{text.storeFailed(files.storeError)}</p>}
      <div className="import-grid">
        {SLOTS.map((slot) => <ImportZone key={slot} slot={slot} set={files.sets[slot]} files={files} county={settings.county} text={text} locale={settings.locale} />)}
        <ImportZone slot="history" set={historyFiles} files={files} county={settings.county} text={text} locale={settings.locale}
          summary={files.history.size === 0 ? text.nothingLoaded : [...files.history].sort(([a], [b]) => a.localeCompare(b)).map(([year, set]) => text.loadedSummary(set.files.length, set.merged?.provenance.schools.length ?? 0, year)).join(' ')} />
      </div>
      {files.restored && <Dashboard current={shownSets.current} comparison={shownSets.comparison} years={shownYears} list={schoolList.list} settings={settings} text={text} county={county} locale={settings.locale} />}
    </div>
  );
}
