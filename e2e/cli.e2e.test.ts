import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeIcs } from '../test/ics.ts';
import { Api } from './api.ts';
import { fileHarness } from './harness.ts';
import { runCli } from './server.ts';

const CM = { email: 'cm@acme.test', password: 'correct horse' };
let adminToken = '';

const app = fileHarness({
  name: 'cli',
  browser: false,
  owner: CM,
  // The rhythm step every second, so what becomes due reaches `linchpin notifications` quickly.
  env: { LINCHPIN_RHYTHM_SECONDS: '1' },
  // Admin commands work on the data folder only while no server holds it.
  beforeStart: async (env) => {
    const created = await runCli(
      [
        'admin',
        'create-user',
        '--workspace',
        'Acme',
        '--email',
        CM.email,
        '--password',
        CM.password,
        '--role',
        'owner',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const token = await runCli(['admin', 'create-token', '--email', CM.email], env);
    expect(token.stdout).toMatch(/^lp_[\w-]+\n$/);
    adminToken = token.stdout.trim();
  },
});
// Accounts are the workspace's: every test starts without any.
beforeEach(() => app.deleteAccounts());

/**
 * A Customer Manager of this test (named cm, in Berlin) with a token of their own: the CLI's
 * environment, and the API as them.
 */
async function cm() {
  const person = await app.person('cm', { timeZone: 'Europe/Berlin' });
  const { token } = await person.post('/me/tokens', { name: 'cli' });
  const env = {
    LINCHPIN_SERVER: app.url,
    LINCHPIN_TOKEN: token,
    LINCHPIN_CONFIG: join(app.home, 'unused.json'),
  };
  return { env, api: new Api(app.url, { token }) };
}

/** The CLI's environment for someone with a token of their own. */
async function cliEnvOf(person: { post: Api['post'] }) {
  const { token } = await person.post('/me/tokens', { name: 'cli' });
  return { LINCHPIN_SERVER: app.url, LINCHPIN_TOKEN: token, LINCHPIN_CONFIG: join(app.home, 'unused.json') };
}

const jointPlan = {
  title: 'Joint plan with buyer',
  startsAt: '2026-11-20T10:00',
  minutes: 90,
  urgent: false,
  important: true,
};

describe('the linchpin CLI', () => {
  it('logs in with a token an admin command made', async () => {
    const env = { ...app.env, LINCHPIN_CONFIG: join(app.home, 'cli.json') };
    const login = await runCli(['login', '--server', app.url, '--token', adminToken], env);
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toMatch(/Logged in .* as cm/);
  });

  it('logs activities and reports the week as table, JSON and CSV', async () => {
    const { env } = await cm();
    const unknown = await runCli(
      ['log', 'Call', '--q2', '--minutes', '30', '--at', '2026-11-20T09:00', '--account', 'Northwind'],
      env,
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/"Northwind" is not an account of this workspace/);
    const added = await runCli(
      ['accounts', 'add', 'Northwind', '--domain', 'northwind.com', '--tier', 'strategic'],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Added Northwind \(strategic\): northwind\.com/);
    const logged = await runCli(
      [
        'log',
        jointPlan.title,
        '--q2',
        '--minutes',
        '90',
        '--at',
        jointPlan.startsAt,
        '--account',
        'Northwind',
      ],
      env,
    );
    expect(logged.code, logged.stderr).toBe(0);
    expect(logged.stdout).toMatch(
      /Logged "Joint plan with buyer" at Northwind: 90 min in Q2, starting 2026-11-20T10:00:00\+01:00/,
    );
    await runCli(['log', 'Forecast call', '--q3', '--minutes', '30', '--at', '2026-11-19T09:00'], env);

    const table = await runCli(['week', '--week', '2026-W47'], env);
    expect(table.stdout).toMatch(/Week 2026-W47 .*2\.0 h/);
    expect(table.stdout).toMatch(/Q2\s+Build the legacy\s+1\.5\s+75 %\s+≥ 35 % met/);
    expect(table.stdout).toMatch(/Q3\s+Challenge\s+0\.5\s+25 %\s+≤ 15 % missed/);
    expect(table.stdout).toMatch(/Northwind/);

    const json = JSON.parse((await runCli(['week', '--week', '2026-W47', '--format', 'json'], env)).stdout);
    expect(json.quadrants.q2).toEqual({ minutes: 90, share: 0.75 });

    const csv = (await runCli(['week', '--week', '2026-W47', '--format', 'csv'], env)).stdout
      .trim()
      .split('\n');
    expect(csv[0]).toBe('week,quadrant,name,minutes,share,target_min,target_max,met');
    expect(csv[2]).toBe('2026-W47,q2,Build the legacy,90,0.75,0.35,,true');
  });

  it('explains bad input instead of failing obscurely', async () => {
    const { env } = await cm();
    const both = await runCli(['log', 'x', '--q1', '--q2'], env);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/give one quadrant/);
    const zero = await runCli(['log', 'x', '--minutes', '0'], env);
    expect(zero.stderr).toMatch(/minutes: must be more than 0/);
    const week = await runCli(['week', '--week', 'soon'], env);
    expect(week.stderr).toMatch(/ISO week/);
    const format = await runCli(['week', '--format', 'xml'], env);
    expect(format.code).not.toBe(0);
  });

  it('loads the demo into an empty history only', async () => {
    const { env, api } = await cm();
    await api.post('/activities', jointPlan);
    const demo = await runCli(['demo'], env);
    expect(demo.code).toBe(1);
    expect(demo.stderr).toMatch(/already have activities/);
  });

  it('imports a calendar (dry run first), lists what it skipped, and exports as CSV', async () => {
    const { env, api } = await cm();
    await api.post('/activities', jointPlan);
    const zone = 'Europe/Berlin';
    const ics = writeIcs(app.home, 'work.ics', [
      {
        uid: 'a',
        summary: 'Escalation call with Northwind',
        start: '20261124T090000',
        end: '20261124T100000',
        zone,
      },
      { uid: 'b', summary: 'Broken', start: '20261399T090000', end: '20261124T100000', zone },
    ]);
    const refused = await runCli(['import', ics], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/could not be read.*line \d+.*nothing was imported/s);

    const dry = await runCli(['import', ics, '--dry-run', '--skip-invalid'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Dry run, nothing written\. work\.ics \(ics\): 1 added/);
    expect(dry.stdout).toMatch(/Skipped 1:\n {2}line \d+: .*not a date/);

    const real = await runCli(['import', ics, '--skip-invalid'], env);
    expect(real.stdout).toMatch(/work\.ics \(ics\): 1 added, 0 updated, 0 removed/);
    const again = await runCli(['import', ics, '--skip-invalid'], env);
    expect(again.stdout).toMatch(/0 added, 0 updated, 0 removed, 1 unchanged/);

    const out = join(app.home, 'export.csv');
    const exported = await runCli(['export', '--format', 'csv', '--out', out], env);
    expect(exported.code, exported.stderr).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toMatch(/Escalation call with Northwind/);
    expect(csv).toMatch(/Joint plan with buyer/);
  });

  it('imports contacts as stakeholders: a dry run, the skipped lines, then safely again', async () => {
    const { env, api } = await cm();
    const northwind = await api.post('/accounts', { name: 'Northwind', domains: ['northwind.example'] });
    await api.post('/accounts', { name: 'Contoso' });
    const file = join(app.home, 'contacts.csv');
    writeFileSync(file, readFileSync(new URL('../src/core/contacts/fixtures/google.csv', import.meta.url)));
    const dry = await runCli(['import-contacts', file, '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(
      /^Dry run, nothing written\. google: 3 added, 0 updated, 0 unchanged, 1 skipped\./,
    );
    expect(dry.stdout).toContain(
      'line 8: no account named Globex Corporation — create it or pass an account',
    );
    expect(dry.stdout).toMatch(
      /No account for Globex Corporation: add them with `linchpin accounts add NAME`/,
    );
    expect((await api.get(`/accounts/${northwind.id}/stakeholders`)).items).toEqual([]);

    const real = await runCli(['import-contacts', file, '--account', 'northwind'], env);
    expect(real.stdout, real.stderr).toMatch(/^google: 4 added, 0 updated, 0 unchanged, 0 skipped\./);
    const again = await runCli(['import-contacts', file, '--account', 'Northwind'], env);
    expect(again.stdout).toMatch(/0 added, 0 updated, 4 unchanged/);
    const names = (await api.get(`/accounts/${northwind.id}/stakeholders`)).items.map((p: any) => p.name);
    expect(names).toEqual(['Jürgen Müller', 'Kenji Tanaka', 'Sam Unknown', 'Zoë Lefèvre']);

    const bad = join(app.home, 'bad.csv');
    writeFileSync(bad, 'Vorname;Nachname\nAnn;Lee\n');
    const refused = await runCli(['import-contacts', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/header is not one Linchpin knows.*Salesforce.*vCard/s);
    expect(refused.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('lists accounts and shows one with its coverage and single-threaded warning', async () => {
    const { env, api } = await cm();
    await api.post('/accounts', { name: 'Northwind', domains: ['northwind.com'], tier: 'strategic' });
    const account = await api.post('/accounts', { name: 'Globex', domains: ['globex.example'] });
    await api.post(`/accounts/${account.id}/stakeholders`, {
      name: 'Hank Scorpio',
      title: 'CEO',
      function: 'executive',
      level: 'executive',
      strength: 4,
    });
    const list = await runCli(['accounts'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/Globex\s+key\s+cm\s+globex\.example\s+1\s+single contact/);
    expect(list.stdout).toMatch(/Northwind\s+strategic\s+cm\s+northwind\.com\s+0\s+no contacts/);
    const one = await runCli(['account', 'glob'], env);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/Tier key · owner cm/);
    expect(one.stdout).toMatch(/Last 12 months \(the team\): 0\.0 h/);
    expect(one.stdout).toMatch(/Hank Scorpio\s+CEO\s+executive\s+executive\s+4\/5\s+never/);
    expect(one.stdout).toMatch(/! Single-threaded: everything runs through Hank Scorpio\./);
    expect(one.stdout).toMatch(/Losing touch \(60\+ days\): Hank Scorpio \(never contacted\)/);
    const json = JSON.parse((await runCli(['account', 'Globex', '--format', 'json'], env)).stdout);
    expect(json.connectivity.warnings[0].kind).toBe('single_contact');
    const missing = await runCli(['account', 'Initech'], env);
    expect(missing.stderr).toMatch(/no account named "Initech"/);
  });

  it('prints the latest scorecard round’s gaps', async () => {
    const { env, api } = await cm();
    const globex = await api.post('/accounts', { name: 'Globex', domains: ['globex.example'] });
    const empty = await runCli(['scorecard', 'Globex'], env);
    expect(empty.stdout).toMatch(/Globex has no scorecard round yet/);
    const round = await api.post(`/accounts/${globex.id}/scorecard`, { name: 'Q4 2026' });
    const rating = (connectivity: number) => ({
      scores: [
        { target: 'us', subject: 'connectivity', score: connectivity },
        { target: 'us', subject: 'trading', score: 3 },
      ],
    });
    await api.put(`/scorecard/rounds/${round.id}/my-rating`, rating(5));
    const link = await api.post(`/scorecard/rounds/${round.id}/invitations`, {});
    await new Api(app.url).post(`/public/scorecard/${link.token}`, rating(2));
    const out = await runCli(['scorecard', 'glob'], env);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/Globex · Q4 2026/);
    expect(out.stdout).toMatch(/Raters: we rate us 1, we rate them 0, they rate us 1, they rate them 0/);
    const rows = out.stdout.split('\n').filter((l) => /^(connectivity|trading) /.test(l));
    expect(rows[0]).toMatch(/^connectivity\s+5\.0\s+2\.0\s+\+3\.0/);
    expect(rows[1]).toMatch(/^trading\s+3\.0\s+3\.0\s+0\.0/);
    const json = JSON.parse((await runCli(['scorecard', 'Globex', '--format', 'json'], env)).stdout);
    expect(json.gaps[0]).toMatchObject({ subject: 'connectivity', aboutUs: 3 });

    const md = await runCli(['handover', 'glob'], env);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# Handover pack: Globex\n/);
    expect(md.stdout).toMatch(/\| connectivity \| 5\.0 \| 2\.0 \| \+3\.0 \|/);
    expect((await runCli(['handover', 'Globex', '--format', 'pdf'], env)).stderr).toMatch(
      /a PDF needs --out FILE/,
    );
    const pdfPath = join(app.home, 'globex.pdf');
    const pdf = await runCli(['handover', 'Globex', '--format', 'pdf', '--out', pdfPath], env);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(pdf.stdout).toMatch(/Wrote the Globex handover pack to .*globex\.pdf/);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

    const noPlan = await runCli(['plan'], env);
    expect(noPlan.code, noPlan.stderr).toBe(0);
    expect(noPlan.stdout).toMatch(/^Plan \d{4}-W\d{2} .*\n\nNo big rocks yet/);
    const week = noPlan.stdout.match(/^Plan (\d{4}-W\d{2})/)?.[1] ?? '';
    await api.post(`/plans/${week}/rocks`, { title: 'Map the Globex buying centre', budgetMinutes: 120 });
    const planned = await runCli(['plan'], env);
    expect(planned.stdout).toMatch(/Map the Globex buying centre\s+2\.0 h\s+0\.0 h\s+0\.0 h\s+open/);
    expect(planned.stdout).toMatch(/Q2 planned 2\.0 h, actual/);
    const today = await runCli(['today'], env);
    expect(today.code, today.stderr).toBe(0);
    expect(today.stdout).toMatch(/^Nothing planned for \d{4}-\d{2}-\d{2}\.\n$/);
  });

  it('shows a leader’s team as a table, CSV and JSON; the owner picks a leader by e-mail', async () => {
    const zone = { timeZone: 'Europe/Berlin' };
    const leader = await app.person('Lea Leader', { role: 'leader', ...zone });
    const ann = await app.person('Ann Member', { leaderId: leader.id, ...zone });
    const ben = await app.person('Ben Member', { leaderId: leader.id, ...zone });
    const globex = await ann.post('/accounts', {
      name: 'Globex',
      domains: ['globex.example'],
      tier: 'strategic',
    });
    await ann.post('/activities', { ...jointPlan, accountId: globex.id });
    await ann.post('/activities', {
      title: 'Forecast call',
      startsAt: '2026-11-19T09:00',
      minutes: 30,
      urgent: true,
      important: false,
    });
    await ben.post('/activities', {
      title: 'Escalation',
      startsAt: '2026-11-18T09:00',
      minutes: 60,
      urgent: true,
      important: true,
    });
    const asLeader = await cliEnvOf(leader);
    const owner = {
      LINCHPIN_SERVER: app.url,
      LINCHPIN_TOKEN: adminToken,
      LINCHPIN_CONFIG: join(app.home, 'unused.json'),
    };

    const mine = await runCli(['team', '--week', '2026-W47'], asLeader);
    expect(mine.code, mine.stderr).toBe(0);
    expect(mine.stdout).toMatch(/^Team of Lea Leader, week 2026-W47\n/);
    expect(mine.stdout).toMatch(
      /^2 people \(2 logged time\): 3\.0 h — Q1 33 % · Q2 50 % · Q3 17 % · Q4 0 %$/m,
    );
    expect(mine.stdout).toMatch(
      /^Ann Member\s+2\.0 h\s+0 %\s+75 %\s+25 %\s+0 %\s+≥ 35 % met\s+0\.0 h\s+0\.0 h\s+no$/m,
    );
    expect(mine.stdout).toMatch(/^Ben Member\s+1\.0 h\s+100 %\s+0 %\s+0 %\s+0 %\s+≥ 35 % missed/m);
    expect(mine.stdout).toMatch(/^Globex\s+strategic\s+Ann Member\s+1\.5 h\s+no contacts\s+0\s+never\s+0$/m);

    // The owner names the leader by e-mail; the CSV is the server's export, figures and all.
    const byEmail = await runCli(['team', '--week', '2026-W47', '--leader', leader.email], owner);
    expect(byEmail.code, byEmail.stderr).toBe(0);
    expect(byEmail.stdout).toBe(mine.stdout);
    const csv = (
      await runCli(['team', '--week', '2026-W47', '--leader', leader.email, '--format', 'csv'], owner)
    ).stdout.split('\n');
    expect(csv[0]).toMatch(/^person,week,total minutes,q1 minutes,q1 share,/);
    expect(csv[1]).toBe('Ann Member,2026-W47,120,0,0,90,0.75,30,0.25,0,0,true,0,0,false');
    expect(csv).toContain('Team (2 people),2026-W47,180,60,0.3333,90,0.5,30,0.1667,0,0,,0,0,0 of 2');
    const accounts = await runCli(
      ['team', '--week', '2026-W47', '--format', 'csv', '--table', 'accounts'],
      asLeader,
    );
    expect(accounts.stdout).toMatch(/^Globex,strategic,Ann Member,90,/m);
    const json = JSON.parse(
      (await runCli(['team', '--week', '2026-W47', '--format', 'json'], asLeader)).stdout,
    );
    expect(json.people.map((p: { name: string }) => p.name)).toEqual(['Ann Member', 'Ben Member']);
    expect(json.team.totalMinutes).toBe(180);

    const unknown = await runCli(['team', '--leader', 'nobody@acme.test'], owner);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'linchpin: nobody in this workspace has the e-mail nobody@acme.test; see the People page\n',
    );
    const member = await runCli(['team'], await cliEnvOf(ann));
    expect(member.code).toBe(1);
    expect(member.stderr).toMatch(
      /^linchpin: the team page is for leaders and the workspace owner \(HTTP 403\)\n$/,
    );

    await app.owner.put('/workspace/team-privacy', { mode: 'aggregate', minGroupSize: 5 });
    try {
      const aggregate = await runCli(['team', '--week', '2026-W47'], asLeader);
      expect(aggregate.code, aggregate.stderr).toBe(0);
      expect(aggregate.stdout).toMatch(/Aggregate mode: team totals only, from groups of 5 or more/);
      expect(aggregate.stdout).toMatch(/Fewer than 5 people contributed to 2026-W47: no figures to show\./);
      expect(aggregate.stdout).not.toMatch(/Ann Member|Ben Member/);
    } finally {
      await app.owner.put('/workspace/team-privacy', { mode: 'per-person', minGroupSize: 5 });
    }
  });

  it('lists what is due, marks it read, and previews the next digest', async () => {
    const { env, api } = await cm();
    const account = await api.post('/accounts', { name: 'Initech' });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    await api.post(`/accounts/${account.id}/decisions`, { title: 'Rush orders ship free', reviewBy: today });

    let listed = '';
    for (let tries = 0; tries < 100 && !listed.includes('Rush orders'); tries++) {
      await new Promise((r) => setTimeout(r, 200));
      listed = (await runCli(['notifications'], env)).stdout;
    }
    expect(listed).toMatch(/^\d+ unread/);
    expect(listed).toContain('• Review the decision "Rush orders ship free" (Initech)');
    expect(listed).toContain(`${app.url}/#/accounts/${account.id}/decisions/`);

    const read = await runCli(['notifications', '--read'], env);
    expect(read.stderr).toMatch(/Marked \d+ read\./);
    expect((await runCli(['notifications'], env)).stdout).toBe('Nothing unread: you are on top of things.\n');
    expect((await runCli(['notifications', '--all', '--format', 'json'], env)).stdout).toContain(
      'Rush orders',
    );

    const preview = await runCli(['digest', '--preview'], env);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toMatch(/^Subject: (Plan your week|Reflect on your week|Due today)/);
    expect(preview.stdout).toContain('Unsubscribe from this mail:');
    const bare = await runCli(['digest'], env);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain("'--preview'");
  });
});
