import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { accounts, scorecardRounds, users } from '../db/schema/index.ts';
import { notify } from '../notifications/service.ts';

/**
 * Tells those waiting for a customer's answer that it came: the round's creator, the account's
 * owner and whoever sent the link (each once, and only while active), in the rating's transaction.
 */
export async function noticeCustomerRated(
  tx: Tx,
  rating: {
    id: string;
    workspaceId: string;
    roundId: string;
    raterName: string | null;
    linkSentBy: string | null;
  },
): Promise<void> {
  const [round] = await tx
    .select({
      name: scorecardRounds.name,
      createdBy: scorecardRounds.createdBy,
      account: accounts.name,
      ownerId: accounts.ownerId,
    })
    .from(scorecardRounds)
    .innerJoin(accounts, eq(accounts.id, scorecardRounds.accountId))
    .where(eq(scorecardRounds.id, rating.roundId));
  if (!round) return;
  const wanted = [round.createdBy, round.ownerId, rating.linkSentBy].filter((id): id is string => !!id);
  if (wanted.length === 0) return;
  const people = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.workspaceId, rating.workspaceId),
        inArray(users.id, [...new Set(wanted)]),
        isNull(users.deactivatedAt),
      ),
    );
  const notice = {
    kind: 'customer_rated' as const,
    key: `customer_rated:${rating.id}`,
    title: `${rating.raterName ?? 'A customer'} rated ${round.name} (${round.account})`,
    url: `/#/scorecard/${rating.roundId}`,
  };
  for (const person of people) {
    await notify(tx, { userId: person.id, workspaceId: rating.workspaceId }, [notice]);
  }
}
