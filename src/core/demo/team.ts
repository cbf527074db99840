import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Quadrant } from '../activities/quadrant.ts';
import type { Actor } from '../auth/actor.ts';
import { digest, newSecret } from '../auth/secrets.ts';
import type { Tx } from '../db/client.ts';
import { bigRocks, invitations, type Role, reflections, users } from '../db/schema/index.ts';
import { now } from '../time/clock.ts';
import { daysFromNow, shiftWeek, weekOf } from '../time/weeks.ts';

/**
 * The demo's colleagues: a Sales Leader and the Customer Managers around the person trying it, each
 * with their own 12 weeks (a firefighter, a strategist, a leader in meetings) so the team page has
 * something to compare. Some planned this week's Q2 and reflected on it.
 */
const DEMO_TEAM: {
  name: string;
  role: Role;
  reportsTo: 'owner' | 'leader';
  activeDaysAgo: number | null;
  seed: number;
  tilt: QuadrantTilt;
  plannedQ2Hours: number;
  reflects: boolean;
}[] = [
  {
    name: 'Priya Natarajan',
    role: 'leader',
    reportsTo: 'owner',
    activeDaysAgo: 0,
    seed: 101,
    tilt: { q3: 0.12, q4: -0.08 },
    plannedQ2Hours: 6,
    reflects: true,
  },
  {
    name: 'Marcus Webb',
    role: 'member',
    reportsTo: 'leader',
    activeDaysAgo: 1,
    seed: 202,
    tilt: { q1: 0.2, q2: -0.1 },
    plannedQ2Hours: 4,
    reflects: false,
  },
  {
    name: 'Sofia Lindqvist',
    role: 'member',
    reportsTo: 'leader',
    activeDaysAgo: 3,
    seed: 303,
    tilt: { q2: 0.14, q3: -0.12 },
    plannedQ2Hours: 12,
    reflects: true,
  },
  {
    name: 'Daniel Okoro',
    role: 'member',
    reportsTo: 'owner',
    activeDaysAgo: null,
    seed: 404,
    tilt: { q4: 0.1 },
    plannedQ2Hours: 0,
    reflects: false,
  },
];

/** How one demo person's weeks lean away from the story's average, per quadrant weight. */
export type QuadrantTilt = Partial<Record<Quadrant, number>>;

export interface DemoColleague {
  userId: string;
  timeZone: string;
  seed: number;
  tilt: QuadrantTilt;
}

/**
 * When the workspace's owner is alone in it, the demo brings a small team (people who cannot sign
 * in: no password is set) and one open invitation, so People and reporting lines show something real.
 * Addresses use the reserved .invalid domain, one per workspace, so they never reach anyone.
 */
export async function seedDemoTeam(tx: Tx, actor: Actor, at: DateTime): Promise<DemoColleague[]> {
  if (actor.role !== 'owner') return [];
  const [{ people } = { people: 0 }] = await tx
    .select({ people: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(users.workspaceId, actor.workspaceId));
  if (people > 1) return [];
  const domain = `demo-${actor.workspaceId.slice(0, 8)}.invalid`;
  const addressOf = (name: string) => `${name.toLowerCase().replace(/\s+/g, '.')}@${domain}`;
  const leaderId = randomUUID();
  const ids = DEMO_TEAM.map((person) => (person.role === 'leader' ? leaderId : randomUUID()));
  await tx.insert(users).values(
    DEMO_TEAM.map((person, i) => ({
      id: ids[i] as string,
      workspaceId: actor.workspaceId,
      name: person.name,
      email: addressOf(person.name),
      role: person.role,
      timeZone: actor.timeZone,
      leaderId: person.reportsTo === 'leader' ? leaderId : actor.userId,
      lastActiveAt:
        person.activeDaysAgo === null
          ? null
          : DateTime.fromJSDate(now(), { zone: actor.timeZone })
              .minus({ days: person.activeDaysAgo, hours: i })
              .toJSDate(),
    })),
  );
  await tx.insert(invitations).values({
    id: randomUUID(),
    workspaceId: actor.workspaceId,
    email: addressOf('Hannah Berg'),
    role: 'member',
    leaderId,
    tokenHash: digest(newSecret()),
    invitedBy: actor.userId,
    expiresAt: daysFromNow(5, actor.timeZone),
  });
  const week = weekOf(at.toJSDate(), actor.timeZone);
  const planners = DEMO_TEAM.flatMap((person, i) =>
    person.plannedQ2Hours ? [{ person, id: ids[i] as string }] : [],
  );
  await tx.insert(bigRocks).values(
    planners.map(({ person, id }) => ({
      id: randomUUID(),
      workspaceId: actor.workspaceId,
      userId: id,
      week,
      title: 'Account legacy plan',
      budgetMinutes: person.plannedQ2Hours * 60,
    })),
  );
  const reflecting = DEMO_TEAM.flatMap((person, i) => (person.reflects ? [ids[i] as string] : []));
  await tx.insert(reflections).values(
    reflecting.flatMap((userId) =>
      [week, shiftWeek(week, -1)].map((w) => ({
        id: randomUUID(),
        workspaceId: actor.workspaceId,
        userId,
        week: w,
        answers: { step_out: 'Stepped back from the day-to-day to plan the next quarter.' },
      })),
    ),
  );
  return DEMO_TEAM.map((person, i) => ({
    userId: ids[i] as string,
    timeZone: actor.timeZone,
    seed: person.seed,
    tilt: person.tilt,
  }));
}
