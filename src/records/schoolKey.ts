import { fail, issue, parseWith, succeed, type Issue, type Outcome } from '../../scoring/index.ts';
import { generateExportableEcKey, type EcPrivateKey } from '../crypto/index.ts';
import { fromBase64, toBase64 } from './base64.ts';
import { checkFormat } from './formatCheck.ts';
import { MIN_PBKDF2_ITERATIONS, type KdfCost } from './kdf.ts';
import { keyIdOf } from './keyId.ts';
import { checkNewPassphrase } from './passphrasePolicy.ts';
import { ZKeyName, publicKeyFileOf, type PublicKeyFile } from './publicKey.ts';
import { ZStoredPrivateKey, importPrivateKey, unwrapPrivateKey, wrapPrivateKey, type StoredPrivateKey } from './wrappedKey.ts';

/** A school's private key, unlocked for this session. Under WebCrypto the key cannot be exported. */
export interface UnlockedKey {
  readonly keyId: string;
  readonly name: string;
  readonly publicKey: Uint8Array<ArrayBuffer>;
  /** For ECDH (opening what was sealed to the school) and ECDSA signatures (signedFile.ts). */
  readonly privateKey: EcPrivateKey;
  /** The stored key uses fewer PBKDF2 iterations than this build asks of new keys: change the passphrase to re-wrap it. */
  readonly upgradeRecommended: boolean;
}

export interface NewSchoolKey {
  /** What the workspace stores: the private key, only encrypted under the teacher's passphrase. */
  readonly stored: StoredPrivateKey;
  /** The `.psykey` file for plans and other schools. */
  readonly publicKeyFile: PublicKeyFile;
  readonly unlocked: UnlockedKey;
}

export interface CreateSchoolKeyRequest {
  /** A human name, e.g. "XX中学 2026 心理筛查". */
  readonly name: string;
  readonly passphrase: string;
  /** ISO timestamp (the caller's clock). */
  readonly created: string;
  readonly kdf?: KdfCost;
}

/** Creates an ECDH P-256 key pair; the private key leaves this function only wrapped under the passphrase. */
export async function createSchoolKey(request: CreateSchoolKeyRequest): Promise<Outcome<NewSchoolKey>> {
  const issues: Issue[] = [...(await checkNewPassphrase(request.passphrase, ['passphrase'], [request.name]))];
  const name = ZKeyName.safeParse(request.name);
  if (!name.success) issues.push(issue('key_name_missing', ['name']));
  if (issues.length > 0 || !name.success) return fail(issues);
  const { pkcs8, publicKey: raw } = await generateExportableEcKey();
  const keyId = await keyIdOf(raw);
  const meta = { format: 'psyscreen-private-key' as const, version: 1 as const, name: name.data, keyId, algorithm: 'ECDH-P256' as const, publicKey: toBase64(raw), created: request.created };
  const stored = await wrapPrivateKey<StoredPrivateKey>(meta, pkcs8, request.passphrase, request.kdf);
  const privateKey = await importPrivateKey(pkcs8);
  if (!privateKey.ok) throw new Error('a freshly generated private key did not import');
  return succeed({
    stored,
    publicKeyFile: publicKeyFileOf(stored),
    unlocked: { keyId, name: name.data, publicKey: raw, privateKey: privateKey.value, upgradeRecommended: false },
  });
}

/** The stored key as read back from storage (unknown shape until checked). */
export function parseStoredKey(input: unknown): Outcome<StoredPrivateKey> {
  const format = checkFormat(input, ['psyscreen-private-key']);
  return format.ok ? parseWith(ZStoredPrivateKey, input) : format;
}

async function checkKeyId(stored: { keyId: string; publicKey: string }): Promise<Issue[]> {
  return (await keyIdOf(fromBase64(stored.publicKey))) === stored.keyId ? [] : [issue('key_file_damaged', ['keyId'])];
}

/** Passphrase → usable private key. A wrong passphrase or a damaged key is an issue, never garbage. */
export async function unlockKey(input: unknown, passphrase: string): Promise<Outcome<UnlockedKey>> {
  const stored = parseStoredKey(input);
  if (!stored.ok) return stored;
  const idIssues = await checkKeyId(stored.value);
  if (idIssues.length > 0) return fail(idIssues);
  const pkcs8 = await unwrapPrivateKey(stored.value, passphrase);
  if (!pkcs8.ok) return pkcs8;
  const privateKey = await importPrivateKey(pkcs8.value);
  if (!privateKey.ok) return privateKey;
  const { keyId, name, publicKey, kdf } = stored.value;
  return succeed({
    keyId, name, publicKey: fromBase64(publicKey), privateKey: privateKey.value,
    upgradeRecommended: kdf.iterations < MIN_PBKDF2_ITERATIONS,
  });
}

/** Re-wraps the private key under a new passphrase (new salt and IV). Nothing sealed to the key changes. */
export async function changePassphrase(input: unknown, oldPassphrase: string, newPassphrase: string, kdf?: KdfCost): Promise<Outcome<StoredPrivateKey>> {
  const weak = await checkNewPassphrase(newPassphrase, ['newPassphrase']);
  if (weak.length > 0) return fail(weak);
  const stored = parseStoredKey(input);
  if (!stored.ok) return stored;
  const pkcs8 = await unwrapPrivateKey(stored.value, oldPassphrase);
  if (!pkcs8.ok) return pkcs8;
  const { format, version, name, keyId, algorithm, publicKey, created } = stored.value;
  const rewrapped = await wrapPrivateKey<StoredPrivateKey>({ format, version, name, keyId, algorithm, publicKey, created }, pkcs8.value, newPassphrase, kdf);
  pkcs8.value.fill(0);
  return succeed(rewrapped);
}
