import type { EcPrivateKey } from '../crypto/index.ts';
import type { EnvelopeInfo } from './envelopeReader.ts';
import { open } from './opener.ts';
import { importRecipient } from './recipient.ts';
import { seal } from './sealer.ts';

/**
 * The kiosk's original API (kept so the kiosk and its tests need no change): `sealJson` now writes a
 * `psyscreen-sealed` v2 PSYE envelope; `openSealed` reads v2 and the legacy v1 layout. New code
 * calls `seal()` / `open()` (or `sealSubmission()`), which return issues instead of bare reasons.
 */
export { keyIdOf } from './keyId.ts';

export async function sealJson(value: object, recipient: { keyId: string; publicKey: string }, plan: string, created: string): Promise<Uint8Array<ArrayBuffer>> {
  const imported = await importRecipient({ ...recipient, name: recipient.keyId });
  if (!imported.ok) throw new Error(`the plan's recipient key is inconsistent: ${imported.issues.map((found) => found.code).join(', ')}`);
  return seal(value, imported.value, { format: 'psyscreen-sealed', created, ...(plan ? { plan } : {}) });
}

export type OpenResult = { ok: true; header: EnvelopeInfo; value: unknown } | { ok: false; reason: 'malformed' | 'future_version' | 'other_key' | 'tampered' };

const REASONS: Readonly<Record<string, 'future_version' | 'other_key' | 'tampered'>> = {
  made_by_newer_version: 'future_version',
  other_key: 'other_key',
  tampered: 'tampered',
  content_invalid: 'tampered',
};

/** Opens a sealed submission with the recipient's private ECDH key; never throws on bad input. */
export async function openSealed(bytes: Uint8Array, privateKey: EcPrivateKey, keyId: string): Promise<OpenResult> {
  const opened = await open(new Uint8Array(bytes), { keyId, privateKey }, ['psyscreen-sealed']);
  if (!opened.ok) return { ok: false, reason: REASONS[opened.issues[0]?.code ?? ''] ?? 'malformed' };
  try {
    return { ok: true, header: opened.value.header, value: JSON.parse(new TextDecoder().decode(opened.value.plaintext)) as unknown };
  } catch {
    return { ok: false, reason: 'tampered' };
  }
}

