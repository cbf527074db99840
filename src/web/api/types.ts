/** The shapes of the Linchpin REST API the web app uses (see /api/openapi.json). */

import type { RuleActions, RuleConditions } from '../../core/db/schema/calendar.ts';

export type { RuleActions, RuleConditions };

export type Quadrant = 'q1' | 'q2' | 'q3' | 'q4';

// Value lists come from the one leaf module the server validates with.
import type { ActivityKind, ActivityStatus, Role } from '../../core/db/schema/values.ts';

export { ACTIVITY_KINDS } from '../../core/db/schema/values.ts';
export type { ActivityKind, ActivityStatus, Role };

export interface Bounds {
  min?: number;
  max?: number;
}

export type Targets = Partial<Record<Quadrant, Bounds>>;

export type { Me, MePatch } from '../../core/auth/users.ts';

export interface SetupInput {
  workspaceName: string;
  name: string;
  email: string;
  password: string;
  timeZone: string;
}

// The activity shapes are the core's own (types only).
import type { ActivityView as Activity } from '../../core/activities/schemas.ts';

export type { ActivityInput } from '../../core/activities/schemas.ts';
export type { ExclusionReason } from '../../core/db/schema/index.ts';
export type { Activity };

export type Classification = 'manual' | 'rule' | 'unclassified';

/** What the forms send; `startsAt` may be local wall-clock time, read in the user's time zone. */

export interface ActivityPage {
  items: Activity[];
  nextCursor: string | null;
}

// The report shapes are the core's own (types only, nothing of it is bundled).
export type { TargetResult } from '../../core/reports/targets.ts';
export type { TrendWeek } from '../../core/reports/trend.ts';
export type { QuadrantShare, QuadrantSplit, WeekReport } from '../../core/reports/week-report.ts';

import type { TrendWeek } from '../../core/reports/trend.ts';

export interface Trend {
  timeZone: string;
  weeks: TrendWeek[];
}

// Account and legacy shapes come from the core (types only).
export type {
  AccountInput,
  AccountPatch,
  AccountSummary as Account,
  AccountTime,
  AccountView,
} from '../../core/accounts/schemas.ts';
export type { ImportSummary, SkippedEvent } from '../../core/calendar/merge.ts';
export type { SourceFormat as ImportFormat } from '../../core/calendar/source.ts';
// The import shapes come from the core itself (types only, nothing of it is bundled).
export type { CalendarView as CalendarItem } from '../../core/calendar/subscriptions.ts';
export type { AccountTier, GoalDimension, GoalStatus } from '../../core/db/schema/values.ts';
export type {
  GoalInput,
  GoalPatch,
  GoalView,
  PersonalLegacy,
  PersonalLegacyInput,
} from '../../core/legacy/schemas.ts';

import type { ImportSummary } from '../../core/calendar/merge.ts';

export type SyncResult = { notModified: true; calendarId: string } | (ImportSummary & { notModified: false });

export type { ImportedAttendee as Attendee } from '../../core/calendar/events.ts';

/** An imported activity waiting in the review inbox, with what rules look at. */
export interface ReviewItem extends Activity {
  attendees: import('../../core/calendar/events.ts').ImportedAttendee[];
  organizer: string | null;
  location: string | null;
  recurring: boolean;
}

export interface ReviewPage {
  items: ReviewItem[];
  total: number;
}

export interface ReviewDecision {
  ids: string[];
  urgent: boolean;
  important: boolean;
  accountId?: string | null;
  kind?: ActivityKind;
  commercial?: boolean;
}

export interface Rule {
  id: string;
  position: number;
  name: string;
  enabled: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
}

export interface RuleInput {
  name: string;
  enabled?: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
}

export interface RulePreview {
  matched: number;
  wouldChange: number;
  /** Some matched events, with what they are now and what the rule would make them (e.g. `q3` → `q2`). */
  sample: { id: string; title: string; startsAt: string; from: string | null; to: string | null }[];
}

// People and access (GET /api/users, invitations, tokens, audit, device sign-in).

export type { Person, PersonPatch } from '../../core/people/service.ts';

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  leaderId: string | null;
  expiresAt: string;
  status: 'pending' | 'accepted' | 'withdrawn' | 'expired';
  invitedBy: { id: string; name: string };
  createdAt: string;
}

export interface InvitationList {
  items: Invitation[];
  /** Whether the server can send mail; without it the inviter passes the link on. */
  mailConfigured: boolean;
}

export interface InvitationInput {
  email: string;
  role: Role;
  leaderId?: string | null;
}

/** The answer to creating an invitation: the only time its link is shown. */
export interface CreatedInvitation {
  id: string;
  email: string;
  role: Role;
  leaderId: string | null;
  expiresAt: string;
  url: string;
  emailed: boolean;
}

/** What an invitation link shows before anyone signs in. */
export interface PublicInvitation {
  workspace: string;
  email: string;
  role: Role;
  invitedBy: string;
}

export interface JoinInput {
  name: string;
  password: string;
  timeZone?: string;
}

export interface AccessToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

/** A new token: `token` is shown once. */
export interface CreatedToken {
  id: string;
  name: string;
  token: string;
  expiresAt: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  /** e.g. `user.deactivated`, `token.created`. */
  action: string;
  target: string | null;
  ip: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** A device (e.g. `linchpin login`) waiting for someone signed in to approve it. */
export interface DeviceRequest {
  userCode: string;
  clientName: string;
  expiresAt: string;
  status: 'pending' | 'approved' | 'denied' | 'expired';
}
