/**
 * Every file format this module reads or writes, with the versions this build can read (oldest first;
 * the last one is what it writes). Compatibility rule (README.md): a reader accepts every version it
 * lists; a newer version is refused as "made by a newer PsyScreen"; a version never changes once
 * released, and any change to a format, even an added optional field, is a new version.
 */
export const FORMATS = {
  'psyscreen-public-key': { label: '.psykey', versions: [1] },
  'psyscreen-private-key': { label: 'private key', versions: [1] },
  'psyscreen-key-backup': { label: '.psykeybackup', versions: [1] },
  'psyscreen-sealed': { label: '.psysealed', versions: [1, 2] },
  'psyscreen-submission': { label: 'submission', versions: [1] },
  'psyscreen-batch': { label: '.psybatch', versions: [1, 2, 3] },
  'psyscreen-record': { label: '.psyrec', versions: [1, 2, 3] },
  'psyscreen-record-export': { label: 'record export (.zip)', versions: [1] },
  'psyscreen-signed': { label: 'signed file (.psyagg)', versions: [1, 2] },
  'psyscreen-bureau-keys': { label: 'keys file (aggregate merge --keys)', versions: [1] },
} as const;

export type FormatName = keyof typeof FORMATS;

export const currentVersion = (format: FormatName): number => {
  const versions: readonly number[] = FORMATS[format].versions;
  const latest = versions[versions.length - 1];
  if (latest === undefined) throw new Error(`format ${format} lists no version`);
  return latest;
};

export const isFormatName = (value: unknown): value is FormatName => typeof value === 'string' && Object.hasOwn(FORMATS, value);
