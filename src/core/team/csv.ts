import { stringify } from 'csv-stringify/sync';
import { QUADRANTS } from '../activities/quadrant.ts';
import { escapeCell } from '../calendar/csv/generic.ts';
import { UTF8_BOM } from '../exports/csv.ts';
import type { TeamView } from './schemas.ts';

export const TEAM_TABLES = ['people', 'accounts'] as const;
export type TeamTable = (typeof TEAM_TABLES)[number];

const quadrantHeader = QUADRANTS.flatMap((q) => [`${q} minutes`, `${q} share`]);
// Only text can start a formula; numbers (a negative gap) stay numbers.
const cells = (value: string | number | boolean | null) =>
  value === null ? '' : typeof value === 'string' ? escapeCell(value) : String(value);

/**
 * One table of the team page as CSV: the people (one row each, or the team's totals alone in
 * aggregate mode) or the accounts. Figures only, exactly as the page shows them.
 */
export function teamCsv(view: TeamView, table: TeamTable): string {
  if (table === 'accounts') {
    const header = [
      'account',
      'tier',
      'owner',
      'minutes (12 weeks)',
      ...quadrantHeader,
      'warnings',
      'influential losing touch',
      'last scorecard round',
      'stale',
      'largest gap subject',
      'largest gap',
      'decisions due',
      'open inheritance reviews',
      'needs owner',
      'risk',
    ];
    const rows = view.accounts.map((a) => [
      a.name,
      a.tier,
      a.ownerName,
      a.minutes,
      ...QUADRANTS.flatMap((q) => [a.quadrants?.[q].minutes ?? null, a.quadrants?.[q].share ?? null]),
      a.warnings.join(' '),
      a.losingTouch,
      a.lastRoundAt,
      a.stale,
      a.largestGap?.subject ?? null,
      a.largestGap?.gap ?? null,
      a.decisionsDue,
      a.openInheritanceReviews,
      a.needsOwner,
      a.risk,
    ]);
    return UTF8_BOM + stringify([header, ...rows.map((r) => r.map(cells))]);
  }
  const header = [
    'person',
    'week',
    'total minutes',
    ...quadrantHeader,
    'q2 target met',
    'planned q2 minutes',
    'recurring q3 minutes',
    'reflected',
  ];
  const split = (r: { quadrants: TeamView['people'][number]['quadrants'] }) =>
    QUADRANTS.flatMap((q) => [r.quadrants[q].minutes, r.quadrants[q].share]);
  const rows = view.people.map((p) => [
    p.name,
    view.week,
    p.totalMinutes,
    ...split(p),
    p.targets.q2?.met ?? null,
    p.plannedQ2Minutes,
    p.recurringQ3Minutes,
    p.reflected,
  ]);
  if (view.team) {
    const t = view.team;
    rows.push([
      `Team (${t.people} people)`,
      view.week,
      t.totalMinutes,
      ...split(t),
      null,
      t.plannedQ2Minutes,
      t.recurringQ3Minutes,
      `${t.reflected} of ${t.people}`,
    ]);
  }
  return UTF8_BOM + stringify([header, ...rows.map((r) => r.map(cells))]);
}
