import { useCallback, useEffect, useState } from 'react';
import { bundledCatalog } from '../../library/bundled.ts';
import { listInstruments, type InstrumentEntry, type InstrumentVersion } from '../workspace/instrumentLibrary.ts';
import { InstrumentImport } from './InstrumentImport.tsx';
import { InstrumentLibraryList } from './InstrumentLibraryList.tsx';
import { InstrumentPreview } from './InstrumentPreview.tsx';
import { WordingReviewPanel } from './WordingReviewPanel.tsx';
import { INSTRUMENTS_TEXT } from './instrumentsText.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

/** Set up → Instruments: the shipped and school library with versions and preview, import, publish. */
export function InstrumentsPage() {
  const { workspace, locale } = useWorkspaceView();
  const t = INSTRUMENTS_TEXT[locale];
  const [library, setLibrary] = useState<{ entries: InstrumentEntry[]; problems: { key: string; codes: string[] }[] }>();
  const [previewing, setPreviewing] = useState<InstrumentVersion>();
  const [reviewing, setReviewing] = useState<{ version: InstrumentVersion; next: string }>();
  const [notice, setNotice] = useState('');

  const reload = useCallback(async () => {
    setLibrary(await listInstruments(workspace.db, bundledCatalog));
  }, [workspace]);
  useEffect(() => { void reload(); }, [reload]);

  // A change can replace or remove the version being previewed, so the preview closes.
  const changed = useCallback(async (message: string) => {
    setNotice(message);
    setPreviewing(undefined);
    setReviewing(undefined);
    await reload();
  }, [reload]);

  return (
    <section className="instruments-page">
      <h2>{t.title}</h2>
      <p className="muted">{t.intro}</p>
      {notice && <p className="notice" role="status">{notice}</p>}
      {previewing && <InstrumentPreview version={previewing} locale={locale} onClose={() => setPreviewing(undefined)} />}
      {reviewing && <WordingReviewPanel version={reviewing.version} next={reviewing.next} db={workspace.db} locale={locale}
        onDone={(message) => void changed(message)} onClose={() => setReviewing(undefined)} />}
      <InstrumentImport db={workspace.db} locale={locale} onSaved={(message) => void changed(message)} />
      {!library ? <p className="muted">{t.loading}</p> : (
        <InstrumentLibraryList library={library} db={workspace.db} locale={locale}
          onPreview={setPreviewing} onReview={(version, next) => setReviewing({ version, next })} onChanged={(message) => void changed(message)} />
      )}
    </section>
  );
}
