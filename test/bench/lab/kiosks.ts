import { Agent, request } from 'node:http';
import type { KioskWork } from './fixtures.ts';

export interface UploadStats {
  /** Milliseconds of each acknowledged upload's successful attempt. */
  readonly latencies: number[];
  /** Milliseconds from an upload's first attempt to its acknowledgement, retries included. */
  readonly endToEnd: number[];
  connectionErrors: number;
  rateLimited: number;
  otherRefusals: number;
  readonly acknowledged: Map<string, { id: string; duplicate: boolean; bytes: Uint8Array }>;
}

interface Reply { status: number; body: string; retryAfter: number }

function put(agent: Agent, port: number, path: string, body: Uint8Array | string, type: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'PUT', path, agent, headers: { 'content-type': type, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, retryAfter: Number(res.headers['retry-after'] ?? 1) }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Uploads like a kiosk: retry on a dropped connection, a 429 (after Retry-After), a 5xx; stop at a deadline. */
async function upload(agent: Agent, port: number, path: string, body: Uint8Array | string, type: string, stats: UploadStats, deadline: number): Promise<Reply> {
  const first = performance.now();
  for (let attempt = 0; ; attempt++) {
    if (Date.now() > deadline) throw new Error(`deadline passed uploading ${path}`);
    const started = performance.now();
    try {
      const reply = await put(agent, port, path, body, type);
      if (reply.status === 429) {
        stats.rateLimited++;
        await sleep(reply.retryAfter * 1000);
        continue;
      }
      if (reply.status >= 500) {
        stats.otherRefusals++;
        await sleep(200);
        continue;
      }
      stats.latencies.push(performance.now() - started);
      stats.endToEnd.push(performance.now() - first);
      return reply;
    } catch {
      stats.connectionErrors++;
      await sleep(Math.min(1000, 50 * 2 ** Math.min(attempt, 5)));
    }
  }
}

/** Each kiosk saves its drafts one after another, then its submission, all kiosks at once. */
export async function runKiosks(work: readonly KioskWork[], port: () => number, deadline: number, onAck?: () => void): Promise<UploadStats> {
  const stats: UploadStats = { latencies: [], endToEnd: [], connectionErrors: 0, rateLimited: 0, otherRefusals: 0, acknowledged: new Map() };
  await Promise.all(work.map(async (kiosk) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (const draft of kiosk.drafts) {
        const reply = await upload(agent, port(), `/api/v1/drafts/${kiosk.lookup}`, draft, 'application/json', stats, deadline);
        // A retried draft the server had already stored comes back as a duplicate or as stale: both fine.
        if (reply.status !== 200 && !(reply.status === 409 && reply.body.includes('stale_draft'))) throw new Error(`draft refused: ${reply.status} ${reply.body}`);
        onAck?.();
      }
      const reply = await upload(agent, port(), `/api/v1/submissions/${kiosk.submissionId}?entry=${kiosk.lookup}&machine=${kiosk.machine}`, kiosk.sealed, 'application/octet-stream', stats, deadline);
      if (reply.status !== 200) throw new Error(`submission refused: ${reply.status} ${reply.body}`);
      const parsed = JSON.parse(reply.body) as { id: string; duplicate: boolean };
      stats.acknowledged.set(kiosk.submissionId, { ...parsed, bytes: kiosk.sealed });
      onAck?.();
    } finally {
      agent.destroy();
    }
  }));
  return stats;
}
