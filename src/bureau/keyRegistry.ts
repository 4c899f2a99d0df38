import { z } from 'zod';
import { LEVELS, issue, producerOf, type Aggregate, type Issue, type Level } from '../../scoring/index.ts';
import { formatKeyId } from '../records/keyId.ts';
import { ZKeyName } from '../records/publicKey.ts';
import { ZKeyId, ZTimestamp } from '../records/schemaParts.ts';
import type { Signer } from './admit.ts';

/**
 * The signing keys this bureau knows, one per school (or lower bureau), learned from the first signed
 * file it sent (trust on first use, as SSH does with host keys). After that, a file from the same
 * sender signed with another key, or not signed at all, is refused until the bureau has checked with
 * the sender and removed the old entry.
 */
export interface KnownKey {
  /** `level:code` of the sender (producerOf). */
  readonly sender: string;
  readonly level: Level;
  readonly code: string;
  readonly name: string;
  readonly keyId: string;
  /** The key's name, only when the signature covered it (signed files of version 2). */
  readonly keyName?: string;
  /** When this bureau first saw the key. */
  readonly since: string;
}

/** A key on record as read back from storage or from the command line's keys file; checked like any input. */
export const ZKnownKey = z.strictObject({
  sender: z.string().min(1).max(200),
  level: z.enum(LEVELS),
  code: z.string().min(1).max(100),
  name: z.string().max(200),
  keyId: ZKeyId,
  keyName: ZKeyName.optional(),
  since: ZTimestamp,
  // The sender is always its level and code: an entry edited to say otherwise is filed where it belongs.
}).transform((key) => ({ ...key, sender: `${key.level}:${key.code}` }));

export type KeyRegistry = ReadonlyMap<string, KnownKey>;

/** How a file's signature stands against the registry: refused, or accepted with what it adds. */
export type KeyCheck =
  | { readonly ok: true; readonly status: KeyStatus; readonly learned?: KnownKey }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** known: signed with the registered key; new: signed, first from this sender (now registered); unsigned; unattributed: a merged file no single sender issued. */
export type KeyStatus = 'known' | 'new' | 'unsigned' | 'unattributed';

export function checkSigningKey(registry: KeyRegistry, aggregate: Aggregate, signer: Signer | undefined, file: string, now: string): KeyCheck {
  const producer = producerOf(aggregate);
  if (!producer) return { ok: true, status: 'unattributed' };
  const sender = `${producer.level}:${producer.code}`;
  const known = registry.get(sender);
  const params = { file, name: producer.name, code: producer.code };
  if (!signer) {
    return known
      ? { ok: false, issues: [issue('bureau_unsigned_from_known', [], { ...params, known: formatKeyId(known.keyId) })] }
      : { ok: true, status: 'unsigned' };
  }
  if (!known) {
    const learned: KnownKey = { sender, level: producer.level, code: producer.code, name: producer.name, keyId: signer.keyId, ...(signer.keyName === undefined ? {} : { keyName: signer.keyName }), since: now };
    return { ok: true, status: 'new', learned };
  }
  if (known.keyId !== signer.keyId) {
    return { ok: false, issues: [issue('bureau_key_changed', [], { ...params, keyId: formatKeyId(signer.keyId), known: formatKeyId(known.keyId), since: known.since.slice(0, 10) })] };
  }
  return { ok: true, status: 'known' };
}
