import { z } from 'zod';

/*
 * The lab protocol: what kiosks, the lab server and the teacher workspace say to each other over the
 * school LAN (README.md in this folder lists every endpoint). The server holds only ciphertext and
 * opaque lookups; names live in the teacher workspace, which maps lookups back to students.
 *
 * The server validates every request with these schemas. The kiosk's student path does not load zod
 * (test/e2e/kiosk-stored-plan.e2e.ts), so it checks the few replies it reads with kioskReplies.ts,
 * which test/lab/kioskReplies.test.ts holds to these schemas' verdicts.
 */

export const LAB_API = '/api/v1';
export const LAB_PROTOCOL_VERSION = 1;

/** Size limits, in bytes, of what a request may carry. Larger bodies get 413 before they are read. */
export const LAB_LIMITS = {
  draft: 64 * 1024,
  submission: 512 * 1024,
  alert: 64 * 1024,
  json: 64 * 1024,
  plan: 32 * 1024 * 1024,
} as const;

/** A sign-in lookup (sha-256 hex of what the student's code derives): opaque to the server. */
export const ZLookup = z.string().regex(/^[0-9a-f]{64}$/, { error: 'bad_lookup' });
/** A kiosk's machine id, `lab-` and 8 hex digits (kiosk/ui/runtime.ts). */
export const ZMachineId = z.string().regex(/^lab-[0-9a-f]{8}$/, { error: 'bad_machine' });
/** Submission and alert ids: UUIDs as the kiosk makes them. */
export const ZUploadId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { error: 'bad_id' });
/** `plan-id@1.2.3`, the plan a request belongs to. */
export const ZPlanRef = z.string().regex(/^[a-z0-9][a-z0-9-]*@\d+\.\d+\.\d+$/, { error: 'bad_plan_ref' });
const ZTimestamp = z.iso.datetime({ offset: true, error: 'bad_timestamp' });
const ZBase64 = z.string().max(LAB_LIMITS.draft * 2).regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, { error: 'bad_base64' });

/** A problem with a request, as data: a stable code the clients look up in their catalogues. */
export const LAB_ERROR_CODES = [
  'bad_request', 'too_large', 'rate_limited', 'disk_full', 'not_found', 'no_plan', 'wrong_plan',
  'not_envelope', 'wrong_key', 'id_conflict', 'already_finished', 'stale_draft', 'unauthorized', 'server_error',
] as const;
export type LabErrorCode = (typeof LAB_ERROR_CODES)[number];
export const ZLabIssue = z.strictObject({ code: z.string(), path: z.array(z.union([z.string(), z.number()])) });
export const ZLabError = z.strictObject({ ok: z.literal(false), issues: z.array(ZLabIssue).min(1) });
export type LabError = z.infer<typeof ZLabError>;

