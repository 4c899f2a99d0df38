import type { ReactElement } from 'react';
import { TIERS, type Tier } from '../../../scoring/index.ts';

/** A stacked bar of tier shares: a teacher compares classes at a glance rather than reading numbers. */
export function TierBar({ tiers }: { tiers: Readonly<Record<Tier, number>> }) {
  const total = TIERS.reduce((sum, tier) => sum + tiers[tier], 0);
  if (total === 0) return null;
  return (
    <svg className="tier-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={TIERS.map((tier) => `${tier} ${tiers[tier]}`).join(', ')}>
      {TIERS.reduce<{ x: number; parts: ReactElement[] }>((acc, tier) => {
        const width = (tiers[tier] / total) * 100;
        acc.parts.push(<rect key={tier} x={acc.x} y={0} width={width} height={10} className={`tier-${tier}`} />);
        return { x: acc.x + width, parts: acc.parts };
      }, { x: 0, parts: [] }).parts}
    </svg>
  );
}
