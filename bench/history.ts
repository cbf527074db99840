// `npm run bench -- history`: is a person's week as fast with a long history as with a short one?
// One workspace's activities table grows 1k → 10k → 100k → 1M (PostgreSQL; PGlite up to 100k) while
// the measured person's recent weeks stay the same (35 activities a week over the last 13 weeks):
// the growth is older history — a tenth the person's own, spread over ten years before the last
// 13 months, the rest colleagues'. A third are meetings on the person's accounts, each with one of
// the account's four stakeholders (their last contact and this quarter's count read that history).
// The account page measured is one where only colleagues worked (the person's own list is empty).
// At each size: the week report, every request of the Week page and
// of an account page (in-process, the page's requests at once as the browser sends them), median of
// RUNS; then the ratio of the largest size to 10k (goal ≤ 1.5×).
import { sql } from 'drizzle-orm';
import { createAccount } from '../src/core/accounts/service.ts';
import type { Core } from '../src/core/index.ts';
import { createStakeholder } from '../src/core/stakeholders/service.ts';
import { createApp } from '../src/server/app.ts';
import { buildPerson } from '../test/factories.ts';
import { accountPage, type LoadPerson, type LoadRequest, loadPeople, weekPage } from './load-workload.ts';
import { median, onEachDatabase, printTable, time } from './stats.ts';

const RUNS = 30;
const WARM_UPS = 5;
const RECENT_WEEKS = 13;
const PER_WEEK = 35;
const COLLEAGUES = 20;

/** Who attended activity `g` of account `(g / 3) % 6`: one of its four stakeholders. */
const attendee = (g: string) =>
  `case when ${g} % 3 = 0 then jsonb_build_array(jsonb_build_object('email', 's' || ${g} % 4 || '@customer' || (${g} / 3) % 6 || '.example', 'name', null, 'partstat', 'ACCEPTED')) else '[]'::jsonb end`;

/** Grows the table to `total` rows with older history (ids `h-<n>` continue where the last step ended). */
async function growTo(
  core: Core,
  from: number,
  total: number,
  me: string,
  colleagues: string[],
  accounts: string[],
) {
  const ws = sql.raw(`(select workspace_id from users where id = '${me}')`);
  const people = sql.raw(`array[${colleagues.map((c) => `'${c}'`).join(', ')}]`);
  const ids = sql.raw(`array[${accounts.map((a) => `'${a}'`).join(', ')}]`);
  for (let start = from; start < total; start += 100_000) {
    const end = Math.min(total, start + 100_000) - 1;
    await core.db.execute(sql`
      insert into activities (id, workspace_id, user_id, account_id, title, starts_at, ends_at, minutes,
                              time_zone, urgent, important, kind, classification, attendees)
      select 'h-' || g, ${ws}, case when g % 10 = 0 then ${me} else (${people})[1 + (g / 10) % ${colleagues.length}] end,
             case when g % 3 = 0 then (${ids})[1 + (g / 3) % ${accounts.length}] end,
             'Older work', v.st, v.st + interval '45 minutes', 45, 'Europe/London',
             g % 4 < 2, g % 3 = 0, 'customer_meeting', 'manual', ${sql.raw(attendee('g'))}
      from generate_series(${start}::int, ${end}::int) g
      cross join lateral (select now() - interval '13 months'
        - (abs(hashint4(g)) % (9 * 365 * 24 * 60)) * interval '1 minute' as st) v`);
  }
  // PostgreSQL's autovacuum would get to the new rows within a minute, and measured while it runs
  // the figures are its noise: they are taken after it, as in steady state. PGlite has none.
  await core.db.execute(
    core.database.driver === 'postgres'
      ? sql`vacuum analyze activities, attendances`
      : sql`analyze activities, attendances`,
  );
}

async function recentWeeks(core: Core, me: string, accounts: string[]) {
  await core.db.execute(sql`
    insert into activities (id, workspace_id, user_id, account_id, title, starts_at, ends_at, minutes,
                            time_zone, urgent, important, kind, classification, attendees)
    select 'r-' || g, (select workspace_id from users where id = ${me}), ${me},
           case when g % 2 = 0 then ${accounts[0]} end, 'This quarter', v.st, v.st + interval '30 minutes', 30,
           'Europe/London', g % 4 < 2, g % 3 = 0, 'customer_meeting', 'manual', ${sql.raw(attendee('g'))}
    from generate_series(0, ${RECENT_WEEKS * PER_WEEK - 1}) g
    cross join lateral (select date_trunc('hour', now()) - (g * ${(RECENT_WEEKS * 7 * 24) / (RECENT_WEEKS * PER_WEEK)}::float) * interval '1 hour' as st) v`);
}

