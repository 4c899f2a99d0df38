import type { IncomingMessage } from 'node:http';
import type { Interfaces } from './addresses.ts';
import type { ServerLog } from './events.ts';
import type { ServedPlan } from './plan.ts';
import type { Refusal } from './reply.ts';
import type { Storage } from './storage.ts';

/** What a route may answer: JSON, bytes, or a refusal. The router sends it with the headers. */
export type Reply =
  | { readonly kind: 'json'; readonly status: number; readonly value: unknown }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly type: string; readonly headers?: Readonly<Record<string, string>> }
  | ({ readonly kind: 'refusal' } & Refusal);

export const ok = (value: unknown, status = 200): Reply => ({ kind: 'json', status, value });
export const refused = (refusal: Refusal): Reply => ({ kind: 'refusal', ...refusal });

/** The server's state as the routes see it. */
export interface LabState {
  readonly storage: Storage;
  readonly token: string;
  readonly port: number;
  readonly host: string;
  readonly interfaces: Interfaces | undefined;
  readonly now: () => number;
  readonly log: ServerLog;
  plan(): ServedPlan | undefined;
  setPlan(plan: ServedPlan): void;
}

/** One request as a route sees it: path parameters and the query already split off. */
export interface RouteRequest {
  readonly request: IncomingMessage;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** The client's address (for the monitor's machine list and the rate limit). */
  readonly address: string;
}

export interface Route {
  readonly method: 'GET' | 'PUT' | 'POST';
  /** Path below /api/v1, with `:name` parameters, e.g. `/drafts/:lookup`. */
  readonly path: string;
  readonly teacher: boolean;
  readonly handle: (input: RouteRequest, state: LabState) => Promise<Reply>;
}
