import type { BureauText } from './bureauText.ts';
import type { BureauSettings } from './settings.ts';

const LEVELS = ['county', 'city', 'province'] as const;

/** This bureau: the county its files must come from (optional) and the stamp its merged file carries. */
export function SettingsPanel({ settings, onChange, text }: { settings: BureauSettings; onChange: (next: BureauSettings) => void; text: BureauText }) {
  return (
    <section className="panel settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{text.settingsTitle}</h2>
      <div className="form-grid">
        <label htmlFor="bureau-county">{text.county}</label>
        <input id="bureau-county" value={settings.county} autoComplete="off" onChange={(event) => onChange({ ...settings, county: event.target.value })} />
        <span className="hint muted">{text.countyHint}</span>
        <label htmlFor="bureau-level">{text.level}</label>
        <select id="bureau-level" value={settings.level} onChange={(event) => onChange({ ...settings, level: LEVELS.find((level) => level === event.target.value) ?? 'county' })}>
          {LEVELS.map((level) => <option key={level} value={level}>{text.levels[level]}</option>)}
        </select>
        <label htmlFor="bureau-code">{text.bureauCode}</label>
        <input id="bureau-code" value={settings.code} autoComplete="off" onChange={(event) => onChange({ ...settings, code: event.target.value })} />
        <label htmlFor="bureau-name">{text.bureauName}</label>
        <input id="bureau-name" value={settings.name} autoComplete="off" onChange={(event) => onChange({ ...settings, name: event.target.value })} />
      </div>
    </section>
  );
}
