/**
 * The shapes of the Linchpin REST API the web app uses, named for the web's code: every one is
 * derived from the types generated from the server's OpenAPI document (src/client/openapi.d.ts),
 * so a change on the server that the web does not follow fails the type check.
 */
import type { ApiAnswer, ApiBody, ApiQuery } from '../../client/index.ts';

export type {
  AccountTier,
  ActivityKind,
  ActivityStatus,
  Classification,
  ExclusionReason,
  GoalDimension,
  GoalStatus,
  Role,
} from '../../core/db/schema/values.ts';
// Value lists come from the one leaf module the server validates with.
export { ACTIVITY_KINDS } from '../../core/db/schema/values.ts';

type Item<T extends { items: readonly unknown[] }> = T['items'][number];

export type Me = ApiAnswer<'/me', 'get'>;
export type MePatch = ApiBody<'/me', 'patch'>;
export type SetupInput = ApiBody<'/setup', 'post'>;

export type Targets = Me['targets'];
export type Quadrant = keyof Required<Targets>;
export type Bounds = NonNullable<Targets[Quadrant]>;

// Activities and the week's figures.
export type Activity = ApiAnswer<'/activities/{id}', 'get'>;
/** What the forms send; `startsAt` may be local wall-clock time, read in the user's time zone. */
export type ActivityInput = ApiBody<'/activities', 'post'>;
export type ActivityPatch = ApiBody<'/activities/{id}', 'patch'>;
export type ActivityPage = ApiAnswer<'/activities', 'get'>;

export type WeekReport = ApiAnswer<'/reports/week', 'get'>;
export type QuadrantSplit = WeekReport['quadrants'];
export type QuadrantShare = QuadrantSplit[Quadrant];
export type TargetResult = NonNullable<WeekReport['targets'][Quadrant]>;
export type Trend = ApiAnswer<'/reports/trend', 'get'>;
export type TrendWeek = Trend['weeks'][number];

// Accounts and legacy goals.
export type Account = Item<ApiAnswer<'/accounts', 'get'>>;
export type AccountInput = ApiBody<'/accounts', 'post'>;
export type AccountPatch = ApiBody<'/accounts/{id}', 'patch'>;
export type AccountView = ApiAnswer<'/accounts/{id}', 'get'>;
export type AccountTime = ApiAnswer<'/accounts/{id}/time', 'get'>;
export type GoalView = Item<ApiAnswer<'/accounts/{id}/goals', 'get'>>;
export type GoalInput = ApiBody<'/accounts/{id}/goals', 'post'>;
export type GoalPatch = ApiBody<'/goals/{id}', 'patch'>;
export type PersonalLegacy = ApiAnswer<'/me/legacy', 'get'>;
export type PersonalLegacyInput = ApiBody<'/me/legacy', 'put'>;

// Calendars, imports, the review inbox and rules.
export type ImportSummary = ApiAnswer<'/imports', 'post'>;
export type SkippedEvent = ImportSummary['skipped'][number];
export type ImportFormat = ImportSummary['format'];
export type CalendarItem = Item<ApiAnswer<'/calendars', 'get'>>;
export type SyncResult = ApiAnswer<'/calendars/{id}/sync', 'post'>;

/** An imported activity waiting in the review inbox, with what rules look at. */
export type ReviewItem = Item<ReviewPage>;
export type ReviewPage = ApiAnswer<'/review', 'get'>;
export type ReviewDecision = ApiBody<'/review/classify', 'post'>;
export type Attendee = ReviewItem['attendees'][number];

export type Rule = Item<ApiAnswer<'/rules', 'get'>>;
export type RuleInput = ApiBody<'/rules', 'post'>;
export type RuleConditions = Rule['conditions'];
export type RuleActions = Rule['actions'];
/** Some matched events, with what they are now and what the rule would make them (e.g. `q3` → `q2`). */
export type RulePreview = ApiAnswer<'/rules/preview', 'post'>;

// People and access (GET /api/users, invitations, tokens, audit, device sign-in).
export type Person = Item<ApiAnswer<'/users', 'get'>>;
export type PersonPatch = ApiBody<'/users/{id}', 'patch'>;

/** `mailConfigured`: whether the server can send mail; without it the inviter passes the link on. */
export type InvitationList = ApiAnswer<'/invitations', 'get'>;
export type Invitation = Item<InvitationList>;
export type InvitationInput = ApiBody<'/invitations', 'post'>;
/** The answer to creating an invitation: the only time its link is shown. */
export type CreatedInvitation = ApiAnswer<'/invitations', 'post'>;
/** What an invitation link shows before anyone signs in. */
export type PublicInvitation = ApiAnswer<'/public/invitations/{token}', 'get'>;
export type JoinInput = ApiBody<'/public/invitations/{token}', 'post'>;

export type AccessToken = Item<ApiAnswer<'/me/tokens', 'get'>>;
/** A new token: `token` is shown once. */
export type CreatedToken = ApiAnswer<'/me/tokens', 'post'>;
export type AuditPage = ApiAnswer<'/audit', 'get'>;
export type AuditEntry = Item<AuditPage>;
/** A device (e.g. `linchpin login`) waiting for someone signed in to approve it. */
export type DeviceRequest = ApiAnswer<'/device-codes/{code}', 'get'>;

// A leader's team page, what one's leader sees, and the workspace's team privacy.
export type TeamView = ApiAnswer<'/team', 'get'>;
export type TeamQuery = ApiQuery<'/team', 'get'>;
/** One person's row of the team page: figures only, never a title, note, plan or reflection text. */
export type TeamPerson = TeamView['people'][number];
export type TeamTotals = NonNullable<TeamView['team']>;
export type TeamAccount = TeamView['accounts'][number];
export type TeamTrendPoint = TeamPerson['q2Trend'][number];
export type LeaderView = ApiAnswer<'/me/leader-view', 'get'>;
export type TeamPrivacy = ApiAnswer<'/workspace/team-privacy', 'get'>;
export type TeamPrivacyMode = TeamPrivacy['mode'];
export type SignInSettings = ApiAnswer<'/workspace/sign-in', 'get'>;
