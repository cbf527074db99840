import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, runCli, startServer } from './server.ts';

const home = mkdtempSync(join(tmpdir(), 'linchpin-cli-'));
const env = { LINCHPIN_DATA_DIR: join(home, 'data'), LINCHPIN_CONFIG: join(home, 'cli.json') };
let server: RunningServer;
let tokenValue = '';

beforeAll(async () => {
  const created = await runCli(
    [
      'admin',
      'create-user',
      '--workspace',
      'Acme',
      '--email',
      'cm@acme.test',
      '--password',
      'correct horse',
      '--role',
      'member',
      '--time-zone',
      'Europe/Berlin',
    ],
    env,
  );
  expect(created.code, created.stderr).toBe(0);
  const token = await runCli(['admin', 'create-token', '--email', 'cm@acme.test'], env);
  expect(token.stdout).toMatch(/^lp_[\w-]+\n$/);
  server = await startServer(env);
  const login = await runCli(['login', '--server', server.url, '--token', token.stdout.trim()], env);
  tokenValue = token.stdout.trim();
  expect(login.code, login.stderr).toBe(0);
  expect(login.stdout).toMatch(/Logged in .* as cm/);
});
afterAll(() => server?.stop());

describe('the linchpin CLI', () => {
  it('logs activities and reports the week as table, JSON and CSV', async () => {
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
        'Joint plan with buyer',
        '--q2',
        '--minutes',
        '90',
        '--at',
        '2026-11-20T10:00',
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
    const demo = await runCli(['demo'], env);
    expect(demo.code).toBe(1);
    expect(demo.stderr).toMatch(/already have activities/);
  });

  it('imports a calendar (dry run first), lists what it skipped, and exports as CSV', async () => {
    const ics = join(home, 'work.ics');
    const event = (uid: string, summary: string, start: string, end: string) =>
      `BEGIN:VEVENT\r\nUID:${uid}\r\nSUMMARY:${summary}\r\nDTSTART;TZID=Europe/Berlin:${start}\r\nDTEND;TZID=Europe/Berlin:${end}\r\nEND:VEVENT\r\n`;
    writeFileSync(
      ics,
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${event('a', 'Escalation call with Northwind', '20261124T090000', '20261124T100000')}${event('b', 'Broken', '20261399T090000', '20261124T100000')}END:VCALENDAR\r\n`,
    );
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

    const out = join(home, 'export.csv');
    const exported = await runCli(['export', '--format', 'csv', '--out', out], env);
    expect(exported.code, exported.stderr).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toMatch(/Escalation call with Northwind/);
    expect(csv).toMatch(/Joint plan with buyer/);
  });

  it('lists accounts and shows one with its coverage and single-threaded warning', async () => {
    const api = (path: string, body: unknown) =>
      fetch(`${server.url}/api${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenValue}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    const account = await api('/accounts', { name: 'Globex', domains: ['globex.example'] });
    await api(`/accounts/${account.id}/stakeholders`, {
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
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${tokenValue}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then((r) => r.json());
    const empty = await runCli(['scorecard', 'Globex'], env);
    expect(empty.stdout).toMatch(/Globex has no scorecard round yet/);
    const accounts = await call('GET', '/accounts');
    const globex = accounts.items.find((a: { name: string }) => a.name === 'Globex');
    const round = await call('POST', `/accounts/${globex.id}/scorecard`, { name: 'Q4 2026' });
    await call('PUT', `/scorecard/rounds/${round.id}/my-rating`, {
      scores: [
        { target: 'us', subject: 'connectivity', score: 5 },
        { target: 'us', subject: 'trading', score: 3 },
      ],
    });
    const link = await call('POST', `/scorecard/rounds/${round.id}/invitations`, {});
    await fetch(`${server.url}/api/public/scorecard/${link.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        scores: [
          { target: 'us', subject: 'connectivity', score: 2 },
          { target: 'us', subject: 'trading', score: 3 },
        ],
      }),
    });
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
    const pdfPath = join(home, 'globex.pdf');
    const pdf = await runCli(['handover', 'Globex', '--format', 'pdf', '--out', pdfPath], env);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(pdf.stdout).toMatch(/Wrote the Globex handover pack to .*globex\.pdf/);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

    const noPlan = await runCli(['plan'], env);
    expect(noPlan.code, noPlan.stderr).toBe(0);
    expect(noPlan.stdout).toMatch(/^Plan \d{4}-W\d{2} .*\n\nNo big rocks yet/);
    const week = noPlan.stdout.match(/^Plan (\d{4}-W\d{2})/)?.[1] ?? '';
    await call('POST', `/plans/${week}/rocks`, { title: 'Map the Globex buying centre', budgetMinutes: 120 });
    const planned = await runCli(['plan'], env);
    expect(planned.stdout).toMatch(/Map the Globex buying centre\s+2\.0 h\s+0\.0 h\s+0\.0 h\s+open/);
    expect(planned.stdout).toMatch(/Q2 planned 2\.0 h, actual/);
    const today = await runCli(['today'], env);
    expect(today.code, today.stderr).toBe(0);
    expect(today.stdout).toMatch(/^Nothing planned for \d{4}-\d{2}-\d{2}\.\n$/);
  });
});
