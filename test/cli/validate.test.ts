import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoInstrument, demoNorms, demoPlan, demoPolicy, mutate } from '../support/fixtures.ts';
import { cli, tempFiles } from './harness.ts';

describe('psyscreen validate', () => {
  const files = tempFiles({
    'instrument.json': demoInstrument(),
    'norms.json': demoNorms(),
    'policy.json': demoPolicy(),
    'plan.json': demoPlan(),
    'broken.json': mutate(demoInstrument(), (d) => { d.items[1].revers = true; d.scales[0].bands[1].gte = 6; }),
    'syntax.json': '{ "kind": "instrument", ',
  });

  it('detects each kind of file and exits 0 when all are valid', () => {
    const run = cli(['validate', files['instrument.json']!, files['norms.json']!, files['policy.json']!, files['plan.json']!]);
    expect(run.code).toBe(0);
    expect(run.out).toEqual([
      `${files['instrument.json']}: ok (instrument demo-mood@1.0.0)`,
      `${files['norms.json']}: ok (norms demo-norms@1.0.0)`,
      `${files['policy.json']}: ok (policy demo-policy@1.0.0)`,
      `${files['plan.json']}: ok (plan demo-plan@1.0.0)`,
    ]);
  });

  it('prints file: json-path: message per problem and exits 1', () => {
    const run = cli(['validate', files['instrument.json']!, files['broken.json']!]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${files['broken.json']}: items[1].revers: Unknown field "revers". Check the spelling or remove it.`);
    expect(run.err.some((line) => line.startsWith(`${files['broken.json']}: scales[0].bands[1].gte: Gap between bands`))).toBe(true);
  });

  it('speaks Chinese when asked', () => {
    const run = cli(['validate', files['broken.json']!], { locale: 'zh-CN' });
    expect(run.err).toContain(`${files['broken.json']}: items[1].revers: 未知字段“revers”。请检查拼写，或删除此字段。`);
  });

  it('reports a JSON syntax error and a missing file without crashing', () => {
    const run = cli(['validate', files['syntax.json']!, '/nonexistent/plan.json']);
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/syntax\.json: \(root\): The file is not valid JSON/);
    expect(run.err[1]).toBe('/nonexistent/plan.json: cannot read the file (ENOENT)');
  });
});

describe('hostile JSON on the command line', () => {
  const deep = (depth: number) => `{"kind":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  it.each([
    ['50,000 nested arrays', deep(50_000), /nests deeper than 64 levels/],
    ['an aggregate nested 50,000 deep', `{"format":${'['.repeat(50_000)}${']'.repeat(50_000)}}`, /nests deeper than 64 levels/],
    ['a __proto__ key', '{"kind":"instrument","__proto__":{"polluted":true}}', /__proto__.*refused/],
    ['an escaped __proto__ key', '{"kind":"instrument","\\u005f_proto__":{"polluted":true}}', /__proto__.*refused/],
  ])('refuses %s in one line with exit 1', (_, text, message) => {
    const paths = tempFiles({ 'hostile.json': text });
    const run = cli(['validate', paths['hostile.json'] ?? '']);
    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(message);
  });

  it('still reads nesting as deep as a real file (an instrument definition)', () => {
    const run = cli(['validate', 'instruments/asq/1.0.0.json']);
    expect(run.code).toBe(0);
  });
});

describe('psyscreen validate runs conformance vectors', () => {
  const phq9 = JSON.parse(readFileSync('instruments/phq9/1.0.0.json', 'utf8')) as Record<string, unknown>;
  const vectors = JSON.parse(readFileSync('instruments/phq9/1.0.0.vectors.json', 'utf8')) as { cases: { id: string; expect: { tier?: string } }[] };
  const wrongTier = structuredClone(vectors);
  wrongTier.cases.find((entry) => entry.id === 'edge-10')!.expect.tier = 'low';
  const files = tempFiles({
    'phq9.json': phq9,
    'vectors.json': vectors,
    'wrong.json': wrongTier,
    'orphan.json': { ...vectors, id: 'nothing-here' },
  });

  it('passes the shipped vectors file and the instrument it belongs to', () => {
    const run = cli(['validate', files['vectors.json']!]);
    expect(run.out).toEqual([`${files['vectors.json']}: ok (vectors phq9@1.0.0, ${vectors.cases.length} cases)`]);
    const instrument = cli(['validate', files['phq9.json']!]);
    expect(instrument.out).toEqual([`${files['phq9.json']}: ok (instrument phq9@1.0.0, ${vectors.cases.length} vectors)`]);
  });

  it('fails a vectors file that disagrees with the scoring, naming instrument, case and values', () => {
    const run = cli(['validate', files['phq9.json']!, files['wrong.json']!]);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([`${files['phq9.json']}: ok (instrument phq9@1.0.0)`]);
    expect(run.err.some((line) => line.startsWith(`${files['wrong.json']}: cases[`) && line.includes('PHQ-9 (phq9@1.0.0) failed a conformance test: in case "edge-10", tier should be "low"'))).toBe(true);
  });

  it('fails vectors whose instrument is neither given nor shipped', () => {
    const run = cli(['validate', files['orphan.json']!]);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([`${files['orphan.json']}: id: "nothing-here@1.0.0" was not found: the instrument these conformance vectors test is neither among the files given nor in the shipped library. Give its file too.`]);
  });
});
