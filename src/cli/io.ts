import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseJsonText, type Issue, type Locale } from '../../scoring/index.ts';
import { describeIssueWithPath } from '../issueMessages.ts';
import { localDay } from '../common/index.ts';

/** What a command may touch, passed in so commands can be run and checked in-process. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Reads a file, or stdin for "-". */
  readonly readText: (path: string) => string;
  /** Writes a whole file (may throw, e.g. EACCES). */
  readonly writeText: (path: string, text: string) => void;
  /** Writes a whole file (throws an errno error when it cannot). */
  readonly writeBytes: (path: string, bytes: Uint8Array) => void;
  readonly locale: Locale;
  /** Today as YYYY-MM-DD, for anything dated. */
  readonly today: () => string;
  /** Now as an ISO time, for anything timed (e.g. when a key went on record). */
  readonly now: () => string;
}

export const localeFromEnv = (env: NodeJS.ProcessEnv): Locale =>
  /^zh/i.test(env.PSYSCREEN_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '') ? 'zh-CN' : 'en';

/**
 * Writes beside the target and renames, so a reader (a warehouse job watching the folder) never
 * sees half a file, and a failed write leaves the file before it as it was.
 */
export function writeWholeFile(path: string, bytes: Uint8Array): void {
  const partial = `${path}.${process.pid}.partial`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readText: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
    writeText: (path, text) => writeFileSync(path, text),
    writeBytes: writeWholeFile,
    locale: localeFromEnv(process.env),
    today: () => localDay(new Date().toISOString()),
    now: () => new Date().toISOString(),
  };
}

export function reportIssues(io: CliIo, where: string, issues: readonly Issue[]): void {
  for (const found of issues) io.err(`${where}: ${describeIssueWithPath(found, io.locale)}`);
}

/** Reads and parses a JSON file; a missing file or bad JSON is reported and yields undefined. */
export function readJson(io: CliIo, path: string): unknown {
  let text: string;
  try {
    text = io.readText(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    io.err(`${path}: ${io.locale === 'zh-CN' ? `无法读取文件（${code}）` : `cannot read the file (${code})`}`);
    return undefined;
  }
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed.value;
  reportIssues(io, path, parsed.issues);
  return undefined;
}

export const splitLines = (text: string): string[] => text.replace(/^\uFEFF/, '').split(/\r?\n/);
