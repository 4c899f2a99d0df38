import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM } from '../../e2e/harness.ts';
import { BenchFailure } from './failure.ts';

/**
 * Bundles a bench entry (which exports `run(data, rounds)`) as one script, opens it in headless
 * Chromium on a localhost page (WebCrypto and IndexedDB need a secure origin) and returns what `run`
 * returns. Undefined when Chromium is not installed.
 */
export async function runBundleInChromium<T>(entry: string, globalName: string, data: unknown, rounds: number): Promise<T | undefined> {
  if (!existsSync(CHROMIUM.executablePath)) return undefined;
  const built = await build({
    configFile: false, logLevel: 'error', define: { 'process.env.NODE_ENV': '"production"' }, oxc: { jsx: { runtime: 'automatic' } },
    build: { write: false, minify: true, target: 'es2022', cssCodeSplit: false, lib: { entry, formats: ['iife'], name: globalName, fileName: globalName } },
  });
  const outputs = Array.isArray(built) ? built : [built];
  const chunk = outputs.flatMap((output) => ('output' in output ? output.output : [])).find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new BenchFailure(`${entry} did not bundle`);
  const server = createServer((_request, response) => response.end(`<!doctype html><meta charset="utf-8"><title>${globalName}</title>`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const browser = await chromium.launch(CHROMIUM);
  try {
    if (!address || typeof address === 'string') throw new BenchFailure('no port');
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.addScriptTag({ content: chunk.code });
    return await page.evaluate(([name, input, count]) => (globalThis as unknown as Record<string, { run: (d: unknown, n: number) => Promise<T> }>)[name]?.run(input, count), [globalName, data, rounds] as const);
  } finally {
    await browser.close();
    server.close();
  }
}
