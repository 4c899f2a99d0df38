import type { FetchLike } from '../../src/lab/kioskClient.ts';
import type { Timers } from '../../src/kiosk/labLink.ts';
import { ZDraftUpload, type DraftUpload } from '../../src/lab/protocol.ts';

/**
 * An in-memory lab server speaking the kiosk half of src/lab/README.md, as a fetch function. Knobs make
 * it go down, fill its disk, or know a student as finished. Every request is logged.
 */
export class FakeLab {
  down = false;
  diskFull = false;
  staticHost = false;
  readonly finished = new Set<string>();
  readonly drafts = new Map<string, DraftUpload>();
  readonly submissions = new Map<string, { entry: string; bytes: Uint8Array }>();
  readonly alerts = new Map<string, Uint8Array>();
  readonly imported = new Set<string>();
  readonly log: string[] = [];
  plan: { ref: string; digest: string } | null = null;
  planText = '';

  readonly fetch: FetchLike = async (url, init) => {
    const method = init?.method ?? 'GET';
    this.log.push(`${method} ${url}`);
    if (this.down) throw new TypeError('Failed to fetch');
    if (this.staticHost) return new Response('<!doctype html><title>404</title>', { status: 404, headers: { 'content-type': 'text/html' } });
    const { pathname, searchParams } = new URL(url, 'http://lab.school.test');
    const path = pathname.replace(/^\/api\/v1/, '');
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const refuse = (status: number, code: string) => json({ ok: false, issues: [{ code, path: [] }] }, status);
    const body = async () => new Uint8Array(await new Response(init?.body ?? null).arrayBuffer());
    let match: RegExpMatchArray | null;
    if (path === '/hello') return json({ server: 'psyscreen-lab', protocol: 1, plan: this.plan, kioskUrls: ['http://lab.school.test:8080/kiosk.html'], time: new Date().toISOString() });
    if (path === '/plan') return this.plan ? new Response(this.planText, { headers: { 'content-type': 'application/json' } }) : refuse(404, 'no_plan');
    if ((match = path.match(/^\/students\/([0-9a-f]{64})$/))) {
      const entry = match[1] ?? '';
      const last = [...this.drafts.values()].filter((draft) => draft.entry === entry).at(-1);
      return json({ finished: this.finished.has(entry), lastDraft: last ? { machine: last.machine, savedAt: last.savedAt } : null });
    }
    if ((match = path.match(/^\/drafts\/([0-9a-f]{64})$/))) {
      const lookup = match[1] ?? '';
      if (method === 'GET') return this.drafts.has(lookup) ? json(this.drafts.get(lookup)) : refuse(404, 'not_found');
      if (this.diskFull) return refuse(507, 'disk_full');
      const parsed = ZDraftUpload.safeParse(JSON.parse(new TextDecoder().decode(await body())));
      if (!parsed.success) return refuse(400, 'bad_request');
      if (this.finished.has(parsed.data.entry)) return refuse(409, 'already_finished');
      this.drafts.set(lookup, parsed.data);
      return json({ ok: true, id: lookup, duplicate: false });
    }
    if ((match = path.match(/^\/submissions\/([0-9a-f-]{36})$/)) && method === 'PUT') {
      const id = match[1] ?? '';
      const entry = searchParams.get('entry') ?? '';
      if (this.diskFull) return refuse(507, 'disk_full');
      const bytes = await body();
      const known = this.submissions.get(id);
      if (known) return json({ ok: true, id, duplicate: true });
      if (this.finished.has(entry)) return refuse(409, 'already_finished');
      this.submissions.set(id, { entry, bytes });
      this.finished.add(entry);
      return json({ ok: true, id, duplicate: false });
    }
    if ((match = path.match(/^\/alerts\/([0-9a-f-]{36})$/)) && method === 'PUT') {
      if (this.diskFull) return refuse(507, 'disk_full');
      this.alerts.set(match[1] ?? '', await body());
      return json({ ok: true, id: match[1], duplicate: false });
    }
    if (path === '/receipts') return json({ imported: [...this.imported] });
    return refuse(404, 'not_found');
  };
}

/** Timers a test fires by hand; `delays` shows what the code asked to wait. */
export function manualTimers(): Timers & { delays: () => number[]; fire: () => void } {
  const queue = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  return {
    setTimeout: (run, ms) => { queue.set(++next, { run, ms }); return next; },
    clearTimeout: (handle) => { queue.delete(handle as number); },
    delays: () => [...queue.values()].map((timer) => timer.ms),
    fire: () => {
      const due = [...queue.values()];
      queue.clear();
      for (const timer of due) timer.run();
    },
  };
}
