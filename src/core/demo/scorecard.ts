import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { digest, newSecret } from '../auth/secrets.ts';
import type { Tx } from '../db/client.ts';
import {
  type ScorecardSide,
  type ScorecardSubject,
  scorecardInvitations,
  scorecardRatings,
  scorecardRounds,
  scorecardScores,
} from '../db/schema/index.ts';
import { now } from '../time/clock.ts';
import { daysFromNow } from '../time/weeks.ts';

type Answers = Partial<Record<ScorecardSubject, number>>;

/** Last quarter's round at Northwind: we think better of our connectivity than their buyer does. */
const DEMO_ROUND = {
  name: 'Q4 2026',
  ours: {
    us: { trading: 4, credibility: 4, connectivity: 5, collaboration: 4, opportunity: 3, investment: 4 },
    them: { trading: 3, credibility: 3, connectivity: 3, collaboration: 4, opportunity: 4, investment: 2 },
  },
  theirs: {
    us: { trading: 3, credibility: 3, connectivity: 2, collaboration: 4, opportunity: 3, investment: 3 },
    them: { trading: 4, credibility: 3, connectivity: 3, collaboration: 3, opportunity: 2, investment: 2 },
  },
  evidence: {
    subject: 'connectivity' as const,
    text: 'We only ever meet procurement and the supply-chain team',
  },
};

const rows = (ratingId: string, answers: Record<ScorecardSide, Answers>) =>
  (['us', 'them'] as const).flatMap((target) =>
    Object.entries(answers[target]).map(([subject, score]) => ({
      ratingId,
      target,
      subject: subject as ScorecardSubject,
      score: score as number,
      evidence: null as string | null,
    })),
  );

/** One rated round on the account unless it has rounds already: ours and a customer's answers. */
export async function seedScorecard(tx: Tx, actor: Actor, accountId: string): Promise<void> {
  const [existing] = await tx
    .select({ id: scorecardRounds.id })
    .from(scorecardRounds)
    .where(eq(scorecardRounds.accountId, accountId))
    .limit(1);
  if (existing) return;
  const roundId = randomUUID();
  await tx.insert(scorecardRounds).values({
    id: roundId,
    workspaceId: actor.workspaceId,
    accountId,
    name: DEMO_ROUND.name,
    createdBy: actor.userId,
  });
  const invitationId = randomUUID();
  await tx.insert(scorecardInvitations).values({
    id: invitationId,
    workspaceId: actor.workspaceId,
    roundId,
    tokenHash: digest(newSecret()),
    label: 'Tom Becker, Head of Procurement',
    expiresAt: daysFromNow(21, actor.timeZone),
    usedAt: now(),
    createdBy: actor.userId,
  });
  const ours = randomUUID();
  const theirs = randomUUID();
  await tx.insert(scorecardRatings).values([
    { id: ours, workspaceId: actor.workspaceId, roundId, side: 'us', userId: actor.userId },
    {
      id: theirs,
      workspaceId: actor.workspaceId,
      roundId,
      side: 'them',
      invitationId,
      raterName: 'Tom Becker',
    },
  ]);
  const scores = [...rows(ours, DEMO_ROUND.ours), ...rows(theirs, DEMO_ROUND.theirs)];
  const evidence = scores.find(
    (s) => s.ratingId === theirs && s.target === 'us' && s.subject === DEMO_ROUND.evidence.subject,
  );
  if (evidence) evidence.evidence = DEMO_ROUND.evidence.text;
  await tx.insert(scorecardScores).values(scores);
}
