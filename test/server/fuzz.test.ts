import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REF, api, bearer, draftOf, lookupOf, machineOf, raw, sealSubmission, snapshot, startTestServer, uuidOf, type Running } from './support.ts';

let server: Running;
let sealed: Uint8Array;
beforeAll(async () => {
  server = await startTestServer({ ratePerSecond: 1e6, burst: 1e6 });
  sealed = await sealSubmission();
});
afterAll(() => server.close());

const ENDPOINTS: [string, string][] = [
  ['GET', '/hello'], ['GET', '/plan'], ['PUT', '/drafts/{lookup}'], ['GET', '/drafts/{lookup}'], ['GET', '/students/{lookup}'],
  ['PUT', '/submissions/{id}'], ['PUT', '/alerts/{id}'], ['GET', '/receipts'], ['GET', '/teacher/token'], ['PUT', '/teacher/plan'],
  ['GET', '/teacher/submissions'], ['GET', '/teacher/submissions/{id}'], ['POST', '/teacher/receipts'], ['POST', '/teacher/clear'],
  ['GET', '/teacher/alerts/{id}'], ['POST', '/teacher/alerts/{id}/ack'], ['GET', '/teacher/monitor'],
];

const segment = fc.oneof(
  fc.integer({ min: 0, max: 5 }).map(lookupOf), fc.integer({ min: 0, max: 5 }).map(uuidOf),
  fc.constantFrom('..', '%2e%2e', '%00', '%zz', '', 'x'.repeat(300), '%2F', 'lab-0', '\\'), fc.string({ maxLength: 20 }).map(encodeURIComponent),
);
const queryValue = fc.oneof(fc.integer({ min: 0, max: 5 }).map(lookupOf), fc.integer({ min: 0, max: 5 }).map(machineOf), fc.string({ maxLength: 10 }));
const query = fc.dictionary(fc.constantFrom('entry', 'machine', 'x', 'entry'), queryValue, { maxKeys: 3 }).map((entries) => new URLSearchParams(entries).toString());
const jsonish = fc.oneof(
  fc.integer({ min: 0, max: 5 }).map((seed) => draftOf(seed)),
  fc.record({ ids: fc.array(fc.integer({ min: 0, max: 5 }).map(uuidOf), { maxLength: 3 }) }),
  fc.record({ by: fc.string({ maxLength: 120 }) }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant({ ...draftOf(1), plan: DEMO_REF, answered: -1 }),
);
const body = fc.oneof(
  fc.constant(undefined),
  jsonish.map((value) => JSON.stringify(value)),
  fc.uint8Array({ maxLength: 300 }),
  fc.integer({ min: 0, max: 400 }).map((cut) => sealed.slice(0, cut)),
  fc.nat({ max: 400 }).map((at) => { const copy = sealed.slice(); copy[at % copy.length] = (copy[at % copy.length] ?? 0) ^ 0xff; return copy; }),
  fc.constant('{"truncated":'),
);
const request = fc.record({
  endpoint: fc.constantFrom(...ENDPOINTS),
  method: fc.option(fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'OPTIONS'), { freq: 4 }),
  segment, query, body,
  token: fc.constantFrom('good', 'none', 'bad'),
  host: fc.constantFrom(undefined, 'evil.example', 'localhost'),
});

describe('fuzz: every endpoint with hostile input', () => {
  it('never answers 5xx or a stack trace, and a refused request leaves the data folder as it was', async () => {
    let refusals = 0;
    await fc.assert(fc.asyncProperty(request, async (input) => {
      const path = api(input.endpoint[1].replace(/\{\w+\}/g, input.segment)) + (input.query ? `?${input.query}` : '');
      const headers: Record<string, string> = {};
      if (input.token === 'good') Object.assign(headers, bearer(server));
      if (input.token === 'bad') headers.authorization = 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
      if (input.host) headers.host = input.host === 'localhost' ? `localhost:${server.port}` : input.host;
      const before = snapshot(server.data);
      const method = input.method ?? input.endpoint[0];
      const reply = await raw(server, method, path, { headers, ...(input.body === undefined ? {} : { body: input.body }) });
      expect(reply.status, path).toBeLessThan(500);
      expect(reply.text).not.toMatch(/\n\s+at |\.ts:\d+|Error:/);
      if (reply.status >= 400) {
        refusals += 1;
        expect(snapshot(server.data), `${reply.status} ${path}`).toEqual(before);
        if (method !== 'HEAD') expect(reply.json()).toMatchObject({ ok: false });
      }
    }), { seed: 20261204, numRuns: 400 });
    expect(refusals).toBeGreaterThan(200);
  }, 60_000);
});
