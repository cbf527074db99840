import type { Attitude, StakeholderFunction, StakeholderLevel } from '../../../core/db/schema/values.ts';

import { daysAgo, daysAgoLabel } from '../../../core/time/days.ts';

export type { Attitude, StakeholderFunction, StakeholderLevel };

/** The customer's functions, in the server's order (STAKEHOLDER_FUNCTIONS); the Record keeps it complete. */
export const FUNCTION_LABELS: Record<StakeholderFunction, string> = {
  executive: 'Executive',
  procurement: 'Procurement',
  finance: 'Finance',
  operations: 'Operations',
  supply_chain: 'Supply chain',
  it: 'IT',
  marketing: 'Marketing',
  sales: 'Sales',
  quality: 'Quality',
  r_and_d: 'R&D',
  hr: 'HR',
  legal: 'Legal',
  other: 'Other',
};
export const FUNCTIONS = Object.keys(FUNCTION_LABELS) as StakeholderFunction[];

export const LEVEL_LABELS: Record<StakeholderLevel, string> = {
  executive: 'Executive',
  senior: 'Senior',
  operational: 'Operational',
};
export const LEVELS = Object.keys(LEVEL_LABELS) as StakeholderLevel[];

export const ATTITUDE_LABELS: Record<Attitude, string> = {
  champion: 'Champion',
  supporter: 'Supporter',
  neutral: 'Neutral',
  skeptic: 'Skeptic',
  opponent: 'Opponent',
};
export const ATTITUDES = Object.keys(ATTITUDE_LABELS) as Attitude[];

/** When we last met them, in calendar days where the user lives: `today`, `yesterday`, `12 days ago`, `never`. */
export function lastContactOf(iso: string | null, timeZone: string): string {
  return iso ? daysAgoLabel(Math.max(0, daysAgo(new Date(iso), timeZone))) : 'never';
}

/** A warning's kind as a short badge; its message says the rest. */
export const WARNING_SHORT: Record<string, string> = {
  single_contact: 'Single contact',
  single_owner: 'Single owner',
  buying_office_only: 'Buying office only',
  no_contacts: 'No contacts',
};
