import { z } from 'zod';
import { fail, issue, parseWith, succeed, type Issue, type Outcome } from '../../scoring/index.ts';
import {
  LAB_API, LAB_ERROR_CODES, LAB_LIMITS, ZCleared, ZHello, ZLabError, ZSubmissionList, ZTeacherToken,
  ZPlanRef, type Hello, type UploadListing,
} from './protocol.ts';

/*
 * The teacher workspace's side of the lab protocol (README.md in this folder). Every reply is checked
 * against the protocol's schemas; every problem comes back as issues with a `lab_*` code
 * (messages.ts says what to do about each), never as an exception.
 */

export type LabFetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface PlanStored { readonly ref: string; readonly digest: string }
export interface Cleared { readonly removed: number; readonly notImported: readonly string[] }

export interface TeacherLabClient {
  /** Is there a lab server behind this page, and what does it serve. `lab_not_here` for a static host. */
  hello(): Promise<Outcome<Hello>>;
  /** The teacher token, handed out only when the workspace is opened on the server's own PC. */
  token(): Promise<Outcome<string>>;
  putPlan(kioskPlanJson: string): Promise<Outcome<PlanStored>>;
  submissions(): Promise<Outcome<readonly UploadListing[]>>;
  submissionBytes(id: string): Promise<Outcome<Uint8Array<ArrayBuffer>>>;
  receipts(ids: readonly string[]): Promise<Outcome<true>>;
  clear(ids: readonly string[]): Promise<Outcome<Cleared>>;
}

export interface TeacherLabClientOptions {
  readonly fetch: LabFetch;
  /** The server's origin, e.g. `http://192.168.1.20:8080` (the workspace's own origin). */
  readonly origin: string;
  /** The teacher token, when known; teacher endpoints refuse without it (`lab_no_token`, nothing is sent). */
  readonly token?: string;
}

/** The replies README.md gives as `{ ok, ref, digest }` and `{ ok }` (protocol.ts names no schema for them). */
const ZPlanStored = z.strictObject({ ok: z.literal(true), ref: ZPlanRef, digest: z.string().regex(/^[0-9a-f]{64}$/) });
const ZOk = z.strictObject({ ok: z.literal(true) });

const KNOWN_CODES: ReadonlySet<string> = new Set(LAB_ERROR_CODES);

type Reply = Outcome<Response>;

async function send(options: TeacherLabClientOptions, path: string, init: RequestInit, withToken: boolean): Promise<Reply> {
  const headers = new Headers(init.headers);
  if (withToken) {
    if (options.token === undefined) return fail([issue('lab_no_token', [])]);
    headers.set('Authorization', `Bearer ${options.token}`);
  }
  try {
    return succeed(await options.fetch(`${options.origin}${LAB_API}${path}`, { ...init, headers, cache: 'no-store', credentials: 'omit' }));
  } catch {
    return fail([issue('lab_unreachable', [])]);
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

/** A refusal as issues: the server's own code when it is one of the protocol's, with what the status says otherwise. */
async function refusal(response: Response): Promise<readonly Issue[]> {
  if (response.status === 401 || response.status === 403) return [issue('lab_unauthorized', [])];
  const body = ZLabError.safeParse(await readJson(response));
  const code = body.success ? body.data.issues[0]?.code : undefined;
  const retry = Number(response.headers.get('Retry-After'));
  // Retry-After is optional; the message always names a wait, so a missing one reads as ten seconds.
  const params = { status: response.status, seconds: Number.isFinite(retry) && retry > 0 ? retry : 10 };
  if (code !== undefined && KNOWN_CODES.has(code)) return [issue(`lab_${code}`, body.success ? body.data.issues[0]?.path ?? [] : [], params)];
  if (response.status === 429) return [issue('lab_rate_limited', [], params)];
  if (response.status === 413) return [issue('lab_too_large', [], params)];
  if (response.status === 507) return [issue('lab_disk_full', [], params)];
  return [issue('lab_refused', [], params)];
}

async function jsonReply<T>(reply: Reply, schema: z.ZodType<T>): Promise<Outcome<T>> {
  if (!reply.ok) return reply;
  if (!reply.value.ok) return fail(await refusal(reply.value));
  const parsed = parseWith(schema, await readJson(reply.value));
  return parsed.ok ? parsed : fail([issue('lab_reply_invalid', []), ...parsed.issues]);
}

const jsonBody = (value: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) });

async function hello(options: TeacherLabClientOptions): Promise<Outcome<Hello>> {
  const reply = await send(options, '/hello', { method: 'GET' }, false);
  if (!reply.ok) return reply;
  // A static host (nginx, vite preview) answers 404, or its index page: no lab server, which is fine.
  if (reply.value.status === 404) return fail([issue('lab_not_here', [])]);
  if (!reply.value.ok) return fail(await refusal(reply.value));
  const body = await readJson(reply.value);
  if (typeof body !== 'object' || body === null || (body as { server?: unknown }).server !== 'psyscreen-lab') return fail([issue('lab_not_here', [])]);
  if ((body as { protocol?: unknown }).protocol !== ZHello.shape.protocol.value) return fail([issue('lab_protocol_unsupported', [], { protocol: String((body as { protocol?: unknown }).protocol) })]);
  const parsed = parseWith(ZHello, body);
  return parsed.ok ? parsed : fail([issue('lab_reply_invalid', []), ...parsed.issues]);
}

async function bytesReply(reply: Reply, limit: number): Promise<Outcome<Uint8Array<ArrayBuffer>>> {
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

export function createTeacherLabClient(options: TeacherLabClientOptions): TeacherLabClient {
  return {
    hello: () => hello(options),
    token: async () => {
      const got = await jsonReply(await send(options, '/teacher/token', { method: 'GET' }, false), ZTeacherToken);
      return got.ok ? succeed(got.value.token) : got;
    },
    putPlan: async (kioskPlanJson) => {
      const reply = await send(options, '/teacher/plan', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: kioskPlanJson }, true);
      const stored = await jsonReply(reply, ZPlanStored);
      return stored.ok ? succeed({ ref: stored.value.ref, digest: stored.value.digest }) : stored;
    },
    submissions: async () => {
      const list = await jsonReply(await send(options, '/teacher/submissions', { method: 'GET' }, true), ZSubmissionList);
      return list.ok ? succeed(list.value.submissions) : list;
    },
    submissionBytes: async (id) => bytesReply(await send(options, `/teacher/submissions/${encodeURIComponent(id)}`, { method: 'GET' }, true), LAB_LIMITS.submission),
    receipts: async (ids) => {
      const done = await jsonReply(await send(options, '/teacher/receipts', jsonBody({ ids }), true), ZOk);
      return done.ok ? succeed(true) : done;
    },
    clear: async (ids) => {
      const done = await jsonReply(await send(options, '/teacher/clear', jsonBody({ ids }), true), ZCleared);
      return done.ok ? succeed({ removed: done.value.removed, notImported: done.value.notImported }) : done;
    },
  };
}
