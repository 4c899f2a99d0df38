import type { Duplex } from 'node:stream';
import { SECURITY_HEADERS } from './headers.ts';

/**
 * Requests Node's parser cannot read (bad framing, oversized headers, timeouts) never reach a route;
 * they get the same JSON error and security headers as everything else instead of Node's bare 400.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, code] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large', 'too_large']
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout', 'bad_request']
      : [400, 'Bad Request', 'bad_request'];
  const body = JSON.stringify({ ok: false, issues: [{ code, path: [] }] });
  const headers = { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store', Connection: 'close' };
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n${body}`);
}
