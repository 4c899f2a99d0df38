import type { IncomingMessage, ServerResponse } from 'node:http';
import { LAB_API } from '../lab/protocol.ts';
import type { LabState, Reply, Route } from './context.ts';
import { setSecurityHeaders } from './headers.ts';
import { KIOSK_ROUTES } from './kioskRoutes.ts';
import type { RateLimiter } from './rateLimit.ts';
import { refuse, sendBytes, sendJson, sendRefusal, type Refusal } from './reply.ts';
import type { StaticFiles } from './static.ts';
import { TEACHER_ROUTES } from './teacherRoutes.ts';
import { hasToken } from './token.ts';
import { queryObject } from './validate.ts';

interface CompiledRoute {
  readonly route: Route;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const compile = (route: Route): CompiledRoute => {
  const names: string[] = [];
  const source = route.path.replace(/:(\w+)/g, (_match, name: string) => {
    names.push(name);
    return '([^/]*)';
  });
  return { route, names, pattern: new RegExp(`^${source}$`) };
};

const ROUTES = [...KIOSK_ROUTES, ...TEACHER_ROUTES].map(compile);

export interface RouterDeps {
  readonly state: LabState;
  readonly files: StaticFiles;
  readonly limiter: RateLimiter;
  /** Behind a reverse proxy on this PC, the client is the last X-Forwarded-For address. */
  readonly trustProxy: boolean;
}

/** The client address, without the IPv4-mapped prefix. */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const socket = (request.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
  const forwarded = request.headers['x-forwarded-for'];
  if (!trustProxy || (socket !== '127.0.0.1' && socket !== '::1') || typeof forwarded !== 'string') return socket;
  return forwarded.split(',').at(-1)?.trim().slice(0, 64) || socket;
}

function send(response: ServerResponse, reply: Reply): void {
  if (reply.kind === 'json') sendJson(response, reply.status, reply.value);
  else if (reply.kind === 'bytes') sendBytes(response, reply.bytes, reply.type, reply.headers);
  else sendRefusal(response, reply);
}

/** A refusal sent before the body was read closes the connection, so the rest is never read. */
function sendEarly(request: IncomingMessage, response: ServerResponse, refusal: Refusal): void {
  const unread = !request.complete;
  sendRefusal(response, unread ? { ...refusal, headers: { ...refusal.headers, Connection: 'close' } } : refusal);
}

async function handleApi(request: IncomingMessage, response: ServerResponse, path: string, search: URLSearchParams, address: string, deps: RouterDeps): Promise<void> {
  const matches = ROUTES.map((compiled) => ({ compiled, match: compiled.pattern.exec(path) })).filter(({ match }) => match !== null);
  if (matches.length === 0) return sendEarly(request, response, refuse(404, 'not_found', ['path']));
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const found = matches.find(({ compiled }) => compiled.route.method === method);
  if (!found?.match) {
    const allow = [...new Set(matches.map(({ compiled }) => compiled.route.method))].join(', ');
    return sendEarly(request, response, refuse(405, 'bad_request', ['method'], { Allow: allow }));
  }
  const { route, names } = found.compiled;
  if (route.teacher && !hasToken(request, deps.state.token)) return sendEarly(request, response, refuse(401, 'unauthorized', ['headers', 'authorization'], { 'WWW-Authenticate': 'Bearer' }));
  const query = queryObject(search);
  if (!query) return sendEarly(request, response, refuse(400, 'bad_request', ['query']));
  const params: Record<string, string> = {};
  for (const [index, name] of names.entries()) {
    try {
      params[name] = decodeURIComponent(found.match[index + 1] ?? '');
    } catch {
      return sendEarly(request, response, refuse(400, 'bad_request', ['params', name]));
    }
  }
  const reply = await route.handle({ request, params, query, address }, deps.state);
  if (reply.kind === 'refusal') sendEarly(request, response, reply);
  else send(response, reply);
}

/** Every request: security headers, the rate limit, then the API or a static file. */
export function createRequestHandler(deps: RouterDeps): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    setSecurityHeaders(response, request.headers.host);
    const address = clientAddress(request, deps.trustProxy);
    const wait = deps.limiter.take(address);
    if (wait > 0) return sendEarly(request, response, refuse(429, 'rate_limited', [], { 'Retry-After': String(wait) }));
    // The raw path, not a normalising URL parser: `..` and its encodings must be seen to be refused.
    const raw = request.url ?? '';
    const queryAt = raw.indexOf('?');
    const pathname = queryAt < 0 ? raw : raw.slice(0, queryAt);
    if (!pathname.startsWith('/')) return sendEarly(request, response, refuse(400, 'bad_request', ['path']));
    const search = new URLSearchParams(queryAt < 0 ? '' : raw.slice(queryAt + 1));
    const work = pathname === LAB_API || pathname.startsWith(`${LAB_API}/`)
      ? handleApi(request, response, pathname.slice(LAB_API.length), search, address, deps)
      : serveStatic(request, response, pathname, deps.files);
    work.catch((error: unknown) => {
      deps.state.log({ code: 'request_failed', params: { path: pathname.slice(0, 200), error: error instanceof Error ? error.message : String(error) } });
      if (!response.headersSent) sendEarly(request, response, refuse(500, 'server_error'));
      else response.destroy();
    });
  };
}

async function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string, files: StaticFiles): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendEarly(request, response, refuse(405, 'bad_request', ['method'], { Allow: 'GET, HEAD' }));
  const refusal = await files.serve(request, response, pathname);
  if (refusal) sendEarly(request, response, refusal);
}
