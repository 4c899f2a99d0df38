import { z } from 'zod';

import type { Locale } from './schema/vocabulary.ts';

/** Every user-facing text in a definition exists in Simplified Chinese and English. */
export const ZLocalizedText = z.strictObject({
  'zh-CN': z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalizedText = z.infer<typeof ZLocalizedText>;

export const pickText = (text: LocalizedText, locale: Locale): string => text[locale];
