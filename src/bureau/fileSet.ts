import type { Aggregate } from '../../scoring/index.ts';

/** One `.psyagg` file the bureau has loaded: a school's published file, or a merged file of a lower bureau. */
export interface LoadedFile {
  readonly id: string;
  /** The file's name as it was picked or dropped. */
  readonly name: string;
  readonly aggregate: Aggregate;
}

/** The files of one school year, and their sum. `merged` is undefined only when no file is loaded. */
export interface FileSet {
  readonly files: readonly LoadedFile[];
  readonly merged: Aggregate | undefined;
}

export const EMPTY_SET: FileSet = { files: [], merged: undefined };

/**
 * The bureau works on two sets: the current school year, and optionally an earlier (or later) one to
 * compare with. Each set holds files of one year only.
 */
export const SLOTS = ['current', 'comparison'] as const;
export type Slot = (typeof SLOTS)[number];

export const yearOf = (set: FileSet): string | undefined => set.merged?.schoolYear;
