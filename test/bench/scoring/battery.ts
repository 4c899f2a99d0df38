import { catalogFromFiles, findInstrument, formatIssueWithPath, type Instrument, type LibraryFile, type TierPolicy } from '../../../scoring/index.ts';
import { readLibraryFiles } from '../../../src/library/disk.ts';

/** The battery the bench scores: definitions exactly as the app loads them from the library. */
export interface Battery {
  readonly instruments: readonly Instrument[];
  readonly policy: TierPolicy;
}

export const BATTERY_INSTRUMENTS = [
  { id: 'phq9', version: '1.0.0' },
  { id: 'gad7', version: '1.0.0' },
  { id: 'asq', version: '1.0.0' },
] as const;
export const BATTERY_POLICY = { id: 'default', version: '1.0.0' } as const;

const usedPaths = new Set([
  ...BATTERY_INSTRUMENTS.map(({ id, version }) => `${id}/${version}.json`),
  `policies/${BATTERY_POLICY.id}/${BATTERY_POLICY.version}.json`,
]);

/**
 * Reads and validates the shipped library. A problem in a file the battery uses is fatal; problems in
 * other files are printed and do not stop the bench.
 */
export function loadShippedBattery(files: readonly LibraryFile[] = readLibraryFiles()): Battery {
  const { catalog, problems } = catalogFromFiles(files);
  const fatal: string[] = [];
  for (const problem of problems) {
    const lines = problem.issues.map((found) => `${problem.path}: ${formatIssueWithPath(found, 'en')}`);
    if (usedPaths.has(problem.path)) fatal.push(...lines);
    else console.warn(`(library problem outside the battery) ${lines.join('\n')}`);
  }
  if (fatal.length > 0) throw new Error(`The battery's library files do not validate:\n${fatal.join('\n')}`);

  const instruments = BATTERY_INSTRUMENTS.map(({ id, version }) => {
    const found = findInstrument(catalog, id, version);
    if (!found) throw new Error(`instruments/${id}/${version}.json is not in the library`);
    return found;
  });
  const policy = catalog.policies.find((candidate) => candidate.id === BATTERY_POLICY.id && candidate.version === BATTERY_POLICY.version);
  if (!policy) throw new Error(`policy ${BATTERY_POLICY.id}@${BATTERY_POLICY.version} is not in the library`);
  return { instruments, policy };
}
