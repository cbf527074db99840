import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { Actor } from '../auth/actor.ts';
import type { Tx } from '../db/client.ts';
import { decisions, timeDecisions } from '../db/schema/index.ts';

/**
 * A few decisions in the log and a time drain with a follow-up, dated from the demo's today, so the
 * decision log, the due list, the bell and the calendar feed have something real on day one.
 */
export async function seedDecisions(
  tx: Tx,
  actor: Actor,
  accountIdOf: (name: string) => string,
  at: DateTime,
) {
  const day = (offset: number) => at.setZone(actor.timeZone).plus({ days: offset }).toISODate() as string;
  const entry = (account: string, fields: Partial<typeof decisions.$inferInsert>) => ({
    id: randomUUID(),
    workspaceId: actor.workspaceId,
    accountId: accountIdOf(account),
    createdBy: actor.userId,
    title: '',
    decidedOn: day(-40),
    ...fields,
  });
  await tx.insert(decisions).values([
    entry('Northwind Foods', {
      title: 'Free express delivery on rush orders',
      context: 'A stock-out before the autumn promotion; their buyer asked on a Friday afternoon.',
      agreedByUs: 'Me and our logistics lead',
      agreedByThem: 'Head of buying',
      urgent: true,
      precedent: true,
      scope: 'Rush orders below the minimum quantity, until the end of the promotion',
      reviewBy: day(0),
    }),
    entry('Contoso Retail', {
      title: 'Quarterly business reviews at their head office',
      context: 'Their new category director wants the whole buying team in the room.',
      agreedByUs: 'Me',
      agreedByThem: 'Category director',
      precedent: true,
      scope: 'Every quarterly review from now on',
      decidedOn: day(-20),
      reviewBy: day(4),
    }),
    entry('Fabrikam Logistics', {
      title: 'Shared forecast file instead of weekly calls',
      decidedOn: day(-60),
      reviewBy: day(75),
    }),
  ]);
  await tx.insert(timeDecisions).values({
    id: randomUUID(),
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    quadrant: 'q3',
    seriesKey: 'forecast call with sales operations',
    title: 'Forecast call with sales operations',
    decision: 'delegate',
    delegateTo: 'Our inside sales lead',
    followUp: day(0),
  });
}
