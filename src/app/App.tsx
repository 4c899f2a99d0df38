import { useEffect, useState } from 'react';
import type { Locale } from '../../scoring/index.ts';
import { TEXT } from './i18n.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LibraryPage } from './LibraryPage.tsx';
import { PreviewPage } from './PreviewPage.tsx';
import { useHashRoute } from './useHashRoute.ts';

export function App() {
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [{ route, previous }, navigate] = useHashRoute();
  const text = TEXT[locale];

  // The document language picks the CJK glyph variants and the screen reader's voice.
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = text.appTitle;
  }, [locale, text.appTitle]);

  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>{text.appTitle}</h1>
          <p className="muted">{text.subtitle}</p>
        </div>
        <LanguageSwitch locale={locale} label={text.languageLabel} onChange={setLocale} />
      </header>
      <main>
        {route.page === 'preview'
          ? <PreviewPage key={`${route.id}@${route.version}`} id={route.id} version={route.version} locale={locale} text={text}
              onBack={() => (previous?.page === 'library' ? window.history.back() : navigate({ page: 'library' }))} />
          : <LibraryPage locale={locale} text={text} returnedFrom={previous?.page === 'preview' ? previous : undefined}
              onPreview={(def) => navigate({ page: 'preview', id: def.id, version: def.version })} />}
      </main>
    </div>
  );
}
