import type { Locale } from '../schema/vocabulary.ts';
import { formatIssue } from '../messages.ts';
import { issue, type Issue } from '../outcome.ts';
import { histogramEntries } from './histogram.ts';
import type { Group } from './groups.ts';
import type { Aggregate } from './schema.ts';

/**
 * Everything a file will carry out of the school, one statement per fact, each with the JSON path it
 * comes from: who made it, the plan and instruments, every published count, how each histogram was
 * coarsened, and every suppression with its reason. The teacher reads this before exporting; nothing
 * in the file is left out of it. Format with `formatOutgoing`.
 */
export function describeOutgoing(aggregate: Aggregate): Issue[] {
  const lines: Issue[] = [issue('outgoing_overview', [], { schools: aggregate.provenance.schools.length, year: aggregate.schoolYear, k: aggregate.k })];
  if (aggregate.stage === 'exact') lines.push(issue('outgoing_exact_warning', ['stage']));
  aggregate.provenance.schools.forEach((school, i) => lines.push(issue('outgoing_school', ['provenance', 'schools', i], { ...school })));
  aggregate.provenance.stamps.forEach((stamp, i) => lines.push(issue('outgoing_stamp', ['provenance', 'stamps', i], { ...stamp })));
  aggregate.plans.forEach((plan, i) => lines.push(issue('outgoing_plan', ['plans', i], { plan })));
  aggregate.instruments.forEach((instrument, i) => lines.push(issue('outgoing_instrument', ['instruments', i], { instrument })));
  aggregate.cells.forEach((cell, c) => {
    lines.push(issue('outgoing_cell', ['cells', c], { ...where(cell), roster: cell.roster, completed: cell.completed, declined: cell.declined, invalid: cell.invalid, ...cell.tiers, urgent: cell.urgent }));
    cell.instruments.forEach((summary, i) => {
      lines.push(issue('outgoing_cell_instrument', ['cells', c, 'instruments', i], { ...where(cell), instrument: summary.instrument, completed: summary.completed, ...summary.tiers, urgent: summary.urgent }));
      summary.scales.forEach((scale, s) => {
        const exact = histogramEntries(scale.histogram);
        lines.push(issue('outgoing_scale', ['cells', c, 'instruments', i, 'scales', s], {
          ...where(cell), instrument: summary.instrument, scale: scale.scale, scored: scale.scored,
          exact: exact.map(([score, count]) => `${score}:${count}`).join(' ') || '-',
          pooled: scale.pooled.map((bin) => `${bin.from}-${bin.to}:${bin.count}`).join(' ') || '-',
          bands: scale.bands.map((band) => `${band.band}:${band.count}`).join(' ') || '-',
        }));
      });
    });
  });
  aggregate.cells.forEach((cell, c) => {
    if (cell.followUp) lines.push(issue('outgoing_follow_up_cell', ['cells', c, 'followUp'], { ...where(cell), ...cell.followUp }));
  });
  const followUp = aggregate.followUp;
  if (followUp) {
    lines.push(issue('outgoing_follow_up', ['followUp'], { flagged: followUp.flagged, rates: followUp.rates.map((rate) => `${rate.measure} ${rate.count}/${rate.of}`).join(', ') || '-' }));
    followUp.withheld.forEach((entry, w) => lines.push(issue('outgoing_follow_up_withheld', ['followUp', 'withheld', w], { measure: entry.measure, reason: entry.reason, k: aggregate.k })));
  }
  aggregate.margins.forEach((margin, m) => lines.push(issue('outgoing_margin', ['margins', m], { ...where(margin), roster: margin.roster, completed: margin.completed, declined: margin.declined })));
  aggregate.suppressed.forEach((entry, s) => {
    const path = ['suppressed', s];
    if (entry.scale !== undefined) lines.push(issue('outgoing_suppressed_scale', path, { ...where(entry), instrument: entry.instrument ?? '', scale: entry.scale, k: aggregate.k }));
    else if (entry.instrument !== undefined) lines.push(issue('outgoing_suppressed_instrument', path, { ...where(entry), instrument: entry.instrument, k: aggregate.k }));
    else if (entry.reason === 'primary') lines.push(issue('outgoing_suppressed_primary', path, { ...where(entry), k: aggregate.k }));
    else lines.push(issue('outgoing_suppressed_complementary', path, where(entry)));
  });
  lines.push(issue('outgoing_nothing_personal', []));
  return lines;
}

const where = (group: Group): { grade: string; sex: string } => ({ grade: String(group.grade), sex: group.sex });

const SEX_WORDS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'zh-CN': { male: '男生', female: '女生', all: '合计' },
  en: { male: 'boys', female: 'girls', all: 'all' },
};

/** "8 年级女生" / "grade 8, girls" / "全部年级合计" / "all grades, all". */
export function groupLabel(group: { grade: string | number; sex: string }, locale: Locale): string {
  const sex = SEX_WORDS[locale][group.sex] ?? group.sex;
  if (locale === 'zh-CN') return `${group.grade === 'all' ? '全部年级' : `${group.grade} 年级`}${sex}`;
  return `${group.grade === 'all' ? 'all grades' : `grade ${group.grade}`}, ${sex}`;
}

/** One statement of `describeOutgoing` in the reader's language. */
export function formatOutgoing(line: Issue, locale: Locale): string {
  const params = line.params ?? {};
  const withGroup = 'grade' in params && 'sex' in params ? { ...params, group: groupLabel({ grade: params.grade ?? '', sex: String(params.sex) }, locale) } : params;
  return formatIssue({ ...line, params: withGroup }, locale);
}
