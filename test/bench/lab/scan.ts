import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The forms a plaintext string could take on disk: UTF-8, UTF-16 (both byte orders), base64 at each alignment. */
function needlesFor(text: string): Buffer[] {
  const utf8 = Buffer.from(text, 'utf8');
  const utf16le = Buffer.from(text, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  const base64 = [0, 1, 2].map((shift) => {
    // The middle of the string's base64 at each of the three byte alignments; edge characters depend on neighbours.
    const encoded = Buffer.concat([Buffer.alloc(shift), utf8]).toString('base64');
    return Buffer.from(encoded.slice(4, -4));
  }).filter((needle) => needle.length >= 4);
  return [utf8, utf16le, utf16be, ...base64];
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every (file, secret) pair where a form of the secret appears in the file's bytes. */
export function scanFolder(folder: string, secrets: readonly string[]): { files: number; bytes: number; found: string[] } {
  const needles = [...new Set(secrets)].filter((secret) => secret.length >= 2).map((secret) => ({ secret, forms: needlesFor(secret) }));
  const found: string[] = [];
  let bytes = 0;
  const files = filesUnder(folder);
  for (const file of files) {
    const content = readFileSync(file);
    bytes += content.length;
    for (const { secret, forms } of needles) if (forms.some((form) => content.includes(form))) found.push(`${file}: ${secret}`);
  }
  return { files: files.length, bytes, found };
}
