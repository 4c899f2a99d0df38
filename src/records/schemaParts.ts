import { z } from 'zod';
import { FILE_ID_PATTERN } from './patterns.ts';

/** Building blocks of the record formats' schemas. Each error is one of our issue codes (messages.ts). */

/**
 * Canonical base64 only: with padding, the unused low bits of the last character must be zero (so
 * `AQ==` but not `AR==`), else two different texts would carry the same bytes and a file could be
 * altered without changing what it decodes to.
 */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$/;

const decodedLength = (text: string): number => (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);

/** Base64 that decodes to exactly `length` bytes (or at least `min`). */
export const ZBase64Bytes = (size: { length: number } | { min: number }) =>
  z.string().refine((text) => {
    if (!BASE64.test(text)) return false;
    const length = decodedLength(text);
    return 'length' in size ? length === size.length : length >= size.min;
  }, { error: 'bad_bytes' });

export const ZTimestamp = z.iso.datetime({ offset: true, error: 'bad_timestamp' });

export const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'bad_date' })
  .refine((text) => {
    const time = Date.parse(`${text}T00:00:00Z`);
    return !/^\d{4}-\d{2}-\d{2}$/.test(text) || (!Number.isNaN(time) && new Date(time).toISOString().startsWith(text));
  }, { error: 'impossible_date' });

/** Ids of files, submissions, waves and entries: safe as zip entry names (no slashes, no dots first). */
export const ZId = z.string().regex(FILE_ID_PATTERN, { error: 'bad_id' });

/** The first 16 hex digits of sha-256 over the raw public key (keyId.ts). */
export const ZKeyId = z.string().regex(/^[0-9a-f]{16}$/, { error: 'bad_key_id' });

export const ZSha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: 'bad_sha256' });

export const ZPinnedRef = z.string().regex(/^[a-z][a-z0-9-]*@\d+\.\d+\.\d+#[0-9a-f]{64}$/, { error: 'bad_pinned_ref' });
export const ZVersionRef = z.string().regex(/^[a-z][a-z0-9-]*@\d+\.\d+\.\d+$/, { error: 'bad_version_ref' });

export const ZText = z.string().trim().min(1);

/** Answers by item id (null = unanswered) and seconds per item, as the kiosk records them. */
export const ZAnswers = z.record(z.string(), z.number().int().nullable());
export const ZSeconds = z.record(z.string(), z.number().min(0));
