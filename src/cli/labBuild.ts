import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as Vite from 'vite';

/** What the built app depends on: if any of these is newer than the last build, build again. */
const SOURCES = ['src', 'scoring', 'instruments', 'public', 'index.html', 'kiosk.html', 'teacher.html', 'bureau.html', 'vite.config.ts', 'package.json'];
/** Written after a successful build (a dotfile: never served). */
export const BUILD_STAMP = '.psyscreen-build';

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/ has no finished build, or a source changed since it was made. */
export async function buildIsStale(root: string, outDir: string): Promise<boolean> {
  const stamp = await stat(join(outDir, BUILD_STAMP)).catch(() => undefined);
  if (!stamp) return true;
  let newest = 0;
  for (const source of SOURCES) newest = Math.max(newest, await newestMtime(join(root, source)));
  return newest > stamp.mtimeMs;
}

export type BuildOutcome = { ok: true } | { ok: false; reason: 'no_build_tool' | 'build_failed'; detail: string };

/** Builds the app with Vite's JS API (a dev dependency: a production-only install cannot build). */
export async function buildApp(root: string, outDir: string): Promise<BuildOutcome> {
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch (error) {
    return { ok: false, reason: 'no_build_tool', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    await vite.build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } catch (error) {
    return { ok: false, reason: 'build_failed', detail: error instanceof Error ? error.message : String(error) };
  }
  await writeFile(join(outDir, BUILD_STAMP), `${new Date().toISOString()}\n`);
  return { ok: true };
}