/** GET /hello: is there a lab server, and which plan does it serve. */
export const ZHello = z.strictObject({
  server: z.literal('psyscreen-lab'),
  protocol: z.literal(LAB_PROTOCOL_VERSION),
  /** The plan kiosks should run, with the sha-256 of its file so a kiosk sees a changed plan. */
  plan: z.strictObject({ ref: ZPlanRef, digest: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  /** Addresses students can open, e.g. `http://192.168.1.20:8080/kiosk.html`, best first. */
  kioskUrls: z.array(z.url()),
  time: ZTimestamp,
});
export type Hello = z.infer<typeof ZHello>;

/** PUT /drafts/:lookup — a student's answers so far, encrypted under their code (kiosk/codeVault.ts). */
export const ZDraftUpload = z.strictObject({
  plan: ZPlanRef,
  /** The roster entry's lookup (what marks the student finished, whichever way they signed in). */
  entry: ZLookup,
  machine: ZMachineId,
  savedAt: ZTimestamp,
  /** How many answers the draft holds: lets the monitor show progress without reading it. */
  answered: z.number().int().min(0).max(10_000),
  sealed: z.strictObject({ iv: ZBase64, data: ZBase64 }),
});
export type DraftUpload = z.infer<typeof ZDraftUpload>;

/** GET /students/:entry — may this student start, and is their draft on the server. */
export const ZStudentState = z.strictObject({
  finished: z.boolean(),
  /** The machine that last saved a draft for this student, and when. */
  lastDraft: z.strictObject({ machine: ZMachineId, savedAt: ZTimestamp }).nullable(),
});
export type StudentState = z.infer<typeof ZStudentState>;

/** PUT /submissions/:id?entry=&machine= carries the sealed PSYE bytes as application/octet-stream. */
export const ZSubmissionQuery = z.strictObject({ entry: ZLookup, machine: ZMachineId });
/** PUT /alerts/:id?machine= carries a sealed alert (PSYE, content LabAlert) as application/octet-stream. */
export const ZAlertQuery = z.strictObject({ machine: ZMachineId });

/** An upload's acknowledgement: on disk (fsync'd) before this is sent. */
export const ZStored = z.strictObject({ ok: z.literal(true), id: z.string(), duplicate: z.boolean() });
export type Stored = z.infer<typeof ZStored>;

/** GET /receipts?machine= — ids of this machine's submissions the teacher has imported. */
export const ZReceiptsQuery = z.strictObject({ machine: ZMachineId });
export const ZReceipts = z.strictObject({ imported: z.array(ZUploadId) });
export type Receipts = z.infer<typeof ZReceipts>;

/** What a sealed alert holds once the workspace opens it with the school key. Never stored readable. */
export const ZLabAlert = z.strictObject({
  format: z.literal('psyscreen-alert'),
  version: z.literal(1),
  id: ZUploadId,
  plan: ZPlanRef,
  machine: ZMachineId,
  at: ZTimestamp,
  /** The submission this alert belongs to, when it was stored. */
  submission: ZUploadId.optional(),
  student: z.strictObject({ studentId: z.string().min(1), name: z.string().min(1), className: z.string().min(1) }),
  /** Why: acute / urgent, and the flags that raised it (e.g. `asq-acute`). */
  level: z.enum(['acute', 'urgent']),
  reasons: z.array(z.string().min(1).max(200)).max(50),
});
export type LabAlert = z.infer<typeof ZLabAlert>;

// ---- teacher endpoints: Authorization: Bearer <token> (the server prints it; loopback may ask for it) ----

/** GET /teacher/token — only from loopback with a loopback Host header (no DNS rebinding). */
export const ZTeacherToken = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/) });

/** GET /teacher/submissions — every stored submission, newest last. Bytes via GET /teacher/submissions/:id. */
export const ZUploadListing = z.strictObject({
  id: ZUploadId,
  plan: ZPlanRef,
  machine: ZMachineId,
  entry: ZLookup.optional(),
  receivedAt: ZTimestamp,
  bytes: z.number().int().min(1),
  imported: z.boolean(),
});
export type UploadListing = z.infer<typeof ZUploadListing>;
export const ZSubmissionList = z.strictObject({ submissions: z.array(ZUploadListing) });

/** POST /teacher/receipts — the workspace imported these; kiosks may drop their copies. */
export const ZReceiptPost = z.strictObject({ ids: z.array(ZUploadId).min(1).max(10_000) });
/** POST /teacher/clear — delete the ciphertext of imported submissions from the server's disk. */
export const ZClearPost = z.strictObject({ ids: z.array(ZUploadId).min(1).max(10_000) });
export const ZCleared = z.strictObject({ ok: z.literal(true), removed: z.number().int().min(0), notImported: z.array(ZUploadId) });

/** GET /teacher/monitor — the plan running now: who is in progress where, who is done, which PCs are seen. */
export const ZMonitor = z.strictObject({
  plan: ZPlanRef.nullable(),
  time: ZTimestamp,
  students: z.array(z.strictObject({
    entry: ZLookup,
    state: z.enum(['in-progress', 'finished']),
    machine: ZMachineId,
    answered: z.number().int().min(0),
    at: ZTimestamp,
  })),
  machines: z.array(z.strictObject({ id: ZMachineId, lastSeen: ZTimestamp, address: z.string() })),
  alerts: z.array(z.strictObject({ id: ZUploadId, machine: ZMachineId, receivedAt: ZTimestamp, acknowledged: z.boolean() })),
  disk: z.strictObject({ full: z.boolean(), freeBytes: z.number().nullable() }),
});
export type Monitor = z.infer<typeof ZMonitor>;

/** POST /teacher/alerts/:id/ack — who acknowledged (the workspace also writes its audit log). */
export const ZAlertAck = z.strictObject({ by: z.string().trim().min(1).max(100) });
