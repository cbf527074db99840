// The team page (GET /api/team) on a large workspace: 600 people × 5 years (~5 million activities)
// on PostgreSQL with a leader of 50, and a team of 10 × 5 years on PGlite. The data is generated in
// SQL (INSERT … SELECT over generate_series); the API is called in-process (createApp().request)
// and compared with the bare SQL aggregates of the same figures, measured in the same run.
import { sql } from 'drizzle-orm';
import { valueList } from '../src/core/db/sql.ts';
import { type Core, createCore } from '../src/core/index.ts';
import { currentWeek } from '../src/core/reports/week-report.ts';
import { spanOf, trendWeeks } from '../src/core/team/figures.ts';
import { shiftWeek, startOfLastDays } from '../src/core/time/weeks.ts';
import { createApp } from '../src/server/app.ts';
import { createScratchDatabase } from '../test/postgres.ts';
import { againstBaseline, benchDatabaseUrl, printTable, rounds } from './stats.ts';
import {
  type Loader,
  PGLITE_SHAPE,
  POSTGRES_SHAPE,
  pgliteLoader,
  postgresLoader,
  type Seeded,
  type Shape,
  seed,
  YEARS,
} from './team-data.ts';

const RUNS = 20;
const WARM_UPS = 2;
const GOAL_MS = 150;

/**
 * The same figures as bare SQL, as few round trips as they allow: the time per person, week (in
 * their zone) and quadrant and per account; the team's accounts; then, for those accounts, the
 * stakeholders, the recent contacts, the latest rounds with their scores, decisions due and open
 * reviews — the minimal queries a hand-written page would run, without the API's assembly.
 */
function bareQueries(core: Core, workspaceId: string, week: string, people: Seeded['team'], owner: boolean) {
  const { from, to } = spanOf(
    people.map((p) => ({ ...p, name: '', targets: null, deactivatedAt: null })),
    trendWeeks(week),
  );
  const ids = valueList(people.map((p) => p.id));
  const where = sql`a.workspace_id = ${workspaceId} and a.user_id in (${ids})
    and a.deleted_at is null and a.excluded_reason is null and a.classification <> 'unclassified'
    and a.starts_at >= ${from.toISOString()}::timestamptz and a.starts_at < ${to.toISOString()}::timestamptz`;
  const ws = workspaceId;
  return async () => {
    const [, , accounts] = await Promise.all([
      core.db.execute(sql`
        select a.user_id, date_trunc('week', a.starts_at at time zone u.time_zone) as week,
               a.urgent, a.important, sum(a.minutes)::int as minutes
        from activities a join users u on u.id = a.user_id where ${where} group by 1, 2, 3, 4`),
      core.db.execute(sql`
        select a.account_id, a.urgent, a.important, sum(a.minutes)::int as minutes
        from activities a where ${where} and a.account_id is not null group by 1, 2, 3`),
      core.db.execute<{ id: string }>(sql`
        select id from accounts where workspace_id = ${ws} and archived_at is null
          ${owner ? sql`` : sql`and owner_id in (${ids})`}`),
    ]);
    const accountIds = valueList(accounts.rows.map((a) => a.id));
    const [, , , rounds] = await Promise.all([
      core.db.execute(sql`
        select s.account_id, s.email, s.influence, s.buying_office, o.user_id
        from stakeholders s left join stakeholder_owners o on o.stakeholder_id = s.id
        where s.workspace_id = ${ws} and s.account_id in (${accountIds})`),
      core.db.execute(sql`
        select distinct att->>'email' from activities a cross join lateral jsonb_array_elements(a.attendees) att
        where a.account_id in (${accountIds}) and a.deleted_at is null
          and a.starts_at >= ${startOfLastDays(60, 'Europe/London').toISOString()}::timestamptz`),
      core.db.execute(sql`
        select account_id, count(*) from decisions where workspace_id = ${ws} and account_id in (${accountIds})
          and status in ('active', 'revisited') and review_by <= current_date group by 1`),
      core.db.execute<{ id: string }>(sql`
        select distinct on (account_id) id from scorecard_rounds
        where workspace_id = ${ws} and account_id in (${accountIds}) order by account_id, created_at desc`),
      core.db.execute(sql`
        select account_id, count(*) from inheritance_reviews where workspace_id = ${ws}
          and account_id in (${accountIds}) and completed_at is null group by 1`),
    ]);
    if (rounds.rows.length === 0) return;
    await core.db.execute(sql`
      select r.round_id, r.side, s.target, s.subject, avg(s.score) from scorecard_scores s
      join scorecard_ratings r on r.id = s.rating_id
      where r.round_id in (${valueList(rounds.rows.map((r) => r.id))}) group by 1, 2, 3, 4`);
  };
}

interface Captured {
  text: string;
  values: unknown[];
}

