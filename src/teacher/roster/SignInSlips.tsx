import type { Locale } from '../../../scoring/index.ts';
import type { ClassSlips } from './signInSlips.ts';
import './signInSlips.css';

const LABELS: Readonly<Record<Locale, { readonly className: string; readonly name: string; readonly studentNumber: string; readonly code: string; readonly title: string; readonly cut: string }>> = {
  'zh-CN': { className: '班级', name: '姓名', studentNumber: '学号', code: '登录码', title: '心理健康筛查 · 登录纸条', cut: '沿虚线剪开' },
  en: { className: 'Class', name: 'Name', studentNumber: 'Student number', code: 'Sign-in code', title: 'Mental-health screening · sign-in slip', cut: 'Cut along the dashed lines' },
};

interface Props {
  readonly classSlips: ClassSlips;
  readonly locale: Locale;
}

/**
 * One class's sign-in slips, ready for the browser's print dialog: A4, ten slips a page inside
 * dashed cut lines, each class starting on a new page (signInSlips.css). Every value is rendered
 * as text by React, so a name in the roster can never become markup.
 */
export function SignInSlips({ classSlips, locale }: Props) {
  const labels = LABELS[locale];
  return (
    <section className="sign-in-slips" aria-label={`${labels.title} · ${classSlips.className}`}>
      <header className="sign-in-slips__heading">
        <h2>{classSlips.className}</h2>
        <p>{labels.cut} <span aria-hidden="true">✂</span></p>
      </header>
      <ol className="sign-in-slips__grid">
        {classSlips.slips.map((slip) => (
          <li key={slip.studentNumber} className="sign-in-slip">
            <p className="sign-in-slip__title">{labels.title}</p>
            <dl className="sign-in-slip__who">
              <dt>{labels.className}</dt><dd>{slip.className}</dd>
              <dt>{labels.name}</dt><dd className="sign-in-slip__name">{slip.name}</dd>
              <dt>{labels.studentNumber}</dt><dd>{slip.studentNumber}</dd>
            </dl>
            <p className="sign-in-slip__code">
              <span className="sign-in-slip__code-label">{labels.code}</span>
              <span className="sign-in-slip__code-value">{slip.code}</span>
            </p>
            <p className="sign-in-slip__address">{slip.kioskAddress}</p>
            <p className="sign-in-slip__instructions">{slip.instructions[locale]}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
