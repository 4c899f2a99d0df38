import { useState, type DragEvent } from 'react';
import type { Locale } from '../../../scoring/index.ts';
import { yearOf, type FileSet } from '../fileSet.ts';
import type { BureauText } from './bureauText.ts';
import { FileReports } from './FileReports.tsx';
import type { BureauFiles, Zone } from './useBureauFiles.ts';

/** One set's files: pick or drop many at once, see what became of each, list and remove what is loaded. */
export function ImportZone({ slot, set, files, county, text, locale, summary }: { slot: Zone; set: FileSet; files: BureauFiles; county: string; text: BureauText; locale: Locale; summary?: string }) {
  const [over, setOver] = useState(false);
  const busy = files.progress !== undefined;
  const load = (picked: readonly File[]) => { if (!busy) void files.importFiles(slot, picked, county); };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    load([...event.dataTransfer.files]);
  };
  const year = yearOf(set);
  const schools = set.merged?.provenance.schools.length ?? 0;
  const wanted = county.trim();
  const elsewhere = wanted ? set.files.filter((file) => file.aggregate.provenance.schools.some((school) => school.county.trim() !== wanted)).length : 0;
  return (
    <section className={`panel import-zone import-${slot}`} aria-labelledby={`slot-${slot}`}>
      <h2 id={`slot-${slot}`}>{text.slots[slot]}</h2>
      <p className="muted">{text.slotIntro[slot]}</p>
      <div className={`drop-zone${over ? ' over' : ''}`} onDragOver={(event) => { event.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}>
        <span>{text.dropHere}</span>{' '}
        <label className="button">{text.choose}
          <input className="visually-hidden" type="file" multiple accept=".psyagg,application/json" disabled={busy}
            onChange={(event) => { load([...(event.target.files ?? [])]); event.target.value = ''; }} />
        </label>
        {files.progress?.slot === slot && <p role="status">{text.loading(files.progress.done, files.progress.total)}</p>}
      </div>
      <p className="loaded-summary">{summary ?? (year ? text.loadedSummary(set.files.length, schools, year) : text.nothingLoaded)}</p>
      {elsewhere > 0 && <p className="warning-text">{text.otherCounty(elsewhere, wanted)}</p>}
      <FileReports reports={files.reports[slot]} text={text} locale={locale} />
      {set.files.length > 0 && (
        <details className="loaded-files">
          <summary>{text.loadedFiles} ({set.files.length})</summary>
          <ul>
            {set.files.map((file) => (
              <li key={file.id}>
                <span className="report-file">{file.name}</span>{' '}
                <span className="muted">{file.aggregate.provenance.schools.map((school) => `${school.name} (${school.code})`).slice(0, 3).join(', ')}{file.aggregate.provenance.schools.length > 3 ? ' …' : ''}</span>{' '}
                <button type="button" className="link" onClick={() => files.remove(slot, file.id)}>{text.remove}</button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => files.clear(slot)}>{text.clear}</button>
        </details>
      )}
    </section>
  );
}
