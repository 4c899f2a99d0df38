import { fail, issue, parseWith, succeed, type Outcome } from '../../scoring/index.ts';
import { readJsonFileText } from './jsonFile.ts';
import { checkFormat } from './formatCheck.ts';
import { normalizePassphrase, type KdfCost } from './kdf.ts';
import { checkNewPassphrase } from './passphrasePolicy.ts';
import { parseStoredKey } from './schoolKey.ts';
import { ZKeyBackupFile, unwrapPrivateKey, wrapPrivateKey, type KeyBackupFile, type StoredPrivateKey } from './wrappedKey.ts';

/**
 * The key backup file (`.psykeybackup`): the same private key, wrapped under a second passphrase that
 * is kept apart from the teacher's (e.g. sealed in an envelope in the principal's safe). Without the
 * teacher's passphrase or this backup, nothing sealed to the key can ever be opened again.
 */
export async function createKeyBackup(storedInput: unknown, passphrase: string, backupPassphrase: string, options: { exported: string; kdf?: KdfCost }): Promise<Outcome<KeyBackupFile>> {
  const weak = await checkNewPassphrase(backupPassphrase, ['backupPassphrase']);
  if (weak.length > 0) return fail(weak);
  if (normalizePassphrase(backupPassphrase) === normalizePassphrase(passphrase)) return fail([issue('backup_passphrase_same', ['backupPassphrase'])]);
  const stored = parseStoredKey(storedInput);
  if (!stored.ok) return stored;
  const pkcs8 = await unwrapPrivateKey(stored.value, passphrase);
  if (!pkcs8.ok) return pkcs8;
  const { version, name, keyId, algorithm, publicKey, created } = stored.value;
  const backup = await wrapPrivateKey<KeyBackupFile>({ format: 'psyscreen-key-backup', version, name, keyId, algorithm, publicKey, created, exported: options.exported }, pkcs8.value, backupPassphrase, options.kdf);
  pkcs8.value.fill(0);
  return succeed(backup);
}

export function parseKeyBackup(input: unknown): Outcome<KeyBackupFile> {
  const format = checkFormat(input, ['psyscreen-key-backup']);
  return format.ok ? parseWith(ZKeyBackupFile, input) : format;
}

export function readKeyBackup(text: string): Outcome<KeyBackupFile> {
  const json = readJsonFileText(text, '.psykeybackup');
  return json.ok ? parseKeyBackup(json.value) : json;
}

export const writeKeyFile = (file: KeyBackupFile | StoredPrivateKey): string => `${JSON.stringify(file, null, 2)}\n`;

/** Backup file + its passphrase → a stored key for this workspace under a new passphrase. */
export async function restoreKeyBackup(text: string, backupPassphrase: string, newPassphrase: string, kdf?: KdfCost): Promise<Outcome<StoredPrivateKey>> {
  const weak = await checkNewPassphrase(newPassphrase, ['newPassphrase']);
  if (weak.length > 0) return fail(weak);
  const backup = readKeyBackup(text);
  if (!backup.ok) return backup;
  const pkcs8 = await unwrapPrivateKey(backup.value, backupPassphrase);
  if (!pkcs8.ok) return pkcs8;
  const { version, name, keyId, algorithm, publicKey, created } = backup.value;
  const stored = await wrapPrivateKey<StoredPrivateKey>({ format: 'psyscreen-private-key', version, name, keyId, algorithm, publicKey, created }, pkcs8.value, newPassphrase, kdf);
  pkcs8.value.fill(0);
  return succeed(stored);
}
