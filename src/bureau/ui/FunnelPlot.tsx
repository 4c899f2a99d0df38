import type { Ref } from 'react';
import type { Locale } from '../../../scoring/index.ts';
import type { Funnel, FunnelPoint } from '../funnel.ts';
import { FUNNEL_FRAME, funnelGeometry } from '../funnelGeometry.ts';
import type { BureauText } from './bureauText.ts';
import { formatPercent } from './cells.tsx';

/**
 * Colours and fonts are SVG attributes, not CSS, so the serialized SVG (and the PNG drawn from it)
 * looks the same outside the page. System fonts only.
 */
const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", system-ui, sans-serif';
const INK = '#1f2933';
const MUTED = '#5b6776';
const GRID = '#e3e8ed';
const ACCENT = '#2f6f73';
const AMBER = '#c98a00';
const RED = '#c0392b';

const colourOf = (point: FunnelPoint): string => (point.position === 'above-99.8' ? RED : point.position === 'above-95' ? AMBER : ACCENT);

/** The funnel plot as inline SVG: units as dots, the pooled rate, 95 % and 99.8 % limits; outliers labelled. */
export function FunnelPlot({ funnel, text, locale, svgRef }: { funnel: Funnel; text: BureauText; locale: Locale; svgRef?: Ref<SVGSVGElement> }) {
  const frame = FUNNEL_FRAME;
  const geometry = funnelGeometry(funnel, frame);
  const { x, y } = geometry;
  const bottom = frame.height - frame.bottom;
  const right = frame.width - frame.right;
  const measure = text.funnelMeasures[funnel.measure];
  const numbers = new Intl.NumberFormat(locale);
  const tickPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const legend = [
    { label: text.pooledLine, stroke: INK, dash: undefined },
    { label: text.limit95, stroke: AMBER, dash: '6 4' },
    { label: text.limit998, stroke: RED, dash: '2 3' },
  ];
  // Outliers drawn last, so they sit on top of the crowd.
  const points = [...funnel.points].sort((a, b) => (a.position === 'above-99.8' ? 1 : 0) - (b.position === 'above-99.8' ? 1 : 0));
  return (
    <svg ref={svgRef} xmlns="http://www.w3.org/2000/svg" className="funnel-plot" viewBox={`0 0 ${frame.width} ${frame.height}`} width={frame.width} height={frame.height}
      role="img" aria-label={`${text.funnelTitle}: ${measure}`} fontFamily={FONT} fontSize={12}>
      <title>{`${text.funnelTitle}: ${measure}`}</title>
      <rect x={0} y={0} width={frame.width} height={frame.height} fill="#ffffff" />
      <defs>
        <clipPath id="funnel-area"><rect x={frame.left} y={frame.top} width={right - frame.left} height={bottom - frame.top} /></clipPath>
      </defs>
      {geometry.yTicks.map((tick) => (
        <g key={`y${tick}`}>
          <line x1={frame.left} x2={right} y1={y(tick)} y2={y(tick)} stroke={GRID} />
          <text x={frame.left - 6} y={y(tick) + 4} textAnchor="end" fill={MUTED}>{tickPercent.format(tick)}</text>
        </g>
      ))}
      {geometry.xTicks.map((tick) => (
        <g key={`x${tick}`}>
          <line x1={x(tick)} x2={x(tick)} y1={frame.top} y2={bottom} stroke={GRID} />
          <text x={x(tick)} y={bottom + 16} textAnchor="middle" fill={MUTED}>{numbers.format(tick)}</text>
        </g>
      ))}
      <line x1={frame.left} x2={right} y1={bottom} y2={bottom} stroke={MUTED} />
      <line x1={frame.left} x2={frame.left} y1={frame.top} y2={bottom} stroke={MUTED} />
      <text x={(frame.left + right) / 2} y={bottom + 36} textAnchor="middle" fill={INK}>{text.funnelX}</text>
      <text transform={`translate(16 ${(frame.top + bottom) / 2}) rotate(-90)`} textAnchor="middle" fill={INK}>{text.funnelY(measure)}</text>
      <g clipPath="url(#funnel-area)" fill="none" strokeWidth={1.5}>
        <path d={geometry.paths.upper998} stroke={RED} strokeDasharray="2 3" />
        <path d={geometry.paths.lower998} stroke={RED} strokeDasharray="2 3" />
        <path d={geometry.paths.upper95} stroke={AMBER} strokeDasharray="6 4" />
        <path d={geometry.paths.lower95} stroke={AMBER} strokeDasharray="6 4" />
        <path d={geometry.paths.pooled} stroke={INK} />
      </g>
      <g className="funnel-points" clipPath="url(#funnel-area)">
        {points.map((point) => (
          <circle key={point.id} cx={x(point.n)} cy={y(point.rate)} r={point.position === 'above-99.8' ? 5.5 : 4}
            fill={colourOf(point)} fillOpacity={point.position === 'within' ? 0.55 : 0.9} stroke="#ffffff" strokeWidth={1}>
            <title>{`${point.name} (${point.code}): ${formatPercent(point.rate, locale)}, n = ${numbers.format(point.n)}`}</title>
          </circle>
        ))}
      </g>
      {funnel.above.slice(0, 12).map((point) => {
        const nearRight = x(point.n) > right - 140;
        return (
          <text key={`label-${point.id}`} x={nearRight ? x(point.n) - 9 : x(point.n) + 9} y={Math.max(y(point.rate) + 4, frame.top + 10)} fill={RED}
            textAnchor={nearRight ? 'end' : 'start'} fontSize={11}>{point.name}</text>
        );
      })}
      <g transform={`translate(${frame.left} ${frame.height - 18})`}>
        {legend.map((entry, index) => (
          <g key={entry.label} transform={`translate(${index * 150} 0)`}>
            <line x1={0} x2={28} y1={-4} y2={-4} stroke={entry.stroke} strokeWidth={1.5} {...(entry.dash ? { strokeDasharray: entry.dash } : {})} />
            <text x={34} y={0} fill={INK}>{entry.label}</text>
          </g>
        ))}
        <g transform={`translate(${legend.length * 150} 0)`}>
          <circle cx={6} cy={-4} r={5} fill={RED} fillOpacity={0.9} />
          <text x={16} y={0} fill={INK}>{text.above}</text>
        </g>
      </g>
    </svg>
  );
}
