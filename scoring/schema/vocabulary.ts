/**
 * The fixed words of the definitions, as plain values. Kept apart from the zod schemas so the scoring
 * engine (and the student kiosk that runs it) can use them without loading the validator.
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const TIERS = ['low', 'medium', 'high'] as const;
export type Tier = (typeof TIERS)[number];
export const tierRank = (tier: Tier): number => TIERS.indexOf(tier);

export const TRACKS = ['general', 'vocational'] as const;
export type Track = (typeof TRACKS)[number];