/** Every statement the app sends while `fn` runs (the driver's `query`, wrapped for the time being). */
async function capture(core: Core, fn: () => Promise<unknown>): Promise<Captured[]> {
  const client = (core.db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } })
    .$client;
  const original = client.query;
  const seen: Captured[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    const text = typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '');
    const values =
      (Array.isArray(second) ? second : (first as { values?: unknown[] })?.values) ?? ([] as unknown[]);
    seen.push({ text, values });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    client.query = original;
  }
  return seen;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): string[] {
  const on = node['Index Name'] ?? node['Relation Name'];
  const rows =
    node['Actual Rows'] !== undefined ? ` ${node['Actual Rows'] * (node['Actual Loops'] ?? 1)}r` : '';
  const here = /Scan/.test(node['Node Type']) && on ? `${node['Node Type']} ${on}${rows}` : node['Node Type'];
  return [here, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** EXPLAIN (ANALYZE, BUFFERS) of the app's read statements: time, buffers and the plan's node types. */
async function explainAll(core: Core, statements: Captured[]) {
  const client = (core.db as unknown as { $client: { query: (t: string, v: unknown[]) => Promise<unknown> } })
    .$client;
  const rows: (string | number)[][] = [];
  for (const s of statements) {
    if (!/^\s*(select|with)\b/i.test(s.text)) continue;
    const answer = (await client.query(`explain (analyze, buffers, format json) ${s.text}`, s.values)) as {
      rows: Record<string, unknown>[];
    };
    const cell = Object.values(answer.rows[0] ?? {})[0];
    const [plan] = (typeof cell === 'string' ? JSON.parse(cell) : cell) as [
      {
        Plan: PlanNode & { 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number };
        'Execution Time': number;
      },
    ];
    const blocks = (plan.Plan['Shared Hit Blocks'] ?? 0) + (plan.Plan['Shared Read Blocks'] ?? 0);
    rows.push([
      s.text.replace(/\s+/g, ' ').trim().slice(0, 70),
      plan['Execution Time'].toFixed(1),
      blocks,
      planNodes(plan.Plan)
        .filter((n, i, all) => all.indexOf(n) === i)
        .join(' > '),
    ]);
  }
  return rows.sort((a, b) => Number(b[1]) - Number(a[1]));
}

async function measure(shape: Shape, core: Core, loader: Loader) {
  const started = performance.now();
  const seeded = await seed(core, shape, loader);
  await loader.close();
  const generation = performance.now() - started;
  printTable(
    `${shape.label}: ${shape.people} people, ${seeded.activities.toLocaleString('en')} activities over ${YEARS} years, generated in ${(generation / 1000).toFixed(1)} s`,
    ['phase', 's'],
    seeded.phases.map(([name, ms]) => [name, (ms / 1000).toFixed(1)]),
  );

  const app = createApp(core);
  const week = shiftWeek(currentWeek('Europe/London'), -1);
  const page = (token: string) => async () => {
    const response = await app.request(`/api/team?week=${week}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 200)
      throw new Error(`GET /api/team: ${response.status} ${await response.text()}`);
    return (await response.json()) as { people: unknown[]; accounts: unknown[] };
  };
  const views = [
    {
      name: `leader of ${shape.team}`,
      call: page(seeded.leaderToken),
      bare: bareQueries(core, seeded.workspaceId, week, seeded.team, false),
    },
    {
      name: `owner, whole workspace (${shape.people})`,
      call: page(seeded.ownerToken),
      bare: bareQueries(core, seeded.workspaceId, week, seeded.everyone, true),
    },
  ];
  const rows: (string | number)[][] = [];
  const plans: [string, (string | number)[][]][] = [];
  for (const view of views) {
    const answer = await view.call();
    const t = await againstBaseline({ warmUps: rounds(WARM_UPS), runs: rounds(RUNS) }, view.call, view.bare);
    rows.push([
      shape.label,
      view.name,
      answer.people.length,
      answer.accounts.length,
      t.median.toFixed(1),
      t.p95.toFixed(1),
      t.bareMedian.toFixed(1),
      t.bareP95.toFixed(1),
      t.ratio.toFixed(2),
    ]);
    plans.push([view.name, await explainAll(core, await capture(core, view.call))]);
  }
  for (const [name, rowsOf] of plans) {
    printTable(
      `${shape.label}, ${name}: EXPLAIN (ANALYZE, BUFFERS) of each read the API made, slowest first`,
      ['statement', 'exec ms', 'buffers', 'plan nodes (r: actual rows)'],
      rowsOf,
    );
  }
  return rows;
}

/** BENCH_TEAM_ENGINES=postgres or =pglite measures one engine only (default: both). */
const engines = (process.env.BENCH_TEAM_ENGINES ?? 'postgres,pglite').split(',');

async function onPostgres(): Promise<(string | number)[][]> {
  const url = benchDatabaseUrl() ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = await createScratchDatabase(url, { prefix: 'linchpin_bench_team' });
  try {
    const core = await createCore({ databaseUrl: scratch.url });
    try {
      return await measure(POSTGRES_SHAPE, core, await postgresLoader(scratch.url, 2));
    } finally {
      await core.close();
    }
  } finally {
    // BENCH_TEAM_KEEP=1 keeps the database for EXPLAIN by hand (drop it afterwards).
    if (process.env.BENCH_TEAM_KEEP) console.log(`\nkept ${scratch.url}`);
    else await scratch.drop();
  }
}

async function onPglite(): Promise<(string | number)[][]> {
  const core = await createCore({});
  try {
    return await measure(PGLITE_SHAPE, core, await pgliteLoader(core));
  } finally {
    await core.close();
  }
}

export async function run() {
  const rows: (string | number)[][] = [];
  if (engines.includes('postgres')) rows.push(...(await onPostgres()));
  if (engines.includes('pglite')) rows.push(...(await onPglite()));
  printTable(
    `GET /api/team for the previous ISO week, ${RUNS} runs after ${WARM_UPS} warm-ups (goal: leader median < ${GOAL_MS} ms and ≤ 2× the bare SQL aggregates)`,
    [
      'database',
      'view',
      'people',
      'accounts',
      'API median ms',
      'API p95 ms',
      'bare median ms',
      'bare p95 ms',
      'ratio',
    ],
    rows,
  );
}
