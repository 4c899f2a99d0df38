import { regexes } from 'zod/v4/core';

// Patterns that both the schemas (reading a file) and the sealer (writing one) apply. The sealer runs
// on the student kiosk, which must not load zod's schema builders; the regexes alone are tiny.

/** Ids of files, submissions, waves and entries: safe as zip entry names (no slashes, no dots first). */
export const FILE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** An ISO 8601 timestamp with seconds and a Z or ±hh:mm offset: exactly what `z.iso.datetime({ offset: true })` accepts. */
export const TIMESTAMP_PATTERN = regexes.datetime({ offset: true });

/** The plan field of a header: `id@version`, 1–200 characters after trimming. */
export const isPlanField = (text: string): boolean => text.trim().length >= 1 && text.length <= 200;
