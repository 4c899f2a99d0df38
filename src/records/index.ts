/**
 * Keys, encryption and file formats for PsyScreen's sensitive data (README.md has the spec).
 * Primitives from src/crypto (WebCrypto or @noble); no DOM, no storage: the callers keep what these functions return.
 */
export { FORMATS, currentVersion, type FormatName } from './formats.ts';
export { RECORD_MESSAGES, formatRecordIssue } from './messages.ts';

// keys
export { MIN_PBKDF2_ITERATIONS, type KdfCost } from './kdf.ts';
export { MIN_PASSPHRASE_LENGTH, checkNewPassphrase } from './passphrasePolicy.ts';
export { formatKeyId, keyIdOf } from './keyId.ts';
export { ZPublicKeyFile, parsePublicKeyFile, publicKeyFileOf, readPublicKeyFile, writePublicKeyFile, type PublicKeyFile } from './publicKey.ts';
export { importRecipient, type RecipientKey } from './recipient.ts';
export { ZKeyBackupFile, ZStoredPrivateKey, type KeyBackupFile, type StoredPrivateKey } from './wrappedKey.ts';
export { changePassphrase, createSchoolKey, parseStoredKey, unlockKey, type CreateSchoolKeyRequest, type NewSchoolKey, type UnlockedKey } from './schoolKey.ts';
export { createKeyBackup, parseKeyBackup, readKeyBackup, restoreKeyBackup, writeKeyFile } from './keyBackup.ts';

// envelopes
export { ENVELOPE_FORMATS, ZEnvelopeHeader, type EnvelopeFormat, type EnvelopeHeader } from './envelopeHeader.ts';
export type { EnvelopeInfo } from './envelopeReader.ts';
export { createKeySealer, createPassphraseSealer, seal, sealWithPassphrase, type Plaintext, type SealFields, type Sealer } from './sealer.ts';
export { createOpener, open, openWithPassphrase, type KeyForOpening, type Opened, type Opener, type OpeningSecret } from './opener.ts';

// submissions and batches
export { ZBatteryResult, storedResult, type StoredBatteryResult } from './batteryResult.ts';
export { ZSubmission, type Submission } from './submission.ts';
export { sealSubmission } from './submissionSeal.ts';
export { looksLikeSealedFile, readBatch, writeBatch, type BatchContents, type BatchEntry, type BatchToWrite } from './batchFile.ts';
export { importBatch, importSealedFile, type BatchImport, type ManifestStanding, type ForOtherKey, type ImportedSubmission } from './importBatch.ts';
export { receiptCode, sameReceipt } from './receipt.ts';
export { ZSignedFile, isSignedFile, openSignedJson, openSignedText, signText, type SignedContent, type SignedFile } from './signedFile.ts';
export type { KeptAside } from './keptAside.ts';

// the teacher workspace's storage at rest
export { deriveStorageKey, type RowAddress, type StorageKey } from './storageKey.ts';

// student records
export {
  FOLLOW_UP_ACTIONS, FOLLOW_UP_KINDS, ORIGINAL_RESULT, ZAuditEntry, ZFollowUp, ZStudentIdentity, ZStudentRecord, ZTierReview, ZWave, tierOf,
  type AuditEntry, type FollowUp, type LabelledResult, type StudentIdentity, type StudentRecord, type TierReview, type Wave,
} from './studentRecord.ts';
export { openRecord, openRecordWithPassphrase, readRecordFile, sealRecord, sealRecordWithPassphrase, writeRecordFile, type OpenedRecord } from './recordFile.ts';
export { mergeIntoWorkspace, mergeRecord, sameStudent, type RecordMerge, type WorkspaceMerge } from './mergeRecord.ts';
export { rescoreWave, type RescoreLabel } from './rescoreWave.ts';
export { exportRecords, type ExportOptions, type ExportProgress, type ExportRecipient } from './exportRecords.ts';
export { readRecordExport, type ReadExport } from './readRecordExport.ts';
export { ZRecordExportManifest, type RecordExportManifest } from './recordExport.ts';
