import type { ScorecardSubject } from '../../../core/db/schema/values.ts';

export { formatScore } from '../../../core/scorecard/gap-table.ts';
export type { ScorecardSubject };

/** The six subjects with the question each asks (PRODUCT.md, section 3). */
export const SUBJECTS: { id: ScorecardSubject; label: string; question: string }[] = [
  { id: 'trading', label: 'Trading', question: 'Effectiveness with the trading essentials' },
  {
    id: 'credibility',
    label: 'Credibility',
    question: 'Strengths and credibility in and beyond the buying office',
  },
  {
    id: 'connectivity',
    label: 'Connectivity',
    question: 'Depth and breadth of connections, relationships and trust',
  },
  {
    id: 'collaboration',
    label: 'Collaboration',
    question: 'Current and evolving will and skill to work together',
  },
  { id: 'opportunity', label: 'Opportunity', question: 'Areas of mutual interest and opportunity' },
  {
    id: 'investment',
    label: 'Investment',
    question: 'Willingness to invest and resource in the non-commercial',
  },
];

export const subjectLabel = (id: ScorecardSubject) => SUBJECTS.find((s) => s.id === id)?.label ?? id;

export const VIEW_LABELS = {
  usOnUs: 'We rate us',
  usOnThem: 'We rate them',
  themOnUs: 'They rate us',
  themOnThem: 'They rate them',
} as const;
export type ViewKey = keyof typeof VIEW_LABELS;

export const formatGap = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${n.toFixed(1)}`);
