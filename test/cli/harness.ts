import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Locale } from '../../scoring/index.ts';
import { writeWholeFile } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

/** Runs the command line in-process, with stdin given as text. */
export function cli(argv: string[], options: { stdin?: string; locale?: Locale } = {}): CliRun {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readText: (path) => (path === '-' ? (options.stdin ?? '') : readFileSync(path, 'utf8')),
    writeText: (path, text) => writeFileSync(path, text),
    writeBytes: writeWholeFile,
    locale: options.locale ?? 'en',
    today: () => '2026-11-22',
    now: () => '2026-11-22T08:00:00.000Z',
  });
  return { code, out, err };
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes files into a fresh temporary folder and returns their paths. */
export function tempFiles(files: Record<string, unknown>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'psyscreen-cli-'));
  created.push(dir);
  return Object.fromEntries(Object.entries(files).map(([name, content]) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return [name, path];
  }));
}
