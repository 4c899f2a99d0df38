import { catalogFromFiles, findInstrument, formatIssueWithPath, type Catalog, type Instrument, type TierPolicy } from '../../scoring/index.ts';
import { readLibraryFiles } from '../../src/library/disk.ts';

let cached: Catalog | undefined;

/** The shipped library as the app sees it; a file that fails validation fails the test using it. */
export function shippedCatalog(): Catalog {
  if (cached) return cached;
  const { catalog, problems } = catalogFromFiles(readLibraryFiles());
  if (problems.length > 0) {
    throw new Error(problems.map((p) => p.issues.map((i) => `${p.path}: ${formatIssueWithPath(i, 'en')}`).join('\n')).join('\n'));
  }
  cached = catalog;
  return catalog;
}

export function shippedInstrument(id: string): Instrument {
  const found = findInstrument(shippedCatalog(), id);
  if (!found) throw new Error(`instrument ${id} is not in the library`);
  return found;
}

export function defaultPolicy(): TierPolicy {
  const found = shippedCatalog().policies.find((policy) => policy.id === 'default');
  if (!found) throw new Error('default policy missing');
  return found;
}
