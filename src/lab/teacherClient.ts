import { z } from 'zod';
import { fail, issue, parseWith, succeed, type Outcome } from '../../scoring/index.ts';
import {
  LAB_LIMITS, ZCleared, ZHello, ZMonitor, ZPlanRef, ZSubmissionList, ZTeacherToken, type Hello, type Monitor, type UploadListing,
} from './protocol.ts';
import { bytesReply, jsonBody, jsonOf, jsonReply, refusal, send, type LabAddress } from './teacherReplies.ts';

/*
 * The teacher workspace's side of the lab protocol (README.md in this folder): the Lab page, the pull,
 * the live monitor and the alert banner all call the server through this one client. Every reply is
 * checked against the protocol's schemas; every problem comes back as issues (teacherReplies.ts).
 */

export type { LabFetch } from './teacherReplies.ts';

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
  monitor(): Promise<Outcome<Monitor>>;
  /** The sealed alert (PSYE bytes): only the school key opens it. */
  alertBytes(id: string): Promise<Outcome<Uint8Array<ArrayBuffer>>>;
  acknowledge(id: string, by: string): Promise<Outcome<true>>;
}

export type TeacherLabClientOptions = LabAddress;

/** The replies README.md gives as `{ ok, ref, digest }` and `{ ok }` (protocol.ts names no schema for them). */
const ZPlanStored = z.strictObject({ ok: z.literal(true), ref: ZPlanRef, digest: z.string().regex(/^[0-9a-f]{64}$/) });
const ZOk = z.strictObject({ ok: z.literal(true) });

async function hello(address: LabAddress): Promise<Outcome<Hello>> {
  const reply = await send(address, '/hello', { method: 'GET' }, false);
  if (!reply.ok) return reply;
  // A static host (nginx, vite preview) answers 404, or its index page: no lab server, which is fine.
  if (reply.value.status === 404) return fail([issue('lab_not_here', [])]);
  if (!reply.value.ok) return fail(await refusal(reply.value));
  const body = jsonOf(await reply.value.text().catch(() => ''));
  if (typeof body !== 'object' || body === null || (body as { server?: unknown }).server !== 'psyscreen-lab') return fail([issue('lab_not_here', [])]);
  if ((body as { protocol?: unknown }).protocol !== ZHello.shape.protocol.value) return fail([issue('lab_protocol_unsupported', [], { protocol: String((body as { protocol?: unknown }).protocol) })]);
  const parsed = parseWith(ZHello, body);
  return parsed.ok ? parsed : fail([issue('lab_reply_invalid', []), ...parsed.issues]);
}

const okReply = (done: Outcome<unknown>): Outcome<true> => (done.ok ? succeed(true) : done);

export function createTeacherLabClient(address: LabAddress): TeacherLabClient {
  const get = (path: string, withToken = true) => send(address, path, { method: 'GET' }, withToken);
  const item = (path: string, id: string) => `${path}/${encodeURIComponent(id)}`;
  return {
    hello: () => hello(address),
    token: async () => {
      const got = await jsonReply(await get('/teacher/token', false), ZTeacherToken);
      return got.ok ? succeed(got.value.token) : got;
    },
    putPlan: async (kioskPlanJson) => {
      const reply = await send(address, '/teacher/plan', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: kioskPlanJson }, true);
      const stored = await jsonReply(reply, ZPlanStored);
      return stored.ok ? succeed({ ref: stored.value.ref, digest: stored.value.digest }) : stored;
    },
    submissions: async () => {
      const list = await jsonReply(await get('/teacher/submissions'), ZSubmissionList);
      return list.ok ? succeed(list.value.submissions) : list;
    },
    submissionBytes: async (id) => bytesReply(await get(item('/teacher/submissions', id)), LAB_LIMITS.submission),
    receipts: async (ids) => okReply(await jsonReply(await send(address, '/teacher/receipts', jsonBody({ ids }), true), ZOk)),
    clear: async (ids) => {
      const done = await jsonReply(await send(address, '/teacher/clear', jsonBody({ ids }), true), ZCleared);
      return done.ok ? succeed({ removed: done.value.removed, notImported: done.value.notImported }) : done;
    },
    monitor: async () => jsonReply(await get('/teacher/monitor'), ZMonitor),
    alertBytes: async (id) => bytesReply(await get(item('/teacher/alerts', id)), LAB_LIMITS.alert),
    acknowledge: async (id, by) => okReply(await jsonReply(await send(address, `${item('/teacher/alerts', id)}/ack`, jsonBody({ by }), true), ZOk)),
  };
}
