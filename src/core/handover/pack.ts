import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { AccountTime, AccountView } from '../accounts/schemas.ts';
import { getAccountView } from '../accounts/service.ts';
import { accountTime } from '../accounts/time.ts';
import { quadrantOf } from '../activities/quadrant.ts';
import { ownActivities } from '../activities/service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { activities, reflections } from '../db/schema/index.ts';
import type { DecisionView } from '../decisions/schemas.ts';
import { listDecisions } from '../decisions/service.ts';
import type { GoalView } from '../legacy/schemas.ts';
import { listGoals } from '../legacy/service.ts';
import type { ReflectionPrompt } from '../reflections/prompts.ts';
import type { RoundDetail, RoundSummary } from '../scorecard/schemas.ts';
import { accountAgreedActions, getRound, listRounds } from '../scorecard/service.ts';
import { type ConnectivityWarning, warningsOf } from '../stakeholders/connectivity.ts';
import type { StakeholderView } from '../stakeholders/schemas.ts';
import { listStakeholders } from '../stakeholders/service.ts';
import { now } from '../time/clock.ts';
import { dateIn } from '../time/days.ts';

/** How many weeks of the owner's shared reflections a pack carries. */
const REFLECTION_WEEKS = 26;

export interface WarmIntroduction {
  stakeholder: string;
  title: string | null;
  influence: number;
  /** Who on our side can make the introduction; null when nobody knows them yet. */
  by: string | null;
}

/** Everything a successor needs about one account, gathered once and rendered as Markdown or HTML. */
export interface HandoverPack {
  preparedOn: string;
  preparedBy: string;
  account: AccountView;
  goals: GoalView[];
  stakeholders: StakeholderView[];
  warnings: ConnectivityWarning[];
  introductions: WarmIntroduction[];
  latestRound: RoundDetail | null;
  rounds: RoundSummary[];
  precedents: DecisionView[];
  plannedWork: { startsAt: string; title: string; minutes: number; quadrant: string }[];
  agreedActions: { title: string; startsAt: string | null; round: string }[];
  time: AccountTime;
  reflections: { week: string; answers: Partial<Record<ReflectionPrompt, string>> }[];
}

/**
 * Warm introductions for a successor: everyone we know there, most influential first, with who on
 * our side can introduce them (the first owner by name), or nobody yet.
 */
export function introductionsOf(people: StakeholderView[]): WarmIntroduction[] {
  return [...people]
    .sort((a, b) => b.influence - a.influence || a.name.localeCompare(b.name))
    .map((p) => ({
      stakeholder: p.name,
      title: p.title,
      influence: p.influence,
      by: [...p.owners].sort((a, b) => a.name.localeCompare(b.name))[0]?.name ?? null,
    }));
}

export async function buildHandoverPack(
  db: Db,
  actor: Actor & { name: string },
  accountId: string,
  at = now(),
): Promise<HandoverPack> {
  const account = await getAccountView(db, actor, accountId);
  const goals = await listGoals(db, actor, accountId);
  const stakeholders = await listStakeholders(db, actor, accountId);
  const rounds = await listRounds(db, actor, accountId);
  const latestRound = rounds[0] ? await getRound(db, actor, rounds[0].id) : null;
  const precedents = (await listDecisions(db, actor, accountId)).filter(
    (d) => d.precedent && (d.status === 'active' || d.status === 'revisited'),
  );
  // Planned work is the asking person's own (activity titles are private to their author).
  const planned = await db
    .select()
    .from(activities)
    .where(
      and(
        ownActivities(actor),
        eq(activities.accountId, accountId),
        eq(activities.status, 'planned'),
        gt(activities.startsAt, at),
      ),
    )
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .limit(50);
  const agreedActions = (await accountAgreedActions(db, actor, accountId)).map(
    ({ title, startsAt, round }) => ({
      title,
      startsAt,
      round,
    }),
  );
  const time = await accountTime(db, actor, accountId);
  // The owner's reflections, only those they marked for handover packs.
  const shared = account.owner
    ? await db
        .select({ week: reflections.week, answers: reflections.answers })
        .from(reflections)
        .where(
          and(
            eq(reflections.workspaceId, actor.workspaceId),
            eq(reflections.userId, account.owner.id),
            eq(reflections.inHandover, true),
          ),
        )
        .orderBy(desc(reflections.week))
        .limit(REFLECTION_WEEKS)
    : [];
  return {
    preparedOn: dateIn(at, actor.timeZone),
    preparedBy: actor.name,
    account,
    goals,
    stakeholders,
    warnings: warningsOf(stakeholders),
    introductions: introductionsOf(stakeholders),
    latestRound,
    rounds,
    precedents,
    plannedWork: planned.map((a) => ({
      startsAt: a.startsAt.toISOString().slice(0, 16).replace('T', ' '),
      title: a.title,
      minutes: a.minutes,
      quadrant: quadrantOf(a),
    })),
    agreedActions,
    time,
    reflections: shared,
  };
}
