import { useState } from 'react';
import type { Locale } from '../../scoring/index.ts';
import { LibraryPage } from './LibraryPage.tsx';
import { TEXT } from './text.ts';

export function App() {
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const text = TEXT[locale];
  return (
    <div className="app" lang={locale}>
      <header className="top">
        <div>
          <h1>{text.title}</h1>
          <p className="muted">{text.subtitle}</p>
        </div>
        <button type="button" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>{text.language}</button>
      </header>
      <section className="cta">
        <a className="button primary" href="kiosk.html">{text.tryKiosk}</a>
        <span className="muted">{text.tryKioskHint}</span>
      </section>
      <LibraryPage locale={locale} text={text} />
    </div>
  );
}
