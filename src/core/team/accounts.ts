import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { byKey } from '../db/rows.ts';
import type { AccountTier, ScorecardSide, ScorecardSubject } from '../db/schema/index.ts';
import { valueList } from '../db/sql.ts';
import { emptyMinutes, toSplit } from '../reports/week-report.ts';
import { STALE_DAYS } from '../scorecard/service.ts';
import { roundViews } from '../scorecard/views.ts';
import { warningsOf } from '../stakeholders/connectivity.ts';
import { now } from '../time/clock.ts';
import { daysAgo, todayIn } from '../time/days.ts';
import { startOfLastDays } from '../time/weeks.ts';
import { type AccountTime, inTeam } from './figures.ts';
import type { TeamMember } from './members.ts';
import type { TeamAccount } from './schemas.ts';

/** Influence 4–5 of 5: the people whose silence puts an account at risk. */
const INFLUENTIAL = 4;
const LOSING_TOUCH_DAYS = 60;

export interface AccountScope {
  actor: Actor;
  members: TeamMember[];
  /** The owner's view: every active account of the workspace. */
  wholeWorkspace: boolean;
  /** The team's time on each account over the 12 weeks (`teamTime`, still being read). */
  time: Promise<AccountTime>;
  /** Account minutes are shown only where at least this many people contributed (0: always). */
  minGroupSize: number;
}

type AccountRow = {
  id: string;
  name: string;
  tier: AccountTier;
  owner_id: string | null;
  owner_name: string | null;
  owner_gone: boolean;
};

/** Active accounts matching `which`, with their risks. */
async function accountsWithRisks(db: Db, actor: Actor, which: SQL) {
  const rows = await db.execute<AccountRow>(sql`
    select acc.id, acc.name, acc.tier, acc.owner_id, o.name as owner_name,
           coalesce(o.deactivated_at is not null, false) as owner_gone
    from accounts acc left join users o on o.id = acc.owner_id
    where acc.workspace_id = ${actor.workspaceId} and acc.archived_at is null and ${which}`);
  const risks = rows.rows.length
    ? await risksOf(
        db,
        actor,
        rows.rows.map((r) => r.id),
      )
    : new Map<string, Risks>();
  return rows.rows.map((row) => ({ row, risks: risks.get(row.id) ?? noRisks() }));
}

/**
 * The team's accounts — owned by or shared with someone in the team, or worked on by them over the
 * weeks — with the risks a leader acts on, riskiest first. The owned ones are read while the team's
 * time is still being summed; one grouped query per figure, whatever the count.
 */
export async function teamAccounts(db: Db, scope: AccountScope): Promise<TeamAccount[]> {
  const { actor, members, wholeWorkspace } = scope;
  if (members.length === 0) return [];
  const who = (column: string) => (wholeWorkspace ? sql`true` : inTeam(column, members));
  const owned = await accountsWithRisks(
    db,
    actor,
    sql`(${who('acc.owner_id')}
         or exists (select 1 from account_members m where m.account_id = acc.id and ${who('m.user_id')}))`,
  );
  const minutesOf = await scope.time;
  const known = new Set(owned.map((a) => a.row.id));
  const worked = [...minutesOf.keys()].filter((id) => !known.has(id));
  const others = worked.length
    ? await accountsWithRisks(db, actor, sql`acc.id in (${valueList(worked)})`)
    : [];

  return [...owned, ...others]
    .map(({ row, risks }): TeamAccount => {
      const time = minutesOf.get(row.id);
      const shown = !time || time.people >= scope.minGroupSize;
      const split = toSplit(time?.minutes ?? emptyMinutes());
      const account = {
        accountId: row.id,
        name: row.name,
        tier: row.tier,
        ownerId: row.owner_id,
        ownerName: row.owner_name,
        minutes: shown ? split.totalMinutes : null,
        quadrants: shown ? split.quadrants : null,
        ...risks,
        needsOwner: row.owner_gone,
      };
      return { ...account, risk: riskOf(account) };
    })
    .sort((a, b) => b.risk - a.risk || a.name.localeCompare(b.name));
}

type Risks = Pick<
  TeamAccount,
  | 'warnings'
  | 'losingTouch'
  | 'lastRoundAt'
  | 'stale'
  | 'largestGap'
  | 'decisionsDue'
  | 'openInheritanceReviews'
>;
/** The risks of an account with nothing against it: no warnings, nothing due, never rated. */
export const noRisks = (): Risks => ({
  warnings: [],
  losingTouch: 0,
  lastRoundAt: null,
  stale: false,
  largestGap: null,
  decisionsDue: 0,
  openInheritanceReviews: 0,
});

/** How a leader's eye ranks an account: what is lost without action weighs most. */
export function riskOf(a: Omit<TeamAccount, 'risk'>): number {
  return (
    (a.needsOwner ? 8 : 0) +
    a.openInheritanceReviews * 3 +
    a.warnings.length * 2 +
    Math.min(a.losingTouch, 3) * 2 +
    (a.stale ? 2 : 0) +
    (a.lastRoundAt === null ? 1 : 0) +
    (a.largestGap && Math.abs(a.largestGap.gap) >= 1.5 ? 1 : 0) +
    a.decisionsDue
  );
}

