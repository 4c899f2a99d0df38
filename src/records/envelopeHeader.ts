import { z } from 'zod';
import { MAX_PBKDF2_ITERATIONS, MIN_READABLE_ITERATIONS } from './kdf.ts';
import { ZBase64Bytes, ZId, ZKeyId, ZText, ZTimestamp } from './schemaParts.ts';

/** The formats that travel in a PSYE envelope (README.md, "Envelope"). */
export const ENVELOPE_FORMATS = ['psyscreen-sealed', 'psyscreen-record'] as const;
export type EnvelopeFormat = (typeof ENVELOPE_FORMATS)[number];

/** How a passphrase became a key (kdf.ts). */
export const ZKdf = z.strictObject({
  name: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(MIN_READABLE_ITERATIONS).max(MAX_PBKDF2_ITERATIONS),
  salt: ZBase64Bytes({ length: 16 }),
});
export type Kdf = z.infer<typeof ZKdf>;

/** Sealed to a public key: a P-256 key agreement between `epk` and the recipient's key. */
export const ZKeyProtection = z.strictObject({
  mode: z.literal('key'),
  keyId: ZKeyId,
  /** The sender's ephemeral public key, 65 bytes raw, base64. */
  epk: ZBase64Bytes({ length: 65 }),
});

/** Sealed to a passphrase (a parent, a hospital referral). */
export const ZPassphraseProtection = z.strictObject({
  mode: z.literal('passphrase'),
  kdf: ZKdf,
  check: ZBase64Bytes({ length: 16 }),
});

export const ZProtection = z.discriminatedUnion('mode', [ZKeyProtection, ZPassphraseProtection]);
export type Protection = z.infer<typeof ZProtection>;

/** The plain (readable, authenticated) header of a PSYE envelope. */
export const ZEnvelopeHeader = z.strictObject({
  format: z.enum(ENVELOPE_FORMATS),
  version: z.number().int().min(1),
  /** Unique per file; the per-file HKDF salt. */
  id: ZId,
  created: ZTimestamp,
  /** The screening plan (`id@version`), for sealed submissions. */
  plan: ZText.max(200).optional(),
  /** What the plaintext is: UTF-8 JSON or opaque bytes. */
  content: z.enum(['json', 'binary']),
  iv: ZBase64Bytes({ length: 12 }),
  protection: ZProtection,
});
export type EnvelopeHeader = z.infer<typeof ZEnvelopeHeader>;

/** The legacy header of `psyscreen-sealed` version 1 (kiosk builds before the PSYE envelope). */
export const ZLegacySealedHeader = z.strictObject({
  format: z.literal('psyscreen-sealed'),
  version: z.literal(1),
  keyId: ZKeyId,
  plan: z.string(),
  created: ZTimestamp,
  epk: ZBase64Bytes({ length: 65 }),
  iv: ZBase64Bytes({ length: 12 }),
});
export type LegacySealedHeader = z.infer<typeof ZLegacySealedHeader>;
