import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM } from '../../e2e/harness.ts';
import { BenchFailure } from './failure.ts';

/** One entry bundled as a classic IIFE script. */
async function bundle(entry: string, globalName: string): Promise<string> {
  const built = await build({
    configFile: false, logLevel: 'error', define: { 'process.env.NODE_ENV': '"production"' }, oxc: { jsx: { runtime: 'automatic' } },
    build: { write: false, minify: true, target: 'es2022', cssCodeSplit: false, lib: { entry, formats: ['iife'], name: globalName, fileName: globalName } },
  });
  const outputs = Array.isArray(built) ? built : [built];
  const chunk = outputs.flatMap((output) => ('output' in output ? output.output : [])).find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new BenchFailure(`${entry} did not bundle`);
  return chunk.code;
}

/**
 * Bundles a bench entry (which exports `run(data, rounds)`) as one script, opens it in headless
 * Chromium on a localhost page (WebCrypto and IndexedDB need a secure origin) and returns what `run`
 * returns. `workers` maps a path (e.g. `/roster-worker.js`) to an entry the page can start as a
 * classic Web Worker. `cpuThrottle` > 1 slows the page's CPU that many times (an old lab PC).
 * Undefined when Chromium is not installed.
 */
export async function runBundleInChromium<T>(entry: string, globalName: string, data: unknown, rounds: number, workers: Readonly<Record<string, string>> = {}, cpuThrottle = 1): Promise<T | undefined> {
  if (!existsSync(CHROMIUM.executablePath)) return undefined;
  const code = await bundle(entry, globalName);
  const workerCode = new Map<string, string>();
  for (const [path, workerEntry] of Object.entries(workers)) workerCode.set(path, await bundle(workerEntry, `worker${workerCode.size}`));
  const server = createServer((request, response) => {
    const script = workerCode.get(request.url ?? '');
    if (script !== undefined) response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    else response.end(`<!doctype html><meta charset="utf-8"><title>${globalName}</title>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const browser = await chromium.launch(CHROMIUM);
  try {
    if (!address || typeof address === 'string') throw new BenchFailure('no port');
    const page = await browser.newPage();
    if (cpuThrottle > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.addScriptTag({ content: code });
    return await page.evaluate(([name, input, count]) => (globalThis as unknown as Record<string, { run: (d: unknown, n: number) => Promise<T> }>)[name]?.run(input, count), [globalName, data, rounds] as const);
  } finally {
    await browser.close();
    server.close();
  }
}
