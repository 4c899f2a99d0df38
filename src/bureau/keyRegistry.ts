import { issue, producerOf, type Aggregate, type Issue, type Level } from '../../scoring/index.ts';
import { formatKeyId } from '../records/keyId.ts';
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
  readonly keyName: string;
  /** When this bureau first saw the key. */
  readonly since: string;
}

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
    return { ok: true, status: 'new', learned: { sender, level: producer.level, code: producer.code, name: producer.name, keyId: signer.keyId, keyName: signer.keyName, since: now } };
  }
  if (known.keyId !== signer.keyId) {
    return { ok: false, issues: [issue('bureau_key_changed', [], { ...params, keyId: formatKeyId(signer.keyId), known: formatKeyId(known.keyId), since: known.since.slice(0, 10) })] };
  }
  return { ok: true, status: 'known' };
}
