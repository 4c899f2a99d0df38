import type { z } from 'zod';
import { fail, issue, parseWith, succeed, type Issue, type Outcome } from '../../scoring/index.ts';
import { LAB_API, LAB_ERROR_CODES, LAB_LIMITS, ZLabError } from './protocol.ts';

/*
 * How the workspace talks to the lab server and reads its answers: the one mapping from a refusal, a
 * dead network or a reply off the contract to `lab_*` issues (messages.ts says what to do about each).
 * Nothing here throws.
 */

export type LabFetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface LabAddress {
  readonly fetch: LabFetch;
  /** The server's origin, e.g. `http://192.168.1.20:8080` (the workspace's own origin). */
  readonly origin: string;
  /** The teacher token, when known; teacher endpoints refuse without it (`lab_no_token`, nothing is sent). */
  readonly token?: string;
}

export type Reply = Outcome<Response>;

const KNOWN_CODES: ReadonlySet<string> = new Set(LAB_ERROR_CODES);

/**
 * One request to the API. `withToken` requests carry the bearer token and refuse to follow a redirect
 * (the token is for this server only); without a token they are not sent at all.
 */
export async function send(address: LabAddress, path: string, init: RequestInit, withToken: boolean): Promise<Reply> {
  const headers = new Headers(init.headers);
  if (withToken) {
    if (address.token === undefined) return fail([issue('lab_no_token', [])]);
    headers.set('Authorization', `Bearer ${address.token}`);
  }
  try {
    return succeed(await address.fetch(`${address.origin}${LAB_API}${path}`, {
      ...init, headers, cache: 'no-store', credentials: 'omit', ...(withToken ? { redirect: 'error' as const } : {}),
    }));
  } catch {
    return fail([issue('lab_unreachable', [])]);
  }
}

/** The body as text; undefined when the connection broke while it came. */
async function bodyText(response: Response): Promise<string | undefined> {
  try {
    return await response.text();
  } catch {
    return undefined;
  }
}

/** The body as JSON; undefined for anything else, including a body larger than any reply the server gives. */
export function jsonOf(text: string): unknown {
  if (text.length > LAB_LIMITS.plan) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A refusal as issues: the server's own code when it is one of the protocol's, else what the status
 * says. The status is kept as a param, the wait for a rate limit, and a code this client does not know.
 */
export async function refusal(response: Response): Promise<readonly Issue[]> {
  if (response.status === 401 || response.status === 403) return [issue('lab_unauthorized', [])];
  const text = await bodyText(response);
  const body = ZLabError.safeParse(text === undefined ? undefined : jsonOf(text));
  const first = body.success ? body.data.issues[0] : undefined;
  const known = first !== undefined && KNOWN_CODES.has(first.code) ? first : undefined;
  const code = known ? `lab_${known.code}` : response.status === 429 ? 'lab_rate_limited' : response.status === 413 ? 'lab_too_large'
    : response.status === 507 ? 'lab_disk_full' : response.status === 404 ? 'lab_not_found' : response.status >= 500 ? 'lab_server_error' : 'lab_refused';
  const retry = Number(response.headers.get('Retry-After'));
  // Retry-After is optional; the message always names a wait, so a missing one reads as ten seconds.
  const wait = code === 'lab_rate_limited' ? { seconds: Number.isFinite(retry) && retry > 0 ? retry : 10 } : {};
  const unknown = first !== undefined && !known ? { code: first.code } : {};
  return [issue(code, known?.path ?? [], { status: response.status, ...wait, ...unknown })];
}

/** A JSON reply held to its schema; a refusal, a broken connection or a reply off the schema as issues. */
export async function jsonReply<T>(reply: Reply, schema: z.ZodType<T>): Promise<Outcome<T>> {
  if (!reply.ok) return reply;
  if (!reply.value.ok) return fail(await refusal(reply.value));
  const text = await bodyText(reply.value);
  if (text === undefined) return fail([issue('lab_unreachable', [])]);
  const parsed = parseWith(schema, jsonOf(text));
  return parsed.ok ? parsed : fail([issue('lab_reply_invalid', []), ...parsed.issues]);
}

/** Sealed bytes as the server holds them: never empty, never over the contract's limit for the kind. */
export async function bytesReply(reply: Reply, limit: number): Promise<Outcome<Uint8Array<ArrayBuffer>>> {
  if (!reply.ok) return reply;
  if (!reply.value.ok) return fail(await refusal(reply.value));
  try {
    const bytes = new Uint8Array(await reply.value.arrayBuffer());
    if (bytes.length === 0 || bytes.length > limit) return fail([issue('lab_reply_invalid', [], { bytes: bytes.length })]);
    return succeed(bytes);
  } catch {
    return fail([issue('lab_unreachable', [])]);
  }
}

export const jsonBody = (value: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) });
