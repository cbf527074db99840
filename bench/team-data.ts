// The team bench's workspace: 600 people × 5 years on PostgreSQL (a team of 10 on PGlite), generated in
// SQL (INSERT … SELECT over generate_series) in time order, as a workspace's activities arrive.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createApiToken } from '../src/core/auth/tokens.ts';
import { SCORECARD_SUBJECTS } from '../src/core/db/schema/index.ts';
import type { Core } from '../src/core/index.ts';
import { currentWeek } from '../src/core/reports/week-report.ts';
import { shiftWeek } from '../src/core/time/weeks.ts';
import { buildPerson } from '../test/factories.ts';
import { time } from './stats.ts';

export const YEARS = 5;
export const ZONES = ['Europe/London', 'Europe/Berlin', 'America/New_York', 'Asia/Singapore'];

export interface Shape {
  label: string;
  /** Everyone in the workspace, the owner and the measured leader included. */
  people: number;
  /** The measured leader's reports (direct and through two sub-leaders). */
  team: number;
  /** Calendar days per generation statement (PostgreSQL runs two statements at a time). */
  chunkDays: number;
}

export const POSTGRES_SHAPE: Shape = { label: 'PostgreSQL', people: 600, team: 50, chunkDays: 92 };
export const PGLITE_SHAPE: Shape = { label: 'PGlite (in-process)', people: 30, team: 10, chunkDays: 2000 };

/** Runs plain SQL text: on PostgreSQL over dedicated connections (bulk-load settings), on PGlite directly. */
export interface Loader {
  /** Runs the statements one after the other on one connection. */
  run(...statements: string[]): Promise<void>;
  /** Runs each statement on its own connection, `parallel` at a time. */
  all(statements: string[]): Promise<void>;
  close(): Promise<void>;
}

// Bulk-load session settings: no FK triggers while loading (the data is consistent by construction),
// no wait for the WAL flush, memory for the index builds.
export const LOAD_SETTINGS = [
  "set session_replication_role = 'replica'",
  'set synchronous_commit = off',
  "set maintenance_work_mem = '512MB'",
];

export async function postgresLoader(url: string, parallel: number): Promise<Loader> {
  const clients = await Promise.all(
    Array.from({ length: parallel }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      for (const s of LOAD_SETTINGS) await client.query(s);
      return client;
    }),
  );
  const first = clients[0] as pg.Client;
  return {
    async run(...statements) {
      for (const s of statements) await first.query(s);
    },
    async all(statements) {
      const queue = [...statements];
      await Promise.all(
        clients.map(async (client) => {
          for (let s = queue.shift(); s !== undefined; s = queue.shift()) await client.query(s);
        }),
      );
    },
    async close() {
      await Promise.all(clients.map((c) => c.end()));
    },
  };
}

