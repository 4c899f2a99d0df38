import type { ServerResponse } from 'node:http';
import type { LabErrorCode } from '../lab/protocol.ts';

/** One problem in a reply: a stable code and where (`['query', 'machine']`); never a message or a stack. */
export interface LabIssue {
  readonly code: string;
  readonly path: readonly (string | number)[];
}

/** A refusal the routes return as data; the router turns it into a reply. */
export interface Refusal {
  readonly status: number;
  readonly issues: readonly LabIssue[];
  readonly headers?: Readonly<Record<string, string>>;
}

export const refuse = (status: number, code: LabErrorCode, path: readonly (string | number)[] = [], headers?: Record<string, string>): Refusal =>
  ({ status, issues: [{ code, path }], ...(headers ? { headers } : {}) });

export function sendJson(response: ServerResponse, status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const body = Buffer.from(JSON.stringify(value));
  response.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

export function sendRefusal(response: ServerResponse, refusal: Refusal): void {
  sendJson(response, refusal.status, { ok: false, issues: refusal.issues.map(({ code, path }) => ({ code, path: [...path] })) }, refusal.headers);
}

export function sendBytes(response: ServerResponse, bytes: Uint8Array, contentType: string, headers: Readonly<Record<string, string>> = {}): void {
  response.writeHead(200, { 'Cache-Control': 'no-store', ...headers, 'Content-Type': contentType, 'Content-Length': bytes.length });
  response.end(response.req.method === 'HEAD' ? undefined : bytes);
}
