import { TIERS, type TierPolicy, type TierRule } from '../../../scoring/index.ts';
import type { PolicyPreview } from '../workspace/policyPreview.ts';
import type { NormsText } from './normsText.ts';
import type { TeacherText } from './text.ts';

const signed = (value: number): string => (value > 0 ? `+${value}` : value === 0 ? '0' : `−${-value}`);

function describeRule(rule: TierRule, text: NormsText): string {
  const target = `${rule.instrument} ${rule.scale} ${text.measures[rule.measure]}`;
  if (rule.measure === 'band') return `${target} ∈ {${rule.bands.join(', ')}}`;
  const from = rule.gte === undefined ? '' : `≥ ${rule.gte}`;
  const below = rule.lt === undefined ? '' : `< ${rule.lt}`;
  return `${target} ${[from, below].filter(Boolean).join(', ')}`;
}

/** What the edited policy would do to a screening: per rule, per tier (now vs. edited) and the moves between tiers. */
export function PolicyPreviewTable({ preview, policy, text, teacherText }: { preview: PolicyPreview; policy: TierPolicy; text: NormsText; teacherText: TeacherText }) {
  if (preview.scored === 0 && preview.skipped.length === 0) return <p>{text.previewNone}</p>;
  return (
    <div className="policy-preview" aria-live="polite">
      <p>
        {text.scored(preview.scored)} {text.critical(preview.critical)}
        {preview.skipped.length > 0 && <span className="warning"> {text.skipped(preview.skipped.length)}</span>}
        {preview.normsMissing > 0 && <span className="warning"> {text.normsMissing(preview.normsMissing)}</span>}
      </p>
      <table className="data">
        <caption>{text.tierCounts}</caption>
        <thead>
          <tr><th scope="col" />{TIERS.map((tier) => <th key={tier} scope="col">{teacherText.tiers[tier]}</th>)}<th scope="col">{text.invalidRow}</th></tr>
        </thead>
        <tbody>
          <tr><th scope="row">{text.current}</th>{TIERS.map((tier) => <td key={tier}>{preview.current[tier]}</td>)}<td>{preview.invalid.current}</td></tr>
          <tr><th scope="row">{text.proposed}</th>{TIERS.map((tier) => <td key={tier}>{preview.proposed[tier]}</td>)}<td>{preview.invalid.proposed}</td></tr>
          <tr>
            <th scope="row">{text.change}</th>
            {TIERS.map((tier) => <td key={tier}>{signed(preview.proposed[tier] - preview.current[tier])}</td>)}
            <td>{signed(preview.invalid.proposed - preview.invalid.current)}</td>
          </tr>
        </tbody>
      </table>
      <table className="data">
        <caption>{text.movesCaption}</caption>
        <thead><tr><th scope="col" />{TIERS.map((tier) => <th key={tier} scope="col">{teacherText.tiers[tier]}</th>)}</tr></thead>
        <tbody>
          {TIERS.map((from) => (
            <tr key={from}>
              <th scope="row">{teacherText.tiers[from]}</th>
              {TIERS.map((to) => <td key={to} className={from !== to && preview.moves[from][to] > 0 ? 'warning-cell' : undefined}>{preview.moves[from][to]}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data">
        <caption>{text.rulesCaption}</caption>
        <thead><tr><th scope="col">{text.ruleNumber}</th><th scope="col">{text.rule}</th><th scope="col">{text.tier}</th><th scope="col">{text.matched}</th><th scope="col">{text.decisive}</th></tr></thead>
        <tbody>
          {preview.rules.map((entry, index) => {
            const rule = policy.rules[index];
            return (
              <tr key={entry.id}>
                <th scope="row">{index + 1}</th>
                <td>{rule ? describeRule(rule, text) : entry.id}</td>
                <td>{teacherText.tiers[entry.tier]}</td>
                <td>{entry.matched}</td>
                <td>{entry.decisive}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
