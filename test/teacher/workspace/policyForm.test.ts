import { describe, expect, it } from 'vitest';
import { describeIssueWithPath } from '../../../src/issueMessages.ts';
import { formOfPolicy, newRuleRow, nextVersion, policyOfForm, unknownTargets, type PolicyForm } from '../../../src/teacher/workspace/policyForm.ts';
import { defaultPolicy, shippedCatalog } from '../../support/library.ts';

const start = (): PolicyForm => formOfPolicy(defaultPolicy(), { id: 'qingsong-policy', version: '1.0.0' });

describe('the tier policy form', () => {
  it('gives back the policy it started from, under the new id and version', () => {
    const outcome = policyOfForm(start());
    expect(outcome).toEqual({ ok: true, value: { ...defaultPolicy(), id: 'qingsong-policy', version: '1.0.0' } });
  });

  it('adds a rule with an id made from its instrument, scale and tier, and removes rules', () => {
    const form = start();
    const added = { ...newRuleRow(shippedCatalog(), 'who5', 'new-1'), measure: 'raw' as const, lt: '10', tier: 'high' as const };
    const edited = { ...form, rules: [...form.rules.filter((row) => row.instrument !== 'who5'), added] };
    const outcome = policyOfForm(edited);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.value.rules.at(-1)).toEqual({ id: 'who5-raw-high', tier: 'high', instrument: 'who5', scale: 'raw', measure: 'raw', lt: 10 });
    expect(outcome.value.rules).toHaveLength(defaultPolicy().rules.length);
  });

  it('names the field of every mistake: a word for a number, overlapping tiers, an empty range, bad validity settings', () => {
    const form = start();
    const rules = form.rules.map((row) => row.id === 'phq9-high' ? { ...row, gte: '十二' } : row.id === 'gad7-medium' ? { ...row, lt: '16' } : row);
    expect(policyOfForm({ ...form, rules })).toMatchObject({ ok: false, issues: [{ code: 'policy_number_invalid', path: ['rules', 0, 'gte'], params: { value: '十二' } }] });
    const overlap = policyOfForm({ ...form, rules: form.rules.map((row) => row.id === 'gad7-medium' ? { ...row, lt: '16' } : row) });
    expect(overlap).toMatchObject({ ok: false, issues: [{ code: 'rules_overlap', path: ['rules', 3] }] });
    const empty = policyOfForm({ ...form, rules: form.rules.map((row) => row.id === 'k6-high' ? { ...row, gte: '', lt: '' } : row) });
    expect(empty).toMatchObject({ ok: false, issues: [{ code: 'rule_without_bounds', path: ['rules', 6] }] });
    const share = policyOfForm({ ...form, fastItemShare: '1.5' });
    if (share.ok) throw new Error('accepted a share above 1');
    expect(share.issues[0]?.path).toEqual(['validity', 'fastItemShare']);
    expect(describeIssueWithPath(share.issues[0]!, 'zh-CN')).toMatch(/^validity\.fastItemShare: .*[\u4e00-\u9fff]/);
    expect(policyOfForm({ ...form, version: '2' })).toMatchObject({ ok: false, issues: [{ path: ['version'] }] });
  });

  it('flags rules for instruments, scales or bands the library lacks', () => {
    const policy = { ...defaultPolicy(), rules: [
      { id: 'a', tier: 'high' as const, instrument: 'phq8', scale: 'total', measure: 'raw' as const, gte: 10 },
      { id: 'b', tier: 'high' as const, instrument: 'phq9', scale: 'sum', measure: 'raw' as const, gte: 10 },
      { id: 'c', tier: 'high' as const, instrument: 'phq9', scale: 'total', measure: 'band' as const, bands: ['severe', 'awful'] },
    ] };
    expect(unknownTargets(policy, shippedCatalog())).toMatchObject([
      { code: 'policy_rule_instrument_unknown', path: ['rules', 0, 'instrument'] },
      { code: 'policy_rule_scale_unknown', path: ['rules', 1, 'scale'] },
      { code: 'policy_rule_band_unknown', path: ['rules', 2, 'bands'], params: { band: 'awful' } },
    ]);
  });

  it('bumps the version past every one the library holds', () => {
    expect(nextVersion('qingsong-policy', [])).toBe('1.0.0');
    expect(nextVersion('default', [{ id: 'default', version: '1.0.0' }])).toBe('1.1.0');
    expect(nextVersion('p', [{ id: 'p', version: '1.10.0' }, { id: 'p', version: '1.9.3' }, { id: 'q', version: '7.0.0' }])).toBe('1.11.0');
  });
});
