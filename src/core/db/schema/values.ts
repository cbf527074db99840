/**
 * The value lists every layer shares — stored in columns, validated by zod, offered in the web's
 * pickers. No imports, so the web app and the CLI can use them without the database schema.
 */

export const ACTIVITY_KINDS = [
  'customer_meeting',
  'internal_meeting',
  'admin_reporting',
  'travel',
  'planning',
  'development',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_SOURCES = ['manual', 'calendar', 'csv', 'cli', 'demo'] as const;
export type ActivitySource = (typeof ACTIVITY_SOURCES)[number];

export const ACTIVITY_STATUSES = ['planned', 'done'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Why an activity is shown but not counted as time. */
export const EXCLUSION_REASONS = ['all_day', 'multi_day', 'declined', 'free'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** How an activity's quadrant was decided; 'manual' is never overwritten by a re-import. */
export const CLASSIFICATIONS = ['manual', 'rule', 'unclassified'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** How much attention an account gets, from the few that shape the year to those kept ticking over. */
export const ACCOUNT_TIERS = ['strategic', 'key', 'growth', 'maintain'] as const;
export type AccountTier = (typeof ACCOUNT_TIERS)[number];

/** The dimensions of a legacy beyond the numbers (PRODUCT.md, section 2). */
export const GOAL_DIMENSIONS = [
  'commercial',
  'relationships',
  'capability',
  'ways_of_working',
  'innovation',
  'non_commercial',
] as const;
export type GoalDimension = (typeof GOAL_DIMENSIONS)[number];

export const GOAL_STATUSES = ['active', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const ROCK_STATUSES = ['open', 'done', 'dropped'] as const;
export type RockStatus = (typeof ROCK_STATUSES)[number];

/** What to do about time that is not worth it: a recurring Q3 meeting, or Q4 work. */
export const TIME_DECISIONS = ['decline', 'shorten', 'delegate', 'keep'] as const;
export type TimeDecision = (typeof TIME_DECISIONS)[number];

export const DECISION_STATUSES = ['active', 'revisited', 'retired', 'undone'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const INHERITANCE_VERDICTS = ['keep', 'revisit', 'undo'] as const;
export type InheritanceVerdict = (typeof INHERITANCE_VERDICTS)[number];

/** The six subjects both organisations are rated on (PRODUCT.md, section 3). */
export const SCORECARD_SUBJECTS = [
  'trading',
  'credibility',
  'connectivity',
  'collaboration',
  'opportunity',
  'investment',
] as const;
export type ScorecardSubject = (typeof SCORECARD_SUBJECTS)[number];

/** Which organisation: the supplier ("us", the workspace) or the customer ("them", the account). */
export const SCORECARD_SIDES = ['us', 'them'] as const;
export type ScorecardSide = (typeof SCORECARD_SIDES)[number];

/** The customer's functions a coverage grid shows as columns. */
export const STAKEHOLDER_FUNCTIONS = [
  'executive',
  'procurement',
  'finance',
  'operations',
  'supply_chain',
  'it',
  'marketing',
  'sales',
  'quality',
  'r_and_d',
  'hr',
  'legal',
  'other',
] as const;
export type StakeholderFunction = (typeof STAKEHOLDER_FUNCTIONS)[number];

export const STAKEHOLDER_LEVELS = ['executive', 'senior', 'operational'] as const;
export type StakeholderLevel = (typeof STAKEHOLDER_LEVELS)[number];

/** From the strongest ally to the strongest opponent. */
export const ATTITUDES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'] as const;
export type Attitude = (typeof ATTITUDES)[number];

export const ROLES = ['owner', 'leader', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** Single-threaded risks of an account's relationships. */
export const WARNING_KINDS = ['single_contact', 'single_owner', 'buying_office_only', 'no_contacts'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

/** What a leader's team page shows: each person's figures, or only team totals (works-council style). */
export const TEAM_PRIVACY_MODES = ['per-person', 'aggregate'] as const;
export type TeamPrivacyMode = (typeof TEAM_PRIVACY_MODES)[number];
/** Aggregate mode never shows a total made of fewer people than this. */
export const MIN_GROUP_SIZE = 5;

/** What the scheduler works out from the data and clears once acted on (each links to the place to act). */
export const DUE_NOTIFICATION_KINDS = [
  'decision_review',
  'follow_up',
  'agreed_action',
  'losing_touch',
  'stale_scorecard',
  'inheritance_review',
  'plan_week',
  'reflect',
] as const;
/** What the notification centre tells a person about: what is due, and events (a rating, a failed mail). */
export const NOTIFICATION_KINDS = [...DUE_NOTIFICATION_KINDS, 'customer_rated', 'mail_failed'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The digests a person can turn on and off (Settings → Notifications). */
export const DIGEST_KINDS = ['weekly_plan', 'friday_reflection', 'daily'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

/** Every kind of mail the outbox sends. */
export const MAIL_KINDS = [...DIGEST_KINDS, 'rating_link', 'rating_reminder'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** What each mail is called to people (the owner's delivery problems, the unsubscribe page). */
export const MAIL_KIND_NAMES: Record<MailKind, string> = {
  weekly_plan: 'Monday “plan your week” mail',
  friday_reflection: 'Friday reflection mail',
  daily: 'daily digest',
  rating_link: 'customer rating link',
  rating_reminder: 'customer rating reminder',
};

/** pending → sending → sent; failed after the last retry; dropped when no longer meaningful. */
export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dropped'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
