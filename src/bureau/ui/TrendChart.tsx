import type { Locale } from '../../../scoring/index.ts';
import type { TrendSeries } from '../trends.ts';
import { formatPercent } from './cells.tsx';

const FRAME = { width: 720, height: 260, left: 56, right: 150, top: 16, bottom: 34 };
const COLOURS = ['#2f6f73', '#3b5bab', '#c0612b', '#6b6b6b', '#8a3f9a'];

/**
 * Each series' rate per school year as a line, with its 95 % interval as a bar; a year without a
 * published rate leaves a gap (never a 0). Inline SVG with its styling in attributes, as the funnel plot.
 */
export function TrendChart({ years, series, locale, title }: { years: readonly string[]; series: readonly TrendSeries[]; locale: Locale; title: string }) {
  const plotW = FRAME.width - FRAME.left - FRAME.right;
  const plotH = FRAME.height - FRAME.top - FRAME.bottom;
  const highs = series.flatMap((line) => line.points.map((point) => point.estimate?.interval?.high ?? 0));
  const top = Math.min(1, Math.max(0.01, ...highs) * 1.1);
  const x = (index: number) => FRAME.left + (years.length < 2 ? plotW / 2 : (plotW * index) / (years.length - 1));
  const y = (rate: number) => FRAME.top + plotH * (1 - rate / top);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => share * top);
  return (
    <svg className="trend-chart" role="img" aria-label={title} width={FRAME.width} height={FRAME.height} viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} xmlns="http://www.w3.org/2000/svg" fontFamily="system-ui, sans-serif" fontSize="12">
      <title>{title}</title>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={FRAME.left} x2={FRAME.left + plotW} y1={y(tick)} y2={y(tick)} stroke="#e3e8ea" />
          <text x={FRAME.left - 6} y={y(tick) + 4} textAnchor="end" fill="#555">{formatPercent(tick, locale)}</text>
        </g>
      ))}
      {years.map((year, index) => <text key={year} x={x(index)} y={FRAME.height - 12} textAnchor="middle" fill="#333">{year}</text>)}
      {series.map((line, which) => {
        const colour = COLOURS[which % COLOURS.length] ?? '#333';
        const points = line.points.map((point, index) => ({ point, index })).filter(({ point }) => point.estimate?.rate !== undefined);
        const segments: string[] = [];
        points.forEach(({ point, index }, i) => {
          const previous = points[i - 1];
          const command = previous && previous.index === index - 1 ? 'L' : 'M';
          segments.push(`${command}${x(index).toFixed(1)},${y(point.estimate?.rate ?? 0).toFixed(1)}`);
        });
        const last = points[points.length - 1];
        return (
          <g key={line.id} className="trend-line" data-series={line.id}>
            {points.map(({ point, index }) => point.estimate?.interval && (
              <line key={`ci-${index}`} x1={x(index) + which * 3} x2={x(index) + which * 3} y1={y(point.estimate.interval.low)} y2={y(point.estimate.interval.high)} stroke={colour} strokeOpacity="0.45" strokeWidth="3" />
            ))}
            <path d={segments.join(' ')} fill="none" stroke={colour} strokeWidth="2.2" strokeDasharray={which >= 3 ? '5 3' : undefined} />
            {points.map(({ point, index }) => <circle key={index} cx={x(index)} cy={y(point.estimate?.rate ?? 0)} r="3.5" fill={point.partial ? '#fff' : colour} stroke={colour} strokeWidth="1.5" />)}
            {last && <text x={FRAME.left + plotW + 10} y={y(last.point.estimate?.rate ?? 0) + 4 + which * 2} fill={colour}>{line.name}</text>}
          </g>
        );
      })}
    </svg>
  );
}