/** One request of a page, in-process; throws on any answer but 200. */
function call(app: ReturnType<typeof createApp>, person: LoadPerson, step: LoadRequest) {
  return async () => {
    const path = step.path(person, 0);
    const response = await app.request(path, { headers: { authorization: `Bearer ${person.token}` } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
}

/** All of a page's requests at once, as the browser sends them. */
const pageLoad = (app: ReturnType<typeof createApp>, person: LoadPerson, page: LoadRequest[]) => () =>
  Promise.all(page.map((step) => call(app, person, step)()));

async function medianOf(fn: () => Promise<unknown>) {
  for (let i = 0; i < WARM_UPS; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await time(fn));
  return median(times);
}

async function measure(label: string, core: Core) {
  const owner = await buildPerson(core, { workspace: 'History', name: 'Mia Measured', role: 'owner' });
  const colleagues = await Promise.all(
    Array.from({ length: COLLEAGUES }, (_, i) =>
      buildPerson(core, { colleagueOf: owner, name: `Colleague ${i}` }),
    ),
  );
  const accounts = await Promise.all(
    Array.from(
      { length: 6 },
      async (_, i) => (await createAccount(core.db, owner.actor, { name: `Customer ${i}` })).id,
    ),
  );
  for (const [j, accountId] of accounts.entries()) {
    for (let k = 0; k < 4; k++) {
      await createStakeholder(core.db, owner.actor, accountId, {
        name: `Stakeholder ${k}`,
        email: `s${k}@customer${j}.example`,
      });
    }
  }
  await recentWeeks(core, owner.me.id, accounts);
  const [found] = await loadPeople(core, [owner.me.id]);
  if (!found) throw new Error('no measured person');
  // The account page of a customer where colleagues hold the history and the person none of it:
  // "your recent activities here" must not read the account's whole past to find nothing.
  const person = { ...found, accountId: accounts[1] as string };
  const app = createApp(core);
  const steps = [...new Map([...weekPage, ...accountPage].map((step) => [step.name, step])).values()];
  const report = call(app, person, steps.find((step) => step.name === 'GET /reports/week') as LoadRequest);
  const sizes = label.startsWith('PGlite') ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 1_000_000];
  const rows: (string | number)[][] = [];
  let have = RECENT_WEEKS * PER_WEEK;
  const figures = new Map<number, number[]>();
  const perRequest = new Map<string, number[]>();
  for (const size of sizes) {
    await growTo(
      core,
      have,
      size,
      owner.me.id,
      colleagues.map((c) => c.me.id),
      accounts,
    );
    have = Math.max(have, size);
    const measured = [
      await medianOf(report),
      await medianOf(pageLoad(app, person, weekPage)),
      await medianOf(pageLoad(app, person, accountPage)),
    ];
    figures.set(size, measured);
    for (const step of steps) {
      const row = perRequest.get(step.name) ?? [];
      row.push(await medianOf(call(app, person, step)));
      perRequest.set(step.name, row);
    }
    rows.push([label, size.toLocaleString('en'), ...measured.map((ms) => ms.toFixed(1))]);
  }
  const base = figures.get(10_000) ?? [1, 1, 1];
  const last = figures.get(sizes.at(-1) ?? 0) ?? base;
  rows.push([
    label,
    `ratio ${(sizes.at(-1) ?? 0).toLocaleString('en')} / 10,000`,
    ...last.map((ms, i) => (ms / (base[i] ?? 1)).toFixed(2)),
  ]);
  const largest = (sizes.at(-1) ?? 0).toLocaleString('en');
  printTable(
    `${label}: each request alone, median ms, by activities in the table`,
    ['request', ...sizes.map((n) => n.toLocaleString('en')), `${largest} / 10,000`],
    [...perRequest].map(([name, ms]) => [
      name,
      ...ms.map((m) => m.toFixed(2)),
      ((ms.at(-1) ?? 0) / (ms[1] ?? 1)).toFixed(2),
    ]),
  );
  return rows;
}

export async function run() {
  const rows = (await onEachDatabase(measure)).flat();
  printTable(
    `One person's week as the history grows (their last ${RECENT_WEEKS} weeks the same), median of ${RUNS} ms (goal: ≤ 1.5× from 10k to the largest)`,
    [
      'database',
      'activities in the table',
      'week report',
      'Week page (11 requests)',
      'account page (12 requests)',
    ],
    rows,
  );
}
