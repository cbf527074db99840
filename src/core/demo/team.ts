import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Actor } from '../auth/actor.ts';
import { digest, newSecret } from '../auth/secrets.ts';
import type { Tx } from '../db/client.ts';
import { invitations, type Role, users } from '../db/schema/index.ts';
import { now } from '../time/clock.ts';
import { daysFromNow } from '../time/weeks.ts';

/** The demo's colleagues: a Sales Leader and the Customer Managers around the person trying it. */
const DEMO_TEAM: { name: string; role: Role; reportsTo: 'owner' | 'leader'; activeDaysAgo: number | null }[] =
  [
    { name: 'Priya Natarajan', role: 'leader', reportsTo: 'owner', activeDaysAgo: 0 },
    { name: 'Marcus Webb', role: 'member', reportsTo: 'leader', activeDaysAgo: 1 },
    { name: 'Sofia Lindqvist', role: 'member', reportsTo: 'leader', activeDaysAgo: 3 },
    { name: 'Daniel Okoro', role: 'member', reportsTo: 'owner', activeDaysAgo: null },
  ];

/**
 * When the workspace's owner is alone in it, the demo brings a small team (people who cannot sign
 * in: no password is set) and one open invitation, so People and reporting lines show something real.
 * Addresses use the reserved .invalid domain, one per workspace, so they never reach anyone.
 */
export async function seedDemoTeam(tx: Tx, actor: Actor): Promise<number> {
  if (actor.role !== 'owner') return 0;
  const [{ people } = { people: 0 }] = await tx
    .select({ people: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(users.workspaceId, actor.workspaceId));
  if (people > 1) return 0;
  const domain = `demo-${actor.workspaceId.slice(0, 8)}.invalid`;
  const addressOf = (name: string) => `${name.toLowerCase().replace(/\s+/g, '.')}@${domain}`;
  const leaderId = randomUUID();
  await tx.insert(users).values(
    DEMO_TEAM.map((person, i) => ({
      id: person.role === 'leader' ? leaderId : randomUUID(),
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
  return DEMO_TEAM.length;
}
