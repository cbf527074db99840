import { z } from 'zod';
import {
  ACCOUNT_TIERS,
  MIN_GROUP_SIZE,
  ROLES,
  TEAM_PRIVACY_MODES,
  WARNING_KINDS,
} from '../db/schema/index.ts';
import { isoWeekSchema, quadrantSplitSchema, targetResultsSchema } from '../reports/schemas.ts';

export const teamPrivacySchema = z.object({
  mode: z.enum(TEAM_PRIVACY_MODES),
  minGroupSize: z
    .number()
    .int('must be a whole number')
    .min(MIN_GROUP_SIZE, `must be at least ${MIN_GROUP_SIZE}: smaller groups identify people`)
    .max(1000, 'must be at most 1000'),
});
export type TeamPrivacy = z.infer<typeof teamPrivacySchema>;

export const teamQuerySchema = z.object({
  week: isoWeekSchema.optional(),
  leaderId: z.string().min(1).max(100).optional(),
});
export type TeamQuery = z.infer<typeof teamQuerySchema>;

/** One week of a Q2 trend; share is null for a week with no counted time (or too few people). */
const trendPointSchema = z.object({
  week: z.string(),
  totalMinutes: z.number().int().nullable(),
  share: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

/** What a leader sees of one person: figures only, never a title, note, plan or reflection text. */
export const teamPersonSchema = z.object({
  userId: z.string(),
  name: z.string(),
  deactivated: z.boolean(),
  totalMinutes: z.number().int(),
  quadrants: quadrantSplitSchema,
  targets: targetResultsSchema,
  q2Trend: z.array(trendPointSchema),
  plannedQ2Minutes: z.number().int(),
  recurringQ3Minutes: z.number().int(),
  reflected: z.boolean(),
});
export type TeamPerson = z.infer<typeof teamPersonSchema>;

export const teamTotalsSchema = z.object({
  /** People counted this week (deactivated ones leave from the week after). */
  people: z.number().int(),
  /** Of those, how many logged counted time. */
  contributors: z.number().int(),
  totalMinutes: z.number().int(),
  quadrants: quadrantSplitSchema,
  q2Trend: z.array(trendPointSchema),
  /** Null in aggregate mode when fewer than minGroupSize people planned Q2 (or had recurring Q3). */
  plannedQ2Minutes: z.number().int().nullable(),
  recurringQ3Minutes: z.number().int().nullable(),
  reflected: z.number().int(),
});
export type TeamTotals = z.infer<typeof teamTotalsSchema>;

export const teamAccountSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  tier: z.enum(ACCOUNT_TIERS),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** The team's counted time on it over the 12 weeks; null in aggregate mode below the group size. */
  minutes: z.number().int().nullable(),
  quadrants: quadrantSplitSchema.nullable(),
  warnings: z.array(z.enum(WARNING_KINDS)),
  /** Influential stakeholders (influence 4–5) not met for 60 days or more. */
  losingTouch: z.number().int(),
  lastRoundAt: z.string().nullable(),
  stale: z.boolean(),
  largestGap: z.object({ subject: z.string(), gap: z.number() }).nullable(),
  decisionsDue: z.number().int(),
  openInheritanceReviews: z.number().int(),
  needsOwner: z.boolean(),
  /** Higher is riskier; the table's default order. */
  risk: z.number().int(),
});
export type TeamAccount = z.infer<typeof teamAccountSchema>;

export const teamViewSchema = z.object({
  week: z.string(),
  /** The 12 weeks of the trends and the heatmap, oldest first. */
  weeks: z.array(z.string()),
  privacy: z.enum(TEAM_PRIVACY_MODES),
  minGroupSize: z.number().int(),
  leader: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** How many people the team has this week, in every mode (deactivated ones until they leave). */
  size: z.number().int(),
  people: z.array(teamPersonSchema),
  team: teamTotalsSchema.nullable(),
  accounts: z.array(teamAccountSchema),
});
export type TeamView = z.infer<typeof teamViewSchema>;

export const leaderViewSchema = z.object({
  week: z.string(),
  privacy: z.enum(TEAM_PRIVACY_MODES),
  minGroupSize: z.number().int(),
  /** Whom you report to directly; null when you report to nobody (the owners still see your row). */
  leader: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Everyone whose team page shows your row: the leaders above you and the workspace's owners. */
  seenBy: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) })),
  /** Your row exactly as your leader's team page shows it; null in aggregate mode. */
  person: teamPersonSchema.nullable(),
});
export type LeaderView = z.infer<typeof leaderViewSchema>;
