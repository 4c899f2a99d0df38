import { z } from 'zod';
import { parseJsonText, parseWith, succeed, type Outcome } from '../../scoring/index.ts';
import { ZKnownKey, type KeyRegistry, type KnownKey } from '../bureau/keyRegistry.ts';
import { checkFormat } from '../records/formatCheck.ts';

/**
 * The command line's record of senders' signing keys (`aggregate merge --keys FILE`): the same trust on
 * first use as the bureau workspace's "School keys" (bureau/keyRegistry.ts), kept in a JSON file so a
 * script merging the county's files every term holds each school to the key it first signed with.
 */
export const ZKeysFile = z.strictObject({
  format: z.literal('psyscreen-bureau-keys'),
  version: z.literal(1),
  keys: z.array(ZKnownKey).max(100_000),
});

/** The registry in a keys file's text; a file that does not exist yet is an empty registry. */
export function parseKeysFile(text: string | undefined): Outcome<KeyRegistry> {
  if (text === undefined) return succeed(new Map());
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const format = checkFormat(json.value, ['psyscreen-bureau-keys']);
  if (!format.ok) return format;
  const file = parseWith(ZKeysFile, json.value);
  if (!file.ok) return file;
  return succeed(new Map(file.value.keys.map((key) => [key.sender, key as KnownKey])));
}

export const writeKeysFile = (registry: KeyRegistry): string =>
  `${JSON.stringify({ format: 'psyscreen-bureau-keys', version: 1, keys: [...registry.values()].sort((a, b) => a.sender.localeCompare(b.sender)) }, null, 2)}\n`;
