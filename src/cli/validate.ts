import { parseDefinition } from '../../scoring/index.ts';
import { readJson, reportIssues, type CliIo } from './io.ts';

/** `psyscreen validate FILE…`: one line per problem; exit 0 when every file is valid, 1 otherwise. */
export function validateCommand(io: CliIo, files: readonly string[]): number {
  if (files.length === 0) {
    io.err('usage: psyscreen validate FILE…');
    return 1;
  }
  let allValid = true;
  for (const file of files) {
    const json = readJson(io, file);
    if (json === undefined) {
      allValid = false;
      continue;
    }
    const parsed = parseDefinition(json);
    if (parsed.ok) io.out(`${file}: ok (${parsed.value.kind} ${parsed.value.value.id}@${parsed.value.value.version})`);
    else {
      allValid = false;
      reportIssues(io, file, parsed.issues);
    }
  }
  return allValid ? 0 : 1;
}
