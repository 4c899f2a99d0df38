import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { buildApp } from './harness.ts';
import viteConfig from '../../vite.config.ts';
import { LAB_API, type UploadListing } from '../../src/lab/protocol.ts';

/*
 * A STUB of the lab server (src/server lands separately): it serves the built app and answers the few
 * teacher endpoints the Lab page calls, with canned state the test sets and inspects. It checks the
 * bearer token and nothing else; it is not the server and tests nothing about the server.
 */

export interface StubSubmission { readonly listing: UploadListing; readonly bytes: Uint8Array }

export interface LabServerStub {
  readonly url: string;
  readonly port: number;
  /** When false every /api request gets 404, as from a static host. */
  lab: boolean;
  token: string;
  /** Whether GET /teacher/token hands the token out (the real server does so only to its own PC). */
  giveToken: boolean;
  plan: { ref: string; digest: string; body: string } | null;
  readonly submissions: Map<string, StubSubmission>;
  readonly receipts: string[][];
  readonly clears: string[][];
  /** Ids whose download the stub cuts off (the network drops mid-pull). */
  readonly dropBytes: Set<string>;
  kioskUrls: (port: number) => string[];
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.woff2': 'font/woff2', '.csv': 'text/csv', '.xlsx': 'application/octet-stream' };

const json = (response: ServerResponse, status: number, value: unknown) => {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(value));
};
const refuse = (response: ServerResponse, status: number, code: string) => json(response, status, { ok: false, issues: [{ code, path: [] }] });

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLabServerStub(): Promise<LabServerStub> {
  const outDir = mkdtempSync(join(tmpdir(), 'psyscreen-lab-stub-'));
  await buildApp(outDir);
  const headers = { ...(viteConfig.preview?.headers ?? {}), 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' } as Record<string, string>;

  const api = async (stub: LabServerStub, request: IncomingMessage, response: ServerResponse, path: string) => {
    const method = request.method ?? 'GET';
    if (method === 'GET' && path === '/hello') {
      json(response, 200, { server: 'psyscreen-lab', protocol: 1, plan: stub.plan && { ref: stub.plan.ref, digest: stub.plan.digest }, kioskUrls: stub.kioskUrls(stub.port), time: new Date().toISOString() });
      return;
    }
    if (path === '/teacher/token') return stub.giveToken ? json(response, 200, { token: stub.token }) : refuse(response, 403, 'unauthorized');
    if (request.headers.authorization !== `Bearer ${stub.token}`) return refuse(response, 401, 'unauthorized');
    if (method === 'PUT' && path === '/teacher/plan') {
      const text = await body(request);
      const parsed = JSON.parse(text) as { plan: { id: string; version: string } };
      stub.plan = { ref: `${parsed.plan.id}@${parsed.plan.version}`, digest: createHash('sha256').update(text).digest('hex'), body: text };
      return json(response, 200, { ok: true, ref: stub.plan.ref, digest: stub.plan.digest });
    }
    if (method === 'GET' && path === '/teacher/submissions') return json(response, 200, { submissions: [...stub.submissions.values()].map((entry) => entry.listing) });
    const one = /^\/teacher\/submissions\/([0-9a-f-]+)$/.exec(path);
    if (method === 'GET' && one?.[1]) {
      const found = stub.submissions.get(one[1]);
      if (!found) return refuse(response, 404, 'not_found');
      if (stub.dropBytes.has(one[1])) { response.socket?.destroy(); return; }
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      response.end(found.bytes);
      return;
    }
    if (method === 'POST' && (path === '/teacher/receipts' || path === '/teacher/clear')) {
      const { ids } = JSON.parse(await body(request)) as { ids: string[] };
      if (path === '/teacher/receipts') {
        stub.receipts.push(ids);
        for (const id of ids) {
          const found = stub.submissions.get(id);
          if (found) stub.submissions.set(id, { ...found, listing: { ...found.listing, imported: true } });
        }
        return json(response, 200, { ok: true });
      }
      stub.clears.push(ids);
      const notImported = ids.filter((id) => !stub.submissions.get(id)?.listing.imported);
      for (const id of ids) if (!notImported.includes(id)) stub.submissions.delete(id);
      return json(response, 200, { ok: true, removed: ids.length - notImported.length, notImported });
    }
    refuse(response, 404, 'not_found');
  };

  const files = (request: IncomingMessage, response: ServerResponse, path: string) => {
    const file = normalize(join(outDir, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(outDir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404, headers);
      response.end('not found');
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://stub').pathname;
    if (path.startsWith(`${LAB_API}/`)) {
      if (!stub.lab) return refuse(response, 404, 'not_found');
      void api(stub, request, response, path.slice(LAB_API.length)).catch(() => refuse(response, 500, 'server_error'));
      return;
    }
    files(request, response, path);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('stub has no port');
  const stub: LabServerStub = {
    url: `http://127.0.0.1:${address.port}`, port: address.port, lab: true, token: 'stub-teacher-token-0123456789abcdefABCDEF', giveToken: false, plan: null,
    submissions: new Map(), receipts: [], clears: [], dropBytes: new Set(),
    kioskUrls: (port) => [`http://localhost:${port}/kiosk.html`, `http://192.168.1.20:${port}/kiosk.html`],
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
  return stub;
}
