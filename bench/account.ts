import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getAccountView } from '../src/core/accounts/service.ts';
import { accountTime } from '../src/core/accounts/time.ts';
import { listActivities } from '../src/core/activities/service.ts';
import {
  accounts,
  activities,
  GOAL_DIMENSIONS,
  legacyGoals,
  stakeholderOwners,
  stakeholders,
} from '../src/core/db/schema/index.ts';
import type { Core } from '../src/core/index.ts';
import { listGoals } from '../src/core/legacy/service.ts';
import { connectivityOf } from '../src/core/stakeholders/connectivity.ts';
import { listStakeholders } from '../src/core/stakeholders/service.ts';
import { buildPerson } from '../test/factories.ts';
import { againstBaseline, onEachDatabase, printTable, rounds } from './stats.ts';

const STAKEHOLDERS = 500;
const ACTIVITIES = 20_000;
const RUNS = 30;
const FUNCTIONS = ['executive', 'procurement', 'finance', 'operations', 'supply_chain', 'it'] as const;
const LEVELS = ['executive', 'senior', 'operational'] as const;

async function seed(core: Core) {
  const { actor } = await buildPerson(core, { workspace: 'Bench', name: 'Bench', timeZone: 'Europe/London' });
  const accountId = randomUUID();
  await core.db
    .insert(accounts)
    .values({ id: accountId, workspaceId: actor.workspaceId, name: 'Globex', domains: ['globex.example'] });
  const people = Array.from({ length: STAKEHOLDERS }, (_, i) => ({
    id: randomUUID(),
    workspaceId: actor.workspaceId,
    accountId,
    name: `Person ${i}`,
    email: `person${i}@globex.example`,
    function: FUNCTIONS[i % FUNCTIONS.length] ?? ('other' as const),
    level: LEVELS[i % LEVELS.length] ?? 'operational',
    strength: i % 6,
  }));
  const goalIds = Array.from({ length: 6 }, () => randomUUID());
  await core.db.insert(legacyGoals).values(
    goalIds.map((id, i) => ({
      id,
      workspaceId: actor.workspaceId,
      accountId,
      dimension: GOAL_DIMENSIONS[i] ?? 'commercial',
      title: `Goal ${i}`,
    })),
  );
  for (let i = 0; i < people.length; i += 250)
    await core.db.insert(stakeholders).values(people.slice(i, i + 250));
  await core.db
    .insert(stakeholderOwners)
    .values(
      people.map((p) => ({ stakeholderId: p.id, userId: actor.userId, workspaceId: actor.workspaceId })),
    );
  const start = Date.parse('2025-11-23T09:00:00Z');
  const rows = Array.from({ length: ACTIVITIES }, (_, i) => {
    const startsAt = new Date(start + i * 26 * 60_000);
    return {
      id: randomUUID(),
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      accountId,
      goalId: i % 3 === 0 ? (goalIds[i % goalIds.length] ?? null) : null,
      title: `Meeting ${i}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      minutes: 30,
      timeZone: 'Europe/London',
      urgent: false,
      important: true,
      attendees: [
        { email: `person${(i * 7) % (STAKEHOLDERS * 2)}@globex.example`, name: null, partstat: 'ACCEPTED' },
        { email: 'colleague@acme.example', name: null, partstat: 'ACCEPTED' },
      ],
    };
  });
  for (let i = 0; i < rows.length; i += 1000)
    await core.db.insert(activities).values(rows.slice(i, i + 1000));
  await core.db.execute(sql`analyze`);
  return { actor, accountId };
}

async function measure(label: string, core: Core) {
  const { actor, accountId } = await seed(core);
  // Everything the account page asks for, as the API computes it.
  const page = async () => {
    await getAccountView(core.db, actor, accountId);
    connectivityOf(await listStakeholders(core.db, actor, accountId), { timeZone: actor.timeZone });
    await accountTime(core.db, actor, accountId);
    await listGoals(core.db, actor, accountId);
    await listActivities(core.db, actor, { accountId, order: 'desc', limit: 8 });
  };
  // The same data, as bare SQL: stakeholders, last contacts, months, goal sums, latest activities.
  const bare = async () => {
    await core.db.execute(sql`select * from accounts where id = ${accountId}`);
    await core.db.execute(sql`
      select date_trunc('month', starts_at), urgent, important, sum(minutes) from activities
      where account_id = ${accountId} and deleted_at is null and starts_at >= now() - interval '12 months'
      group by 1, 2, 3`);
    await core.db.execute(sql`
      select goal_id, sum(minutes), count(*), max(starts_at) from activities
      where goal_id in (select id from legacy_goals where account_id = ${accountId}) and deleted_at is null
      group by 1`);
    await core.db.execute(sql`
      select * from activities where account_id = ${accountId} and user_id = ${actor.userId} and deleted_at is null
      order by starts_at desc limit 9`);
    await core.db.execute(
      sql`select * from stakeholders where workspace_id = ${actor.workspaceId} and account_id = ${accountId}`,
    );
    await core.db.execute(sql`
      select s.email, (select max(t.starts_at) from attendances t
                       where t.workspace_id = ${actor.workspaceId} and t.email = s.email and t.starts_at <= now())
      from stakeholders s where s.account_id = ${accountId} and s.email is not null`);
  };
  const t = await againstBaseline({ warmUps: rounds(3), runs: rounds(RUNS) }, page, bare);
  return [label, t.median.toFixed(1), t.p95.toFixed(1), t.bareMedian.toFixed(1), t.ratio.toFixed(2)];
}

export async function run() {
  const rows = await onEachDatabase(measure);
  printTable(
    `Account page data (account, stakeholders, connectivity, 12-month time, goals, recent): ${STAKEHOLDERS} stakeholders, ${ACTIVITIES} activities, ${RUNS} runs`,
    ['database', 'median ms', 'p95 ms', 'bare queries median ms', 'ratio'],
    rows,
  );
}
