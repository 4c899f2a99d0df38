import { pickText, type BandChoice, type Locale, type LocalizedText } from '../../../scoring/index.ts';
import { planTexts, type PlanTexts } from '../workspace/screeningPlan.ts';

interface Props {
  readonly bands: readonly BandChoice[];
  readonly texts: PlanTexts;
  readonly onChange: (texts: PlanTexts) => void;
  readonly locale: Locale;
  readonly labels: { readonly title: string; readonly consent: string; readonly thankYou: string; readonly help: string };
}

function TextPair({ id, label, value, onChange }: { id: string; label: string; value: LocalizedText; onChange: (next: LocalizedText) => void }) {
  return (
    <div className="text-pair">
      <label htmlFor={`${id}-zh`}>{label} · 中文</label>
      <textarea id={`${id}-zh`} rows={3} value={value['zh-CN']} onChange={(event) => onChange({ ...value, 'zh-CN': event.target.value })} />
      <label htmlFor={`${id}-en`}>{label} · English</label>
      <textarea id={`${id}-en`} rows={3} value={value.en} onChange={(event) => onChange({ ...value, en: event.target.value })} />
    </div>
  );
}

/**
 * What students read: consent in words fit for their age (one text per band) and the thank-you page
 * with its help resources (the 12355 youth hotline by default). Starts from the defaults; a text left
 * blank falls back to its default when the plan is built.
 */
export function PlanTextsEditor({ bands, texts, onChange, locale, labels }: Props) {
  const shown = planTexts(bands.map((band) => band.id), texts);
  return (
    <details className="span panel plan-texts">
      <summary>{labels.title}</summary>
      {bands.map((band) => (
        <TextPair key={band.id} id={`consent-${band.id}`} label={`${labels.consent}: ${pickText(band.name, locale)}`} value={shown.consent[band.id] ?? { 'zh-CN': '', en: '' }}
          onChange={(next) => onChange({ ...texts, consent: { ...shown.consent, ...texts.consent, [band.id]: next } })} />
      ))}
      <TextPair id="thank-you" label={labels.thankYou} value={shown.thankYou} onChange={(next) => onChange({ ...texts, thankYou: next })} />
      <TextPair id="help" label={labels.help} value={shown.help} onChange={(next) => onChange({ ...texts, help: next })} />
    </details>
  );
}
