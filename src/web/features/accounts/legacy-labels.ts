import type { AccountTier, GoalDimension, GoalStatus } from '../../api/types.ts';

export const TIER_LABELS: Record<AccountTier, string> = {
  strategic: 'Strategic',
  key: 'Key',
  growth: 'Growth',
  maintain: 'Maintain',
};
export const TIERS = Object.keys(TIER_LABELS) as AccountTier[];

/** PRODUCT.md's dimensions of a legacy, in the order the account page lists goals. */
export const DIMENSION_LABELS: Record<GoalDimension, string> = {
  commercial: 'Commercial',
  relationships: 'Relationships & trust',
  capability: 'Capability built',
  ways_of_working: 'Ways of working',
  innovation: 'Unasked-for innovation',
  non_commercial: 'Non-commercial investment',
};
export const DIMENSIONS = Object.keys(DIMENSION_LABELS) as GoalDimension[];

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  active: 'Active',
  achieved: 'Achieved',
  dropped: 'Dropped',
};
export const GOAL_STATUSES = Object.keys(GOAL_STATUS_LABELS) as GoalStatus[];
