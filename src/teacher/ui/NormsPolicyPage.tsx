import { RescorePanel } from './RescorePanel.tsx';
import { NormsDerivePanel } from './NormsDerivePanel.tsx';
import { NormsImportPanel } from './NormsImportPanel.tsx';
import { useWorkspaceLibrary } from './normsLibrary.ts';
import { NormsLibraryTable } from './NormsLibraryTable.tsx';
import { NORMS_TEXT } from './normsText.ts';
import { PolicyEditor } from './PolicyEditor.tsx';
import { useWorkspaceView } from './WorkspaceContext.ts';

/**
 * Norms and tier policy (DESIGN.md invariants 3 and 4): what the library offers, local norms from a
 * past screening, import of a norm table or policy file, and the tier policy editor with its preview.
 */
export function NormsPolicyPage() {
  const { locale, text: teacherText, workspace } = useWorkspaceView();
  const text = NORMS_TEXT[locale];
  const library = useWorkspaceLibrary(workspace.db);
  return (
    <section className="norms-page">
      <h2>{text.title}</h2>
      <p className="muted">{text.intro}</p>
      <details className="explain">
        <summary>{text.explainTitle}</summary>
        {text.explain.map((paragraph) => <p key={paragraph}>{paragraph}</p>)}
      </details>
      {library.rows === undefined ? <p role="status">{teacherText.loading}</p> : (
        <>
          <section aria-labelledby="norms-library-title">
            <h3 id="norms-library-title">{text.libraryTitle}</h3>
            <NormsLibraryTable library={library} text={text} locale={locale} />
          </section>
          <section aria-labelledby="norms-derive-title">
            <h3 id="norms-derive-title">{text.deriveTitle}</h3>
            <p className="muted">{text.deriveIntro}</p>
            <NormsDerivePanel library={library} text={text} />
          </section>
          <section aria-labelledby="norms-rescore-title">
            <h3 id="norms-rescore-title">{text.rescoreTitle}</h3>
            <p className="muted">{text.rescoreIntro}</p>
            <RescorePanel library={library} text={text} />
          </section>
          <section aria-labelledby="norms-import-title">
            <h3 id="norms-import-title">{text.importTitle}</h3>
            <p className="muted">{text.importIntro}</p>
            <NormsImportPanel library={library} text={text} />
          </section>
          <section aria-labelledby="policy-editor-title">
            <h3 id="policy-editor-title">{text.policyTitle}</h3>
            <p className="muted">{text.policyIntro}</p>
            <PolicyEditor library={library} text={text} />
          </section>
        </>
      )}
    </section>
  );
}
