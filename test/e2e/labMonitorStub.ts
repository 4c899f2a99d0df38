import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { LAB_API, ZAlertAck, type Monitor } from '../../src/lab/protocol.ts';

/**
 * STUB of the lab server (the real one, src/server, runs in lab.e2e.ts): only the endpoints the monitor
 * and the alert banner use — GET /hello (the workspace looks for a server at start-up on localhost),
 * GET /teacher/token refused (as to another PC), GET /teacher/monitor, GET /teacher/alerts/:id, POST
 * /teacher/alerts/:id/ack — with the bearer check and the contract's schemas.
 */
export interface LabMonitorStub {
  readonly token: string;
  monitor: Monitor;
  readonly alerts: Map<string, Uint8Array>;
  readonly acks: { id: string; by: string }[];
  /** While true every request is answered by closing the connection, as a server that died would. */
  down: boolean;
  /** Every API path asked for, in order. */
  readonly seen: string[];
  readonly handle: (req: IncomingMessage, res: ServerResponse) => boolean;
}

const reply = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
};
const refuse = (res: ServerResponse, status: number, code: string): void => reply(res, status, { ok: false, issues: [{ code, path: [] }] });

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function labMonitorStub(token: string, monitor: Monitor): LabMonitorStub {
  const stub: LabMonitorStub = {
    token, monitor, alerts: new Map(), acks: [], down: false, seen: [],
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://stub');
      if (!url.pathname.startsWith(`${LAB_API}/`)) return false;
      stub.seen.push(url.pathname);
      if (stub.down) {
        req.socket.destroy();
        return true;
      }
      const path = url.pathname.slice(LAB_API.length);
      if (req.method === 'GET' && path === '/hello') {
        reply(res, 200, { server: 'psyscreen-lab', protocol: 1, plan: stub.monitor.plan === null ? null : { ref: stub.monitor.plan, digest: 'd'.repeat(64) }, kioskUrls: [], time: new Date().toISOString() });
        return true;
      }
      if (path === '/teacher/token') {
        refuse(res, 403, 'unauthorized');
        return true;
      }
      if (req.headers.authorization !== `Bearer ${stub.token}`) {
        refuse(res, 401, 'unauthorized');
        return true;
      }
      const alert = /^\/teacher\/alerts\/([0-9a-f-]{36})(\/ack)?$/.exec(path);
      if (req.method === 'GET' && path === '/teacher/monitor') reply(res, 200, { ...stub.monitor, time: new Date().toISOString() });
      else if (req.method === 'GET' && alert?.[1] && !alert[2]) {
        const bytes = stub.alerts.get(alert[1]);
        if (!bytes) refuse(res, 404, 'not_found');
        else {
          res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
          res.end(bytes);
        }
      } else if (req.method === 'POST' && alert?.[1] && alert[2]) {
        const id = alert[1];
        void bodyOf(req).then((text) => {
          const ack = ZAlertAck.safeParse(JSON.parse(text));
          if (!ack.success || !stub.alerts.has(id)) return refuse(res, ack.success ? 404 : 400, ack.success ? 'not_found' : 'bad_request');
          stub.acks.push({ id, by: ack.data.by });
          stub.monitor = { ...stub.monitor, alerts: stub.monitor.alerts.map((listed) => (listed.id === id ? { ...listed, acknowledged: true } : listed)) };
          return reply(res, 200, { ok: true });
        });
      } else refuse(res, 404, 'not_found');
      return true;
    },
  };
  return stub;
}

/** Mounts the stub on `vite preview`, so the built app and the stub share one origin as with the real server. */
export const stubPlugin = (stub: LabMonitorStub): Plugin => ({
  name: 'lab-monitor-stub',
  configurePreviewServer(server) {
    server.middlewares.use((req, res, next) => { if (!stub.handle(req, res)) next(); });
  },
});
