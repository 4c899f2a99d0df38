import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { DraftUpload, Monitor, UploadListing } from '../lab/protocol.ts';
import type { DiskIo } from './durable.ts';
import type { ServerLog } from './events.ts';
import { createKeyedLock } from './keyedLock.ts';
import { ZAlertMeta, ZDraftRecord, ZReceiptsFile, ZSubmissionMeta, type AlertMeta, type DraftRecord, type SubmissionMeta } from './records.ts';
import { refuse, type Refusal } from './reply.ts';

/*
 * The data folder (README: "The data folder"). An upload is acknowledged only once it is on disk:
 * its bytes first, then its small .json record, each written durably (durable.ts). A record without
 * bytes is a cleared submission; bytes without a record were never acknowledged, and the kiosk that
 * sent them sends them again. Everything the server knows is rebuilt from these files when it starts.
 */

export type Stored = { ok: true; duplicate: boolean } | { ok: false; refusal: Refusal };

export interface StorageOptions {
  readonly folder: string;
  readonly disk: DiskIo;
  readonly now: () => number;
  readonly log: ServerLog;
  /** Below this many free bytes the server accepts no uploads (507 disk_full) rather than fail halfway. */
  readonly minFreeBytes: number;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 1)}\n`);
const isTemporary = (name: string): boolean => name.startsWith('.') && name.endsWith('.tmp');

export type Storage = Awaited<ReturnType<typeof openStorage>>;

export async function openStorage(options: StorageOptions) {
  const { folder, disk, now, log } = options;
  const dirs = { submissions: join(folder, 'submissions'), drafts: join(folder, 'drafts'), alerts: join(folder, 'alerts') };
  for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true, mode: 0o700 });
  const receiptsPath = join(folder, 'receipts.json');
  const planPath = join(folder, 'plan.json');

  const submissions = new Map<string, SubmissionMeta & { cleared: boolean }>();
  const finished = new Map<string, string>();
  const drafts = new Map<string, DraftRecord>();
  const alerts = new Map<string, AlertMeta>();
  const imported = new Set<string>();
  const machines = new Map<string, { lastSeen: number; address: string }>();
  const lock = createKeyedLock();
  let diskFull = false;
  let lastFree: number | null = null;

  const seen = (machine: string, address: string, at: number): void => {
    const known = machines.get(machine);
    if (!known || known.lastSeen <= at) machines.set(machine, { lastSeen: at, address });
  };

  async function readRecords<T>(dir: string, schema: z.ZodType<T>, suffix: string): Promise<{ name: string; value: T }[]> {
    const found: { name: string; value: T }[] = [];
    for (const name of await readdir(dir)) {
      if (isTemporary(name)) {
        await rm(join(dir, name), { force: true });
        continue;
      }
      if (!name.endsWith(suffix)) continue;
      const text = await readFile(join(dir, name), 'utf8').catch(() => undefined);
      let parsed: unknown;
      try {
        parsed = text === undefined ? undefined : JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const checked = schema.safeParse(parsed);
      if (checked.success) found.push({ name: name.slice(0, -suffix.length), value: checked.data });
      else log({ code: 'file_unreadable', params: { file: join(dir, name) } });
    }
    return found;
  }

  // ---- rebuild from the folder ----
  const submissionFiles = new Set(await readdir(dirs.submissions));
  for (const { name, value } of await readRecords(dirs.submissions, ZSubmissionMeta, '.json')) {
    if (name !== value.id) continue;
    submissions.set(value.id, { ...value, cleared: !submissionFiles.has(`${value.id}.psysealed`) });
    finished.set(value.entry, value.id);
    seen(value.machine, value.address, Date.parse(value.receivedAt));
  }
  for (const name of submissionFiles) {
    const id = name.replace(/\.psysealed$/, '');
    if (name.endsWith('.psysealed') && !submissions.has(id)) log({ code: 'upload_incomplete', params: { file: join(dirs.submissions, name) } });
  }
  for (const { name, value } of await readRecords(dirs.drafts, ZDraftRecord, '.json')) {
    drafts.set(name, value);
    seen(value.draft.machine, value.address, Date.parse(value.receivedAt));
  }
  for (const { name, value } of await readRecords(dirs.alerts, ZAlertMeta, '.json')) {
    if (name !== value.id) continue;
    alerts.set(value.id, value);
    seen(value.machine, value.address, Date.parse(value.receivedAt));
  }
  const receiptsText = await readFile(receiptsPath, 'utf8').catch(() => undefined);
  if (receiptsText !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(receiptsText);
    } catch {
      parsed = undefined;
    }
    const checked = ZReceiptsFile.safeParse(parsed);
    if (checked.success) for (const id of checked.data.imported) imported.add(id);
    else log({ code: 'file_unreadable', params: { file: receiptsPath } });
  }

  /** Writes one file durably, or says why not: a full disk is 507 and one line in the terminal. */
  async function write(path: string, bytes: Uint8Array): Promise<Refusal | undefined> {
    const free = await disk.freeBytes(folder);
    lastFree = free;
    const outcome = free !== null && free < options.minFreeBytes + bytes.length
      ? { ok: false as const, reason: 'disk_full' as const, errno: 'ENOSPC' }
      : await disk.writeDurable(path, bytes);
    if (outcome.ok) {
      if (diskFull) log({ code: 'disk_ok', params: { folder } });
      diskFull = false;
      return undefined;
    }
    if (outcome.reason === 'disk_full') {
      if (!diskFull) log({ code: 'disk_full', params: { folder, free: free ?? -1 } });
      diskFull = true;
      return refuse(507, 'disk_full');
    }
    log({ code: 'write_failed', params: { file: path, errno: outcome.errno } });
    return refuse(500, 'server_error');
  }

  /** Bytes then record: the record is the acknowledgement. */
  async function writeUpload(dir: string, id: string, bytes: Uint8Array, record: unknown): Promise<Refusal | undefined> {
    const bytesPath = join(dir, `${id}.psysealed`);
    const failed = (await write(bytesPath, bytes)) ?? (await write(join(dir, `${id}.json`), json(record)));
    if (failed) await rm(bytesPath, { force: true }).catch(() => undefined);
    return failed;
  }

  const iso = (): string => new Date(now()).toISOString();

  function newestDraft(entry: string): DraftUpload | undefined {
    let newest: DraftUpload | undefined;
    for (const { draft } of drafts.values()) {
      if (draft.entry === entry && (!newest || Date.parse(draft.savedAt) > Date.parse(newest.savedAt))) newest = draft;
    }
    return newest;
  }

  /** A finished student's drafts are of no more use; only their code would open them, but why keep them. */
  async function dropDrafts(entry: string): Promise<void> {
    for (const [lookup, { draft }] of drafts) {
      if (draft.entry !== entry) continue;
      const path = join(dirs.drafts, `${lookup}.json`);
      try {
        await rm(path, { force: true });
        drafts.delete(lookup);
      } catch (error) {
        log({ code: 'write_failed', params: { file: path, errno: String((error as NodeJS.ErrnoException).code ?? 'EIO') } });
      }
    }
  }

  return {
    planPath,
    seen: (machine: string, address: string) => seen(machine, address, now()),

    putSubmission(input: { id: string; entry: string; machine: string; plan: string; bytes: Uint8Array; address: string }): Promise<Stored> {
      return lock([`submission:${input.id}`, `entry:${input.entry}`], async () => {
        const digest = sha256(input.bytes);
        const existing = submissions.get(input.id);
        if (existing) return existing.sha256 === digest ? { ok: true, duplicate: true } : { ok: false, refusal: refuse(409, 'id_conflict', ['params', 'id']) };
        if (finished.has(input.entry)) return { ok: false, refusal: refuse(409, 'already_finished', ['query', 'entry']) };
        const answered = newestDraft(input.entry)?.answered;
        const meta: SubmissionMeta = { id: input.id, plan: input.plan, machine: input.machine, entry: input.entry, receivedAt: iso(), bytes: input.bytes.length, sha256: digest, address: input.address, ...(answered === undefined ? {} : { answered }) };
        const failed = await writeUpload(dirs.submissions, input.id, input.bytes, meta);
        if (failed) return { ok: false, refusal: failed };
        submissions.set(input.id, { ...meta, cleared: false });
        finished.set(input.entry, input.id);
        await dropDrafts(input.entry);
        return { ok: true, duplicate: false };
      });
    },

    putDraft(lookup: string, draft: DraftUpload, address: string): Promise<Stored> {
      return lock([`draft:${lookup}`, `entry:${draft.entry}`], async () => {
        if (finished.has(draft.entry)) return { ok: false, refusal: refuse(409, 'already_finished', ['body', 'entry']) };
        const existing = drafts.get(lookup);
        if (existing) {
          const [stored, offered] = [Date.parse(existing.draft.savedAt), Date.parse(draft.savedAt)];
          if (offered === stored && JSON.stringify(existing.draft) === JSON.stringify(draft)) return { ok: true, duplicate: true };
          if (offered <= stored) return { ok: false, refusal: refuse(409, 'stale_draft', ['body', 'savedAt']) };
        }
        const record: DraftRecord = { draft, receivedAt: iso(), address };
        const failed = await write(join(dirs.drafts, `${lookup}.json`), json(record));
        if (failed) return { ok: false, refusal: failed };
        drafts.set(lookup, record);
        return { ok: true, duplicate: false };
      });
    },

    draft: (lookup: string): DraftUpload | undefined => drafts.get(lookup)?.draft,

    studentState(entry: string): { finished: boolean; lastDraft: { machine: string; savedAt: string } | null } {
      const newest = newestDraft(entry);
      return { finished: finished.has(entry), lastDraft: newest ? { machine: newest.machine, savedAt: newest.savedAt } : null };
    },

    putAlert(input: { id: string; machine: string; bytes: Uint8Array; address: string }): Promise<Stored> {
      return lock([`alert:${input.id}`], async () => {
        const digest = sha256(input.bytes);
        const existing = alerts.get(input.id);
        if (existing) return existing.sha256 === digest ? { ok: true, duplicate: true } : { ok: false, refusal: refuse(409, 'id_conflict', ['params', 'id']) };
        const meta: AlertMeta = { id: input.id, machine: input.machine, receivedAt: iso(), bytes: input.bytes.length, sha256: digest, address: input.address };
        const failed = await writeUpload(dirs.alerts, input.id, input.bytes, meta);
        if (failed) return { ok: false, refusal: failed };
        alerts.set(input.id, meta);
        return { ok: true, duplicate: false };
      });
    },

    receiptsFor: (machine: string): string[] => [...submissions.values()].filter((meta) => meta.machine === machine && imported.has(meta.id)).map((meta) => meta.id),

    listSubmissions: (): UploadListing[] => [...submissions.values()]
      .filter((meta) => !meta.cleared)
      .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.id.localeCompare(b.id))
      .map(({ id, plan, machine, entry, receivedAt, bytes }) => ({ id, plan, machine, entry, receivedAt, bytes, imported: imported.has(id) })),

    async submissionBytes(id: string): Promise<Buffer | undefined> {
      const meta = submissions.get(id);
      if (!meta || meta.cleared) return undefined;
      return readFile(join(dirs.submissions, `${id}.psysealed`)).catch(() => undefined);
    },

    async alertBytes(id: string): Promise<Buffer | undefined> {
      if (!alerts.has(id)) return undefined;
      return readFile(join(dirs.alerts, `${id}.psysealed`)).catch(() => undefined);
    },

    markImported(ids: readonly string[]): Promise<Refusal | undefined> {
      return lock(['receipts'], async () => {
        const known = ids.filter((id) => submissions.has(id) && !imported.has(id));
        if (known.length === 0) return undefined;
        const failed = await write(receiptsPath, json({ imported: [...imported, ...known] }));
        if (!failed) for (const id of known) imported.add(id);
        return failed;
      });
    },

    /** Deletes the ciphertext of imported submissions; their records stay, so a student cannot finish twice. */
    clear(ids: readonly string[]): Promise<{ ok: true; removed: number; notImported: string[] } | { ok: false; refusal: Refusal }> {
      return lock(['receipts'], async () => {
        const notImported = ids.filter((id) => !imported.has(id));
        let removed = 0;
        for (const id of new Set(ids)) {
          const meta = submissions.get(id);
          if (!meta || meta.cleared || !imported.has(id)) continue;
          try {
            await rm(join(dirs.submissions, `${id}.psysealed`));
          } catch (error) {
            log({ code: 'write_failed', params: { file: join(dirs.submissions, `${id}.psysealed`), errno: String((error as NodeJS.ErrnoException).code ?? 'EIO') } });
            return { ok: false, refusal: refuse(500, 'server_error') };
          }
          meta.cleared = true;
          removed += 1;
        }
        return { ok: true, removed, notImported };
      });
    },

    ackAlert(id: string, by: string): Promise<Refusal | undefined> {
      return lock([`alert:${id}`], async () => {
        const meta = alerts.get(id);
        if (!meta) return refuse(404, 'not_found', ['params', 'id']);
        if (meta.acknowledged) return undefined;
        const updated: AlertMeta = { ...meta, acknowledged: { by, at: iso() } };
        const failed = await write(join(dirs.alerts, `${id}.json`), json(updated));
        if (!failed) alerts.set(id, updated);
        return failed;
      });
    },

    writePlan: (bytes: Uint8Array): Promise<Refusal | undefined> => lock(['plan'], () => write(planPath, bytes)),

    async diskState(): Promise<Monitor['disk']> {
      const free = await disk.freeBytes(folder);
      lastFree = free;
      return { full: diskFull || (free !== null && free < options.minFreeBytes), freeBytes: free };
    },
    lastFreeBytes: () => lastFree,

    monitor(plan: string | null): Omit<Monitor, 'plan' | 'time' | 'disk'> {
      const students = new Map<string, Monitor['students'][number]>();
      for (const { draft } of drafts.values()) {
        if (draft.plan !== plan || finished.has(draft.entry)) continue;
        const known = students.get(draft.entry);
        if (!known || Date.parse(known.at) < Date.parse(draft.savedAt)) students.set(draft.entry, { entry: draft.entry, state: 'in-progress', machine: draft.machine, answered: draft.answered, at: draft.savedAt });
      }
      for (const meta of submissions.values()) {
        if (meta.plan !== plan) continue;
        students.set(meta.entry, { entry: meta.entry, state: 'finished', machine: meta.machine, answered: meta.answered ?? 0, at: meta.receivedAt });
      }
      return {
        students: [...students.values()].sort((a, b) => a.entry.localeCompare(b.entry)),
        machines: [...machines].map(([id, { lastSeen, address }]) => ({ id, lastSeen: new Date(lastSeen).toISOString(), address })).sort((a, b) => a.id.localeCompare(b.id)),
        alerts: [...alerts.values()].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.id.localeCompare(b.id)).map(({ id, machine, receivedAt, acknowledged }) => ({ id, machine, receivedAt, acknowledged: acknowledged !== undefined })),
      };
    },
  };
}
