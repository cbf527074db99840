import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { quadrantOf } from '../activities/quadrant.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { countedTime } from '../reports/counted.ts';
import { now } from '../time/clock.ts';
import type { AccountTime } from './schemas.ts';
import { getAccountView } from './service.ts';

export const ACCOUNT_TIME_MONTHS = 12;

/**
 * Minutes invested per calendar month (in the actor's zone) and quadrant on one account, the
 * current month last; planned time still ahead is not invested yet. Time is an aggregate: the account's owner, team and leaders see everyone's ("team");
 * anyone else sees only their own ("mine"), as activities stay private to their author.
 */
export async function accountTime(db: Db, actor: Actor, accountId: string): Promise<AccountTime> {
  const account = await getAccountView(db, actor, accountId);
  const scope = account.canEdit ? 'team' : 'mine';
  const end = DateTime.fromJSDate(now()).setZone(actor.timeZone).startOf('month').plus({ months: 1 });
  const start = end.minus({ months: ACCOUNT_TIME_MONTHS });
  const labels = Array.from({ length: ACCOUNT_TIME_MONTHS }, (_, i) =>
    start.plus({ months: i }).toFormat('yyyy-MM'),
  );

  const result = await db.execute<{
    month: string;
    urgent: boolean;
    important: boolean;
    minutes: number;
  }>(sql`
    select to_char(date_trunc('month', a.starts_at at time zone ${actor.timeZone}), 'YYYY-MM') as month,
           a.urgent, a.important, sum(a.minutes)::int as minutes
    from activities a
    where a.workspace_id = ${actor.workspaceId} and a.account_id = ${accountId} and ${countedTime('a')}
      ${scope === 'mine' ? sql`and a.user_id = ${actor.userId}` : sql``}
      and a.starts_at >= ${start.toJSDate().toISOString()}::timestamptz
      and a.starts_at < least(${end.toJSDate().toISOString()}::timestamptz, ${now().toISOString()}::timestamptz)
    group by 1, 2, 3`);

  const months = labels.map((month) => ({ month, q1: 0, q2: 0, q3: 0, q4: 0 }));
  let totalMinutes = 0;
  for (const row of result.rows) {
    const bucket = months.find((m) => m.month === row.month);
    if (!bucket) continue;
    bucket[quadrantOf(row)] += row.minutes;
    totalMinutes += row.minutes;
  }
  return { scope, months, totalMinutes };
}