export async function pgliteLoader(core: Core): Promise<Loader> {
  const exec = (s: string) => core.db.execute(sql.raw(s)).then(() => {});
  for (const s of LOAD_SETTINGS) await exec(s);
  return {
    async run(...statements) {
      for (const s of statements) await exec(s);
    },
    async all(statements) {
      for (const s of statements) await exec(s);
    },
    async close() {
      await exec("set session_replication_role = 'origin'");
    },
  };
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
const list = (values: string[]) => values.map(literal).join(', ');

export interface Seeded {
  workspaceId: string;
  ownerToken: string;
  leaderToken: string;
  /** The leader's reports and their zones (for the bare queries). */
  team: { id: string; timeZone: string }[];
  everyone: { id: string; timeZone: string }[];
  activities: number;
  phases: [string, number][];
}

/**
 * The workspace: person 0 is the owner, 1 the measured leader (reporting to the owner) with
 * `team` reports — 2 sub-leaders (2, 3), direct members, and members under each sub-leader; then
 * other leaders (reporting to the owner) with the rest of the people; every 25th reports to the owner.
 */
export async function seed(core: Core, shape: Shape, loader: Loader): Promise<Seeded> {
  const phases: [string, number][] = [];
  const phase = async (name: string, fn: () => Promise<unknown>) => {
    phases.push([name, await time(fn)]);
  };
  const owner = await buildPerson(core, { workspace: 'Bench', name: 'Olga Owner', role: 'owner' });
  const leader = await buildPerson(core, { colleagueOf: owner, name: 'Lea Leader', role: 'leader' });
  const ws = literal(owner.actor.workspaceId);
  const { people: total, team } = shape;
  const perSub = Math.floor((team - 2) / 3);
  const direct = team - 2 - 2 * perSub;
  const otherLeaders = Math.max(1, Math.round((total - team - 2) / 55));
  const firstOther = team + 2;
  const firstMember = firstOther + otherLeaders;
  const id = (i: string) => `'bench-u-' || ${i}`;
  const zones = `(array[${list(ZONES)}])[1 + i % ${ZONES.length}]`;
  const today = new Date().toISOString().slice(0, 10);
  const week = shiftWeek(currentWeek(owner.actor.timeZone), -1);
  const recentWeeks = Array.from({ length: 4 }, (_, k) => shiftWeek(week, -k));

  await phase('people, accounts, stakeholders', () =>
    loader.run(
      'create table bench_people (i int primary key, id text not null, tz text not null)',
      `insert into bench_people values (0, ${literal(owner.me.id)}, ${literal(owner.actor.timeZone)}),
         (1, ${literal(leader.me.id)}, ${literal(leader.actor.timeZone)})`,
      `insert into bench_people select i, ${id('i')}, ${zones} from generate_series(2, ${total - 1}) i`,
      `update users set leader_id = ${literal(owner.me.id)} where id = ${literal(leader.me.id)}`,
      `insert into users (id, workspace_id, name, email, role, time_zone, leader_id, deactivated_at)
       select p.id, ${ws}, 'Person ' || lpad(p.i::text, 3, '0'), 'p' || p.i || '@bench.example',
              case when p.i in (2, 3) or p.i between ${firstOther} and ${firstMember - 1} then 'leader' else 'member' end,
              p.tz,
              case when p.i < ${4 + direct} then ${literal(leader.me.id)}
                   when p.i < ${4 + direct + perSub} then ${id('2')}
                   when p.i < ${firstOther} then ${id('3')}
                   when p.i < ${firstMember} or p.i % 25 = 0 then ${literal(owner.me.id)}
                   else ${id(`(${firstOther} + p.i % ${otherLeaders})`)} end,
              case when p.i = ${total - 1} then now() - interval '100 days' end
       from bench_people p where p.i >= 2`,
      // ~3 accounts per person, owned by them; a third have a colleague on their team.
      `insert into accounts (id, workspace_id, name, domains, tier, owner_id)
       select 'bench-a-' || j, ${ws}, 'Account ' || lpad(j::text, 4, '0'), array['c' || j || '.example'],
              (array['strategic', 'key', 'growth', 'maintain'])[1 + j % 4], p.id
       from generate_series(0, ${total * 3 - 1}) j join bench_people p on p.i = j / 3`,
      `insert into account_members (account_id, user_id, workspace_id)
       select 'bench-a-' || j, p.id, ${ws} from generate_series(0, ${total * 3 - 1}, 3) j
       join bench_people p on p.i = (j / 3 + 7) % ${total}`,
      // 4 stakeholders per account: three with an e-mail, influence 1–5, owned by the account's owner.
      `insert into stakeholders (id, workspace_id, account_id, name, email, function, level, buying_office, influence, strength)
       select 'bench-s-' || k, ${ws}, 'bench-a-' || (k / 4), 'Contact ' || k,
              case when k % 4 <> 3 then 's' || k || '@c' || (k / 4) || '.example' end,
              (array['executive', 'procurement', 'finance', 'operations', 'supply_chain', 'it'])[1 + k % 6],
              (array['executive', 'senior', 'operational'])[1 + k % 3],
              k % 4 = 2 and (k / 4) % 5 = 0, 1 + (k * 7 + k / 4) % 5, 1 + k % 5
       from generate_series(0, ${total * 12 - 1}) k`,
      `insert into stakeholder_owners (stakeholder_id, user_id, workspace_id)
       select s.id, a.owner_id, ${ws} from stakeholders s join accounts a on a.id = s.account_id
       where s.workspace_id = ${ws} and (s.id like '%0' or s.id like '%5') and a.id not like '%9'`,
    ),
  );

  // Working days over the years; each person skips ~12 % of them and ~5 % of the eight hourly slots.
  const insertActivities = (from: number, to: number) => `
    insert into activities (id, workspace_id, user_id, account_id, title, starts_at, ends_at, minutes,
                            time_zone, urgent, important, kind, recurring, attendees, excluded_reason,
                            classification, deleted_at)
    select 'b' || p.i || '-' || d.n || '-' || s, ${ws}, p.id,
           case when v.acc is not null then 'bench-a-' || v.acc end,
           'Bench activity', v.st, v.st + make_interval(mins => v.m), v.m, p.tz,
           v.q < 15 or v.q between 50 and 84, v.q < 50,
           case when v.acc is not null then 'customer_meeting' when v.q < 85 then 'internal_meeting' else 'admin_reporting' end,
           v.q between 50 and 84 and (h.x / 100000) % 3 = 0,
           case when v.acc is not null and (h.x / 1000000) % 2 = 0 then jsonb_build_array(
                  jsonb_build_object('email', 's' || (v.acc * 4 + (h.x / 7) % 3) || '@c' || v.acc || '.example',
                                     'name', null, 'partstat', 'ACCEPTED'),
                  jsonb_build_object('email', 'p' || p.i || '@bench.example', 'name', null, 'partstat', 'ACCEPTED'))
                else '[]'::jsonb end,
           case when (h.x / 7) % 100 = 0 then 'declined' end,
           case when (h.x / 11) % 100 = 1 then 'unclassified' else 'manual' end,
           case when (h.x / 13) % 200 = 0 then v.st + interval '1 day' end
    from bench_people p
    cross join bench_days d
    cross join generate_series(0, 7) s
    cross join lateral (select abs(hashint8((p.i::bigint << 24) + (d.n << 3) + s)::bigint) as x) h
    cross join lateral (
      select (30 + 15 * ((h.x / 1000) % 3))::int as m, (h.x / 10) % 100 as q,
             case when (h.x / 10000) % 100 < 45 then p.i * 3 + (h.x / 10000) % 3
                  when (h.x / 10000) % 100 < 50 then ((p.i + 1) % ${total}) * 3 + (h.x / 10000) % 3 end as acc,
             (d.day + time '08:00' + s * interval '1 hour') at time zone p.tz as st) v
    where d.n between ${from} and ${to} and h.x % 20 <> 0
      and abs(hashint8((p.i::bigint << 20) + d.n)) % 100 >= 12
    order by d.n, p.i, s`;

  // The big activity indexes are dropped for the load and built again from their own definitions.
  const indexes = (
    await core.db.execute<{ name: string; def: string }>(sql`
      select indexname as name, indexdef as def from pg_indexes
      where tablename = 'activities' and indexname in
        ('activities_user_starts_idx', 'activities_workspace_starts_idx', 'activities_account_idx')`)
  ).rows;
  // In time order, as a workspace's activities arrive (a day range per statement, everyone's days).
  const days = YEARS * 365 + 1;
  const chunks: string[] = [];
  for (let from = 0; from < days; from += shape.chunkDays) {
    chunks.push(insertActivities(from, Math.min(days, from + shape.chunkDays) - 1));
  }
  await phase(`activities (${chunks.length} statements)`, async () => {
    await loader.run(
      `create table bench_days as select (d::date - date '${today}' + ${YEARS * 365})::int as n, d::date as day
       from generate_series(date '${today}' - ${YEARS * 365}, date '${today}', interval '1 day') d
       where extract(isodow from d) < 6`,
      ...indexes.map((i) => `drop index ${i.name}`),
    );
    await loader.all(chunks);
  });
  await phase('activity indexes', () => loader.all(indexes.map((i) => i.def)));
  // The load ran without triggers (replica mode), so who attended what is written as migration 0019 does.
  await phase('attendances', () =>
    loader.run(
      `insert into attendances (activity_id, workspace_id, email, starts_at)
       select a.id, a.workspace_id, att->>'email', a.starts_at
       from activities a cross join lateral jsonb_array_elements(a.attendees) att
       where a.workspace_id = ${ws} and a.deleted_at is null and jsonb_typeof(a.attendees) = 'array'
         and a.attendees <> '[]'::jsonb and att->>'email' is not null`,
    ),
  );

  await phase('plans, reflections, decisions, scorecards', () =>
    loader.run(
      `insert into big_rocks (id, workspace_id, user_id, week, title, account_id, budget_minutes, status, position)
       select 'bench-r-' || p.i || '-' || w.week || '-' || r, ${ws}, p.id, w.week, 'Rock', 'bench-a-' || (p.i * 3 + r),
              60 * (1 + (p.i + r) % 4), (array['open', 'done', 'dropped'])[1 + (p.i + r) % 3], r
       from bench_people p cross join unnest(array[${list(recentWeeks)}]) w(week) cross join generate_series(0, 1) r`,
      `insert into reflections (id, workspace_id, user_id, week, answers)
       select 'bench-f-' || p.i || '-' || w.week, ${ws}, p.id, w.week,
              case when p.i % 3 = 0 then '{}'::jsonb else '{"win": "private text"}'::jsonb end
       from bench_people p cross join unnest(array[${list(recentWeeks)}]) w(week)`,
      `insert into decisions (id, workspace_id, account_id, title, decided_on, review_by, status, created_by)
       select 'bench-d-' || j, ${ws}, 'bench-a-' || j, 'Decision', date '${today}' - 200,
              date '${today}' + (j % 60) - 30, (array['active', 'revisited', 'retired'])[1 + j % 3], a.owner_id
       from generate_series(0, ${total * 3 - 1}, 5) j join accounts a on a.id = 'bench-a-' || j`,
      `insert into scorecard_rounds (id, workspace_id, account_id, name, created_by, created_at)
       select 'bench-sc-' || j, ${ws}, 'bench-a-' || j, 'Round', a.owner_id, now() - (j % 200) * interval '1 day'
       from generate_series(0, ${total * 3 - 1}, 4) j join accounts a on a.id = 'bench-a-' || j`,
      `insert into scorecard_ratings (id, workspace_id, round_id, side, user_id, rater_name)
       select r.id || '-' || side, ${ws}, r.id, side, case when side = 'us' then r.created_by end,
              case when side = 'them' then 'Customer rater' end
       from scorecard_rounds r cross join unnest(array['us', 'them']) side where r.workspace_id = ${ws}`,
      `insert into scorecard_scores (rating_id, target, subject, score)
       select g.id, t.target, s.subject, 1 + abs(hashtext(g.id || t.target || s.subject)) % 5
       from scorecard_ratings g cross join unnest(array['us', 'them']) t(target)
       cross join unnest(array[${list([...SCORECARD_SUBJECTS])}]) s(subject) where g.workspace_id = ${ws}`,
      `insert into inheritance_reviews (id, workspace_id, account_id, from_user_id, to_user_id)
       select 'bench-i-' || j, ${ws}, 'bench-a-' || j, null, a.owner_id
       from generate_series(0, ${total * 3 - 1}, 50) j join accounts a on a.id = 'bench-a-' || j`,
    ),
  );
  const members = (
    await core.db.execute<{ i: number; id: string; tz: string }>(
      sql.raw('select i, id, tz from bench_people'),
    )
  ).rows;
  await loader.run('drop table bench_people', 'drop table bench_days');
  await phase('analyze', () => loader.run('analyze'));
  const [{ count } = { count: 0 }] = (
    await core.db.execute<{ count: number }>(sql`select count(*)::int as count from activities`)
  ).rows;
  return {
    workspaceId: owner.actor.workspaceId,
    ownerToken: await createApiToken(core.db, owner.email),
    leaderToken: await createApiToken(core.db, leader.email),
    team: members.filter((m) => m.i >= 2 && m.i < firstOther).map((m) => ({ id: m.id, timeZone: m.tz })),
    everyone: members.map((m) => ({ id: m.id, timeZone: m.tz })),
    activities: count,
    phases,
  };
}
