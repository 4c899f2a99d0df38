import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { build, preview, type PluginOption, type PreviewServer } from 'vite';
import { startLabServer, type LabServer } from '../../src/server/server.ts';

export const SCREENSHOTS = 'test-results/screenshots';

export interface AppOptions {
  /** Extra Vite plugins for this build only, e.g. to feed the app a hostile instrument file. */
  readonly plugins?: PluginOption[];
}

/**
 * The production bundle, as `npm run build` makes it. Vitest sets NODE_ENV=test, with which Vite
 * would bundle React's development build (double effects in StrictMode, dev-only checks), so the
 * build runs with NODE_ENV=production and puts the test's value back afterwards.
 */
export async function buildApp(outDir: string, plugins?: PluginOption[]): Promise<void> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false }, ...(plugins ? { plugins } : {}) });
  } finally {
    process.env.NODE_ENV = before;
  }
}

/** Builds the app once per test file and serves it with `vite preview` (production bundle, real CSP). */
export async function startApp(options: AppOptions = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'psyscreen-e2e-'));
  await buildApp(outDir, options.plugins);
  const server: PreviewServer = await preview({ logLevel: 'error', build: { outDir }, preview: { port: 0, strictPort: false, host: '127.0.0.1' } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * Builds the app once and serves it with the real lab server (`psyscreen lab`), loopback only, with a
 * fresh data folder; `dataDir` is there for tests that look at what the server stored.
 */
export async function startLab(): Promise<{ url: string; port: number; token: string; dataDir: string; distDir: string; server: LabServer; events: string[]; stop: () => Promise<void> }> {
  const events: string[] = [];
  const distDir = mkdtempSync(join(tmpdir(), 'psyscreen-e2e-lab-dist-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'psyscreen-e2e-lab-data-'));
  await buildApp(distDir);
  const server = await startLabServer({ distDir, dataDir, port: 0, host: '127.0.0.1', log: (event) => { events.push(event.code); } });
  return {
    url: server.url, port: server.port, token: server.token, dataDir, distDir, server, events,
    stop: async () => {
      await server.close();
      rmSync(distDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A lab PC's view: a LAN host name on plain http, which Chromium treats as a non-secure origin. */
export const LAB_HOST = 'lab.school.test';

export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

/** Chromium that resolves LAB_HOST to loopback: traffic stays on this machine, the origin is not secure. */
export async function launchLabBrowser(): Promise<Browser> {
  return chromium.launch({ ...CHROMIUM, args: [...CHROMIUM.args, `--host-resolver-rules=MAP ${LAB_HOST} 127.0.0.1`] });
}

export interface Watched {
  readonly page: Page;
  /** Requests to any origin but the app's own. Must stay empty. */
  readonly foreignRequests: string[];
  readonly consoleErrors: string[];
}

/** True for a request that leaves the app: any network origin but the app's own (data: and blob: never leave the page). */
export function isForeignRequest(url: string, appOrigin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return false;
  try {
    return new URL(url).origin !== appOrigin;
  } catch {
    return true;
  }
}

/**
 * A page that records every request leaving the app's origin and every console error. Requests are
 * watched on the whole context, so those of the service worker and of any popup count too.
 */
export async function watchedPage(context: BrowserContext, appUrl: string): Promise<Watched> {
  const origin = new URL(appUrl).origin;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (request) => {
    if (isForeignRequest(request.url(), origin)) foreignRequests.push(request.url());
  });
  const page = await context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { page, foreignRequests, consoleErrors };
}

/** Saves `test-results/screenshots/<name>.png`: the whole page by default, or only the viewport (what fits on screen). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: options.fullPage ?? true });
}

/** Builds and serves the app and launches Chromium once for a test file; closes both afterwards. */
export function appAndBrowser(): { readonly url: () => string; readonly browser: () => Browser } {
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return {
    url: () => app?.url ?? '',
    browser: () => {
      if (!browser) throw new Error('browser not started');
      return browser;
    },
  };
}