/** Stakeholder warnings, losing touch, scorecards, decisions due and open reviews of many accounts. */
async function risksOf(db: Db, actor: Actor, accountIds: string[]): Promise<Map<string, Risks>> {
  const ws = actor.workspaceId;
  const ids = valueList(accountIds);
  const today = todayIn(actor.timeZone);
  const [contacts, owners, rounds, due, reviews] = await Promise.all([
    db.execute<{
      id: string;
      account_id: string;
      name: string;
      email: string | null;
      buying_office: boolean;
      influence: number;
    }>(
      sql`select id, account_id, name, email, buying_office, influence from stakeholders
          where workspace_id = ${ws} and account_id in (${ids})`,
    ),
    db.execute<{ stakeholder_id: string; user_id: string }>(
      sql`select o.stakeholder_id, o.user_id from stakeholder_owners o join stakeholders s on s.id = o.stakeholder_id
          where s.workspace_id = ${ws} and s.account_id in (${ids})`,
    ),
    db.execute<{ id: string; account_id: string; created_at: string | Date }>(
      sql`select distinct on (account_id) id, account_id, created_at from scorecard_rounds
          where workspace_id = ${ws} and account_id in (${ids}) order by account_id, created_at desc, id desc`,
    ),
    db.execute<{ account_id: string; due: number }>(
      sql`select account_id, count(*)::int as due from decisions
          where workspace_id = ${ws} and account_id in (${ids}) and status in ('active', 'revisited')
            and review_by is not null and review_by <= ${today}
          group by 1`,
    ),
    db.execute<{ account_id: string; open: number }>(
      sql`select account_id, count(*)::int as open from inheritance_reviews
          where workspace_id = ${ws} and account_id in (${ids}) and completed_at is null
          group by 1`,
    ),
  ]);

  const influential = contacts.rows.filter((c) => c.influence >= INFLUENTIAL && c.email);
  const met = await recentlyMet(
    db,
    actor,
    accountIds,
    influential.map((c) => c.email as string),
  );
  const gaps = await largestGaps(
    db,
    rounds.rows.map((r) => r.id),
  );

  const result = new Map<string, Risks>(accountIds.map((id) => [id, noRisks()]));
  const contactsOf = byKey(contacts.rows, (c) => c.account_id);
  const ownersOf = byKey(owners.rows, (o) => o.stakeholder_id);
  for (const id of accountIds) {
    const here = contactsOf.get(id) ?? [];
    const risks = result.get(id) as Risks;
    risks.warnings = warningsOf(
      here.map((c) => ({
        name: c.name,
        buyingOffice: c.buying_office,
        owners: (ownersOf.get(c.id) ?? []).map((o) => ({ id: o.user_id, name: '' })),
      })),
    ).map((w) => w.kind);
    risks.losingTouch = here.filter(
      (c) => c.influence >= INFLUENTIAL && !(c.email && met.has(c.email)),
    ).length;
  }
  for (const round of rounds.rows) {
    const risks = result.get(round.account_id) as Risks;
    const createdAt = new Date(round.created_at);
    risks.lastRoundAt = createdAt.toISOString();
    risks.stale = daysAgo(createdAt, actor.timeZone) > STALE_DAYS;
    risks.largestGap = gaps.get(round.id) ?? null;
  }
  for (const row of due.rows) (result.get(row.account_id) as Risks).decisionsDue = row.due;
  for (const row of reviews.rows) (result.get(row.account_id) as Risks).openInheritanceReviews = row.open;
  return result;
}

/**
 * Which of these addresses attended a meeting on one of these accounts (anyone's) in the last 60
 * calendar days: the others are losing touch. Read through the account's activities (its index),
 * not the whole workspace's: a meeting with a customer's people is filed under their account by
 * the domain rules; one filed elsewhere counts on the account page but not here.
 */
async function recentlyMet(
  db: Db,
  actor: Actor,
  accountIds: string[],
  emails: string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const result = await db.execute<{ email: string }>(sql`
    select distinct att->>'email' as email
    from activities a cross join lateral jsonb_array_elements(a.attendees) att
    where a.account_id in (${valueList(accountIds)}) and a.workspace_id = ${actor.workspaceId}
      and a.deleted_at is null
      and a.starts_at >= ${startOfLastDays(LOSING_TOUCH_DAYS, actor.timeZone).toISOString()}::timestamptz
      and a.starts_at <= ${now().toISOString()}::timestamptz
      and att->>'email' in (${valueList([...new Set(emails)])})`);
  return new Set(result.rows.map((r) => r.email));
}

/** Each round's largest gap between how we and they see things, from all its answers in one query. */
async function largestGaps(db: Db, roundIds: string[]) {
  const gaps = new Map<string, { subject: string; gap: number }>();
  if (roundIds.length === 0) return gaps;
  const result = await db.execute<{
    round_id: string;
    rating_id: string;
    side: ScorecardSide;
    target: ScorecardSide;
    subject: ScorecardSubject;
    score: number;
  }>(sql`
    select r.round_id, r.id as rating_id, r.side, s.target, s.subject, s.score
    from scorecard_scores s join scorecard_ratings r on r.id = s.rating_id
    where r.round_id in (${valueList(roundIds)})`);
  const answersOf = byKey(result.rows, (row) => row.round_id);
  for (const id of roundIds) {
    const scores = (answersOf.get(id) ?? []).map((row) => ({
      rater: row.rating_id,
      side: row.side,
      target: row.target,
      subject: row.subject,
      score: row.score,
    }));
    const top = roundViews(scores).gaps[0];
    if (top && top.largest !== null) gaps.set(id, { subject: top.subject, gap: top.largest });
  }
  return gaps;
}
