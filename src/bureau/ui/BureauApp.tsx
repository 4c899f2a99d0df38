import { useEffect, useMemo, useState } from 'react';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { openBureauDb } from '../../store/bureauDb.ts';
import { SLOTS } from '../fileSet.ts';
import { BUREAU_TEXT } from './bureauText.ts';
import { Dashboard } from './Dashboard.tsx';
import { ImportZone } from './ImportZone.tsx';
import { SchoolKeysPanel } from './SchoolKeysPanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { loadBureauSettings, saveBureauSettings } from './settings.ts';
import { useBureauFiles } from './useBureauFiles.ts';

/** The bureau workspace: load schools' aggregates (two school years at most), see and export the county dashboard. */
export function BureauApp() {
  const db = useMemo(() => openBureauDb(), []);
  const [settings, setSettings] = useState(loadBureauSettings);
  const files = useBureauFiles(db);
  const text = BUREAU_TEXT[settings.locale];
  useEffect(() => saveBureauSettings(settings), [settings]);
  useEffect(() => {
    document.documentElement.lang = settings.locale;
    document.title = text.title;
  }, [settings.locale, text.title]);

  return (
    <div className="bureau">
      <header className="bureau-header">
        <div>
          <h1>{text.title}</h1>
          <p className="muted">{text.subtitle}</p>
        </div>
        <LanguageSwitch locale={settings.locale} label={text.languageLabel} onChange={(locale) => setSettings({ ...settings, locale })} />
      </header>
      <SettingsPanel settings={settings} onChange={setSettings} text={text} />
      <SchoolKeysPanel keys={files.keys} onForget={files.forgetKey} text={text} />
      <div className="import-grid">
        {SLOTS.map((slot) => <ImportZone key={slot} slot={slot} set={files.sets[slot]} files={files} county={settings.county} text={text} locale={settings.locale} />)}
      </div>
      {files.restored && <Dashboard current={files.sets.current} comparison={files.sets.comparison} settings={settings} text={text} locale={settings.locale} />}
    </div>
  );
}
