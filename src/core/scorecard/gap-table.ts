import type { RoundDetail } from './schemas.ts';

export const GAP_TABLE_HEADER = [
  'Subject',
  'We rate us',
  'They rate us',
  'Gap about us',
  'We rate them',
  'They rate them',
  'Gap about them',
];

export const formatScore = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : n.toFixed(1);
const gap = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${n.toFixed(1)}`);

/** The gap table as text cells, largest gap first: for the CLI and the handover pack alike. */
export function gapTableRows(round: Pick<RoundDetail, 'views' | 'gaps'>): string[][] {
  const at = (view: keyof RoundDetail['views'], subject: string) =>
    round.views[view].subjects.find((s) => s.subject === subject)?.average;
  return round.gaps.map((g) => [
    g.subject,
    formatScore(at('usOnUs', g.subject)),
    formatScore(at('themOnUs', g.subject)),
    gap(g.aboutUs),
    formatScore(at('usOnThem', g.subject)),
    formatScore(at('themOnThem', g.subject)),
    gap(g.aboutThem),
  ]);
}
