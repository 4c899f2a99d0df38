import { contentHash } from './hash.ts';

/** `id@version#sha256`: the exact definition a response was scored with. */
export type VersionRef = string;

export interface ParsedRef {
  readonly id: string;
  readonly version: string;
  readonly hash?: string;
}

const REF_PATTERN = /^([a-z][a-z0-9-]*)@(\d+\.\d+\.\d+)(?:#([0-9a-f]{64}))?$/;

export function parseRef(ref: string): ParsedRef | undefined {
  const match = REF_PATTERN.exec(ref);
  if (!match) return undefined;
  const [, id = '', version = '', hash] = match;
  return hash === undefined ? { id, version } : { id, version, hash };
}

export const refOf = (definition: { id: string; version: string }): VersionRef =>
  `${definition.id}@${definition.version}#${contentHash(definition)}`;

export const shortRefOf = (definition: { id: string; version: string }): string => `${definition.id}@${definition.version}`;
