import type { IncomingMessage } from 'node:http';
import { refuse, type Refusal } from './reply.ts';

export type BodyOutcome = { ok: true; bytes: Buffer } | { ok: false; refusal: Refusal };

const CLOSE = { Connection: 'close' };

/**
 * Reads a request body of at most `limit` bytes. A declared or streamed size over the limit is refused
 * with 413 as soon as it is known: the rest is never read, and the connection is closed after the reply.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyOutcome> {
  const declared = request.headers['content-length'];
  if (declared !== undefined && !/^\d+$/.test(declared)) return Promise.resolve({ ok: false, refusal: refuse(400, 'bad_request', ['headers', 'content-length'], CLOSE) });
  if (declared !== undefined && Number(declared) > limit) return Promise.resolve({ ok: false, refusal: refuse(413, 'too_large', ['body'], CLOSE) });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: BodyOutcome): void => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) settle({ ok: false, refusal: refuse(413, 'too_large', ['body'], CLOSE) });
      else chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => settle({ ok: true, bytes: Buffer.concat(chunks, size) }));
    request.on('error', () => settle({ ok: false, refusal: refuse(400, 'bad_request', ['body'], CLOSE) }));
    request.on('close', () => settle({ ok: false, refusal: refuse(400, 'bad_request', ['body'], CLOSE) }));
  });
}

/** A JSON body: bytes over the limit are refused as above, bad UTF-8 or JSON with 400. */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<{ ok: true; value: unknown; bytes: Buffer } | { ok: false; refusal: Refusal }> {
  const body = await readBody(request, limit);
  if (!body.ok) return body;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown, bytes: body.bytes };
  } catch {
    return { ok: false, refusal: refuse(400, 'bad_request', ['body']) };
  }
}
