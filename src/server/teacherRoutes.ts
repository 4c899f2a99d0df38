import { z } from 'zod';
import { LAB_LIMITS, ZAlertAck, ZClearPost, ZReceiptPost, ZUploadId, type Monitor } from '../lab/protocol.ts';
import { readBody, readJsonBody } from './body.ts';
import { ok, refused, type LabState, type Reply, type Route, type RouteRequest } from './context.ts';
import { localDay, readServedPlan } from './plan.ts';
import { refuse } from './reply.ts';
import { isLoopbackRequest } from './token.ts';
import { check } from './validate.ts';

const ZNone = z.strictObject({});
const ZIdParams = z.strictObject({ id: ZUploadId });

function withParts<P>(params: z.ZodType<P>, run: (params: P, input: RouteRequest, state: LabState) => Promise<Reply>): Route['handle'] {
  return async (input, state) => {
    const checkedParams = check(params, input.params, 'params');
    if (!checkedParams.ok) return refused(checkedParams.refusal);
    const checkedQuery = check(ZNone, input.query, 'query');
    if (!checkedQuery.ok) return refused(checkedQuery.refusal);
    return run(checkedParams.value, input, state);
  };
}

const attachment = (bytes: Buffer | undefined, name: string, path: string[]): Reply => bytes
  ? { kind: 'bytes', bytes, type: 'application/octet-stream', headers: { 'Content-Disposition': `attachment; filename="${name}"` } }
  : refused(refuse(404, 'not_found', path));

/** Teacher endpoints: every one but /teacher/token needs the Bearer token (the router checks it). */
export const TEACHER_ROUTES: readonly Route[] = [
  {
    method: 'GET', path: '/teacher/token', teacher: false,
    handle: withParts(ZNone, (_params, input, state) => Promise.resolve(isLoopbackRequest(input.request, state.port)
      ? ok({ token: state.token })
      : refused(refuse(403, 'unauthorized', ['headers', 'host'])))),
  },
  {
    method: 'PUT', path: '/teacher/plan', teacher: true,
    handle: withParts(ZNone, async (_params, input, state) => {
      const body = await readBody(input.request, LAB_LIMITS.plan);
      if (!body.ok) return refused(body.refusal);
      const plan = readServedPlan(body.bytes, localDay(state.now()), 'teacher');
      if (!plan.ok) return refused({ status: 400, issues: [{ code: 'bad_request', path: ['body'] }, ...plan.issues.slice(0, 20).map((found) => ({ code: found.code, path: ['body', ...found.path] }))] });
      const failed = await state.storage.writePlan(body.bytes);
      if (failed) return refused(failed);
      state.setPlan(plan.value);
      state.log({ code: 'plan_changed', params: { ref: plan.value.ref } });
      return ok({ ok: true, ref: plan.value.ref, digest: plan.value.digest });
    }),
  },
  {
    method: 'GET', path: '/teacher/submissions', teacher: true,
    handle: withParts(ZNone, (_params, _input, state) => Promise.resolve(ok({ submissions: state.storage.listSubmissions() }))),
  },
  {
    method: 'GET', path: '/teacher/submissions/:id', teacher: true,
    handle: withParts(ZIdParams, async ({ id }, _input, state) => attachment(await state.storage.submissionBytes(id), `${id}.psysealed`, ['params', 'id'])),
  },
  {
    method: 'POST', path: '/teacher/receipts', teacher: true,
    handle: withParts(ZNone, async (_params, input, state) => {
      const body = await readJsonBody(input.request, LAB_LIMITS.json);
      if (!body.ok) return refused(body.refusal);
      const post = check(ZReceiptPost, body.value, 'body');
      if (!post.ok) return refused(post.refusal);
      const failed = await state.storage.markImported(post.value.ids);
      return failed ? refused(failed) : ok({ ok: true });
    }),
  },
  {
    method: 'POST', path: '/teacher/clear', teacher: true,
    handle: withParts(ZNone, async (_params, input, state) => {
      const body = await readJsonBody(input.request, LAB_LIMITS.json);
      if (!body.ok) return refused(body.refusal);
      const post = check(ZClearPost, body.value, 'body');
      if (!post.ok) return refused(post.refusal);
      const cleared = await state.storage.clear(post.value.ids);
      return cleared.ok ? ok(cleared) : refused(cleared.refusal);
    }),
  },
  {
    method: 'GET', path: '/teacher/alerts/:id', teacher: true,
    handle: withParts(ZIdParams, async ({ id }, _input, state) => attachment(await state.storage.alertBytes(id), `${id}.psysealed`, ['params', 'id'])),
  },
  {
    method: 'POST', path: '/teacher/alerts/:id/ack', teacher: true,
    handle: withParts(ZIdParams, async ({ id }, input, state) => {
      const body = await readJsonBody(input.request, LAB_LIMITS.json);
      if (!body.ok) return refused(body.refusal);
      const post = check(ZAlertAck, body.value, 'body');
      if (!post.ok) return refused(post.refusal);
      const failed = await state.storage.ackAlert(id, post.value.by);
      return failed ? refused(failed) : ok({ ok: true });
    }),
  },
  {
    method: 'GET', path: '/teacher/monitor', teacher: true,
    handle: withParts(ZNone, async (_params, _input, state) => {
      const plan = state.plan()?.ref ?? null;
      const monitor: Monitor = { plan, time: new Date(state.now()).toISOString(), ...state.storage.monitor(plan), disk: await state.storage.diskState() };
      return ok(monitor);
    }),
  },
];
