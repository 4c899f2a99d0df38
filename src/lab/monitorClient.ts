import type { z } from 'zod';
import { fail, issue, succeed, type Issue, type Outcome } from '../../scoring/index.ts';
import { LAB_API, LAB_LIMITS, ZLabError, ZMonitor, ZTeacherToken, type Monitor } from './protocol.ts';

/*
 * The workspace's calls to the lab server for the live monitor and the alert banner: GET /teacher/monitor,
 * GET /teacher/alerts/:id, POST /teacher/alerts/:id/ack, and the token. Every reply is validated; every
 * failure is an issue (lab_* codes, messages.ts), never a throw. fetch comes in so tests fake it.
 */

export type LabFetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface MonitorClient {
  monitor(): Promise<Outcome<Monitor>>;
  /** The sealed alert (PSYE bytes): only the school key opens it. */
  alertBytes(id: string): Promise<Outcome<Uint8Array<ArrayBuffer>>>;
  acknowledge(id: string, by: string): Promise<Outcome<void>>;
}

const unreachable = (): Issue => issue('lab_unreachable', []);

/** A refused request as an issue the teacher can act on; the server's own code is kept as a param. */
async function refusal(response: Response): Promise<Issue> {
  let code = '';
  try {
    const parsed = ZLabError.safeParse(await response.json());
    code = parsed.success ? (parsed.data.issues[0]?.code ?? '') : '';
  } catch {
    // not JSON: the status decides
  }
  if (response.status === 401 || code === 'unauthorized') return issue('lab_unauthorized', []);
  if (response.status === 404 || code === 'not_found') return issue('lab_not_found', []);
  if (response.status === 429 || code === 'rate_limited') return issue('lab_rate_limited', [], { seconds: Number(response.headers.get('Retry-After') ?? '') || 5 });
  return issue('lab_server_error', [], { status: response.status, ...(code ? { code } : {}) });
}

async function call(fetcher: LabFetch, url: string, init: RequestInit): Promise<Outcome<Response>> {
  let response: Response;
  try {
    response = await fetcher(url, { ...init, cache: 'no-store', credentials: 'omit', redirect: 'error' });
  } catch {
    return fail([unreachable()]);
  }
  return response.ok ? succeed(response) : fail([await refusal(response)]);
}

async function jsonReply<T>(response: Response, schema: z.ZodType<T>): Promise<Outcome<T>> {
  const text = await response.text().catch(() => undefined);
  if (text === undefined) return fail([unreachable()]);
  if (text.length > LAB_LIMITS.plan) return fail([issue('lab_bad_reply', [])]);
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? succeed(parsed.data) : fail([issue('lab_bad_reply', [])]);
  } catch {
    return fail([issue('lab_bad_reply', [])]);
  }
}

/** `base` is the server's origin, e.g. `http://192.168.1.20:8080` (the workspace is served by it: location.origin). */
export function createMonitorClient(fetcher: LabFetch, base: string, token: string): MonitorClient {
  const api = `${base}${LAB_API}`;
  const authorization = { Authorization: `Bearer ${token}` };
  return {
    async monitor() {
      const response = await call(fetcher, `${api}/teacher/monitor`, { headers: authorization });
      return response.ok ? jsonReply(response.value, ZMonitor) : response;
    },
    async alertBytes(id) {
      const response = await call(fetcher, `${api}/teacher/alerts/${encodeURIComponent(id)}`, { headers: authorization });
      if (!response.ok) return response;
      const bytes = await response.value.arrayBuffer().then((buffer) => new Uint8Array(buffer), () => undefined);
      if (!bytes) return fail([unreachable()]);
      return bytes.length > 0 && bytes.length <= LAB_LIMITS.alert ? succeed(bytes) : fail([issue('lab_bad_reply', [])]);
    },
    async acknowledge(id, by) {
      const response = await call(fetcher, `${api}/teacher/alerts/${encodeURIComponent(id)}/ack`, {
        method: 'POST', headers: { ...authorization, 'Content-Type': 'application/json' }, body: JSON.stringify({ by }),
      });
      return response.ok ? succeed(undefined) : response;
    },
  };
}

/** GET /teacher/token: the server answers only its own PC (loopback), so elsewhere this fails and the hash must carry it. */
export async function fetchTeacherToken(fetcher: LabFetch, base: string): Promise<Outcome<string>> {
  const response = await call(fetcher, `${base}${LAB_API}/teacher/token`, {});
  if (!response.ok) return response;
  const reply = await jsonReply(response.value, ZTeacherToken);
  return reply.ok ? succeed(reply.value.token) : reply;
}

const TOKEN_IN_HASH = /(?:^#|&)lab-token=([A-Za-z0-9_-]{32,128})(?:&|$)/;
export const LAB_TOKEN_KEY = 'psyscreen-lab-token';

/** The token the teacher address carries (`#lab-token=…`), else the one kept for this tab; stores a new one. */
export function labTokenOf(hash: string, storage: Pick<Storage, 'getItem' | 'setItem'>): string | undefined {
  const fromHash = TOKEN_IN_HASH.exec(hash)?.[1];
  if (fromHash) {
    storage.setItem(LAB_TOKEN_KEY, fromHash);
    return fromHash;
  }
  const kept = storage.getItem(LAB_TOKEN_KEY);
  return kept !== null && ZTeacherToken.shape.token.safeParse(kept).success ? kept : undefined;
}

/** True when the hash carries the token: the page then replaces it so the address bar does not show it. */
export const hashCarriesToken = (hash: string): boolean => TOKEN_IN_HASH.test(hash);
