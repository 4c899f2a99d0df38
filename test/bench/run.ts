/**
 * `npm run bench [-- name ...]`: runs the exported `run()` of every test/bench/*.bench.ts in turn
 * (or only those whose file name contains one of the given names). Benchmarks print their numbers;
 * a bench fails only when its correctness check fails (it throws), and then the runner exits 1.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BenchFailure } from './support/failure.ts';

interface BenchModule {
  run(): unknown;
}

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

const isBenchModule = (value: unknown): value is BenchModule =>
  typeof value === 'object' && value !== null && 'run' in value && typeof value.run === 'function';

function benchFiles(filters: readonly string[]): string[] {
  return readdirSync(BENCH_DIR)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort();
}

async function runOne(file: string): Promise<boolean> {
  console.log(`\n=== ${file} ===`);
  const started = performance.now();
  try {
    const loaded: unknown = await import(pathToFileURL(join(BENCH_DIR, file)).href);
    if (!isBenchModule(loaded)) throw new Error(`${file} does not export run()`);
    await loaded.run();
    console.log(`--- ${file}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return true;
  } catch (error: unknown) {
    const detail = error instanceof BenchFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`--- ${file}: FAILED\n${detail}`);
    return false;
  }
}

async function main(): Promise<void> {
  const files = benchFiles(process.argv.slice(2));
  if (files.length === 0) {
    console.error('No bench files matched.');
    process.exitCode = 1;
    return;
  }
  const failed: string[] = [];
  for (const file of files) if (!(await runOne(file))) failed.push(file);
  console.log(failed.length === 0 ? `\nAll ${files.length} bench file(s) ran.` : `\n${failed.length} of ${files.length} failed: ${failed.join(', ')}`);
  if (failed.length > 0) process.exitCode = 1;
}

await main();
