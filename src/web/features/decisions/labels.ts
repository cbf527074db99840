import type { DecisionView } from './decisions-queries.ts';

export const STATUS_LABELS: Record<DecisionView['status'], string> = {
  active: 'Active',
  revisited: 'Revisited',
  retired: 'Retired',
  undone: 'Undone',
};
export const STATUSES = Object.keys(STATUS_LABELS) as DecisionView['status'][];
