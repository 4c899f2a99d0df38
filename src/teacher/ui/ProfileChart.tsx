import { REFERENCE_T, T_MAX, T_MIN, xOfColumn, yOfT } from './chartScale.ts';
import { STUDENT_TEXT } from './studentText.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

/** One scale of a wave: where it comes from, and its T-score if a norm table applied. */
export interface ProfilePoint {
  readonly key: string;
  /** The instrument's abbreviation, e.g. "K10". */
  readonly instrument: string;
  readonly scale: string;
  readonly t: number | undefined;
}

const LEFT = 40;
const RIGHT = 16;
const COLUMN = 92;
const AREA = { top: 14, bottom: 194 } as const;
const HEIGHT = 240;
/** Drawn a little larger than its viewBox on screen; CSS lets it shrink to a narrow page. */
const SCREEN_SCALE = 1.2;

/**
 * A wave's scale profile against the norm: T = 50 is the norm mean, 60 and 70 are one and two SD
 * above it. Drawn as plain SVG (no chart library) so it prints crisply and works offline. Scales
 * without a norm have no T-score; they are named below the chart instead of being drawn at zero.
 */
export function ProfileChart({ points }: { points: readonly ProfilePoint[] }) {
  const { text, locale } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const normed = points.filter((point): point is ProfilePoint & { t: number } => point.t !== undefined);
  const unnormed = points.filter((point) => point.t === undefined);
  if (points.length === 0) return null;

  const name = (point: ProfilePoint) => `${point.instrument} ${point.scale}`;
  const width = LEFT + COLUMN * Math.max(normed.length, 1) + RIGHT;
  const placed = normed.map((point, index) => ({ point, x: xOfColumn(index, LEFT, COLUMN), y: yOfT(point.t, AREA) }));
  const separator = locale === 'zh-CN' ? '；' : '; ';
  return (
    <figure className="student-profile">
      <figcaption>{text.profile}</figcaption>
      {normed.length > 0 && (
        <svg
          className="student-profile-chart" viewBox={`0 0 ${width} ${HEIGHT}`} width={width * SCREEN_SCALE} height={HEIGHT * SCREEN_SCALE}
          role="img" aria-label={student.chartLabel(normed.map((point) => `${name(point)} T = ${number.format(point.t)}`).join(separator))}
        >
          <rect className="student-profile-frame" x={LEFT} y={AREA.top} width={width - LEFT - RIGHT} height={AREA.bottom - AREA.top} />
          {REFERENCE_T.map((t) => (
            <g key={t} className={`student-profile-ref student-profile-ref-${t}`}>
              <line x1={LEFT} x2={width - RIGHT} y1={yOfT(t, AREA)} y2={yOfT(t, AREA)} />
              <text x={LEFT - 6} y={yOfT(t, AREA) + 4} textAnchor="end">{t}</text>
            </g>
          ))}
          <text className="student-profile-axis" x={LEFT - 6} y={yOfT(T_MAX, AREA) + 4} textAnchor="end">{T_MAX}</text>
          <text className="student-profile-axis" x={LEFT - 6} y={yOfT(T_MIN, AREA) + 4} textAnchor="end">{T_MIN}</text>
          {placed.length > 1 && <polyline className="student-profile-line" points={placed.map(({ x, y }) => `${x},${y}`).join(' ')} />}
          {placed.map(({ point, x, y }) => (
            <g key={point.key} className="student-profile-point">
              <circle cx={x} cy={y} r={4} />
              <text className="student-profile-value" x={x} y={y - 8} textAnchor="middle">{number.format(point.t)}</text>
              <text className="student-profile-label" x={x} y={AREA.bottom + 18} textAnchor="middle">{point.instrument}</text>
              <text className="student-profile-label" x={x} y={AREA.bottom + 34} textAnchor="middle">{point.scale}</text>
            </g>
          ))}
        </svg>
      )}
      {unnormed.length > 0 && (
        <p className="student-profile-nonorm">
          <span className="student-profile-nonorm-names">{unnormed.map(name).join(student.listSeparator)}</span>
          {student.colon}{text.noNorms}
        </p>
      )}
    </figure>
  );
}
