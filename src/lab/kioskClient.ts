import type { DraftUpload, Hello, LabErrorCode, Receipts, Stored, StudentState } from './protocol.ts';
import { KIOSK_LAB_API, asDraftUpload, asHello, asReceipts, asStored, asStudentState, labErrorCode } from './kioskReplies.ts';

/**
 * What a kiosk says to the lab server (src/lab/README.md). Only relative URLs under the API path, so a
 * kiosk talks to the server that served its page and nothing else. `fetch` is injected: tests pass a
 * fake, and a Node test against a real server passes `(url, init) => fetch(new URL(url, origin), init)`.
 *
 * - `unreachable`: no answer (server down, network gone, timed out): worth retrying.
 * - `not_lab`: something answered that is not a lab server (a static host serving dist/): no server mode.
 * - `bad_reply`: a lab server's reply that does not match the protocol.
 */
export type LabFailure = 'unreachable' | 'not_lab' | 'bad_reply' | LabErrorCode;
export type LabReply<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly status: number; readonly code: LabFailure; readonly retryAfterSeconds?: number };

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface KioskLabClient {
  hello(machine: string): Promise<LabReply<Hello>>;
  /** The plan file as text, to go through the kiosk's validated plan reader. */
  plan(): Promise<LabReply<string>>;
  putDraft(lookup: string, upload: DraftUpload): Promise<LabReply<Stored>>;
  /** null when the server has no draft for this lookup. */
  getDraft(lookup: string): Promise<LabReply<DraftUpload | null>>;
  student(entry: string): Promise<LabReply<StudentState>>;
  putSubmission(id: string, entry: string, machine: string, sealed: Uint8Array): Promise<LabReply<Stored>>;
  putAlert(id: string, machine: string, sealed: Uint8Array): Promise<LabReply<Stored>>;
  receipts(machine: string): Promise<LabReply<Receipts>>;
}

const TIMEOUT_MS = 15_000;

export function createKioskLabClient(fetchFn: FetchLike, base: string = KIOSK_LAB_API, timeoutMs = TIMEOUT_MS): KioskLabClient {
  if (!base.startsWith('/') || base.startsWith('//')) throw new Error('the lab API is reached by a path on this origin, never another host');
  const url = (path: string, query?: Record<string, string>) => `${base}${path}${query ? `?${new URLSearchParams(query).toString()}` : ''}`;

  async function send(path: string, init: RequestInit, query?: Record<string, string>, asText = false): Promise<{ response: Response; body: unknown } | { failure: LabReply<never> }> {
    let response: Response;
    try {
      response = await fetchFn(url(path, query), { ...init, cache: 'no-store', credentials: 'same-origin', redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      return { failure: { ok: false, status: 0, code: 'unreachable' } };
    }
    const type = response.headers.get('content-type') ?? '';
    let body: unknown;
    if (type.includes('application/json')) {
      try {
        body = asText && response.ok ? await response.text() : await response.json() as unknown;
      } catch {
        return { failure: { ok: false, status: response.status, code: 'bad_reply' } };
      }
    }
    return { response, body };
  }

  function refusal(response: Response, body: unknown): LabReply<never> {
    const code = labErrorCode(body);
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false, status: response.status,
      code: code ?? (response.status >= 500 ? 'server_error' : 'bad_reply'),
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  }

  async function json<T>(path: string, init: RequestInit, check: (value: unknown) => T | undefined, query?: Record<string, string>): Promise<LabReply<T>> {
    const sent = await send(path, init, query);
    if ('failure' in sent) return sent.failure;
    if (!sent.response.ok) return refusal(sent.response, sent.body);
    const value = check(sent.body);
    return value === undefined ? { ok: false, status: sent.response.status, code: 'bad_reply' } : { ok: true, value };
  }

  const octets = (sealed: Uint8Array): RequestInit => ({ method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(sealed) });
  const seg = encodeURIComponent;

  return {
    async hello(machine) {
      const sent = await send('/hello', { method: 'GET' }, { machine });
      if ('failure' in sent) return sent.failure;
      // A static host answers with its 404 page or index.html: that is "no lab server here", not an outage.
      const hello = sent.response.ok ? asHello(sent.body) : undefined;
      if (hello) return { ok: true, value: hello };
      return sent.response.status >= 500 && sent.body !== undefined ? refusal(sent.response, sent.body) : { ok: false, status: sent.response.status, code: 'not_lab' };
    },
    async plan() {
      const sent = await send('/plan', { method: 'GET' }, undefined, true);
      if ('failure' in sent) return sent.failure;
      if (!sent.response.ok) return refusal(sent.response, sent.body);
      return typeof sent.body === 'string' ? { ok: true, value: sent.body } : { ok: false, status: sent.response.status, code: 'bad_reply' };
    },
    putDraft: (lookup, upload) => json(`/drafts/${seg(lookup)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(upload) }, asStored),
    async getDraft(lookup) {
      const reply = await json(`/drafts/${seg(lookup)}`, { method: 'GET' }, asDraftUpload);
      return !reply.ok && reply.status === 404 ? { ok: true, value: null } : reply;
    },
    student: (entry) => json(`/students/${seg(entry)}`, { method: 'GET' }, asStudentState),
    putSubmission: (id, entry, machine, sealed) => json(`/submissions/${seg(id)}`, octets(sealed), asStored, { entry, machine }),
    putAlert: (id, machine, sealed) => json(`/alerts/${seg(id)}`, octets(sealed), asStored, { machine }),
    receipts: (machine) => json('/receipts', { method: 'GET' }, asReceipts, { machine }),
  };
}
