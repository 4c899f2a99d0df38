import type { Issue } from './outcome.ts';
import type { Locale } from './schema/vocabulary.ts';

export type MessageTemplate = Readonly<Record<Locale, string>>;
export type MessageCatalogue = Readonly<Record<string, MessageTemplate>>;

/**
 * Fills an issue's message template from its params. Kept apart from the full catalogue so a page
 * that needs only a few messages (the student kiosk) does not load every message in the app.
 */
export function issueText(found: Issue, locale: Locale, catalogue: MessageCatalogue): string {
  const template = catalogue[found.code]?.[locale] ?? found.code;
  const params = found.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
