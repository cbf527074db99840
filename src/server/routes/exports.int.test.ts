import { afterAll, describe, expect, it } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import {
  buildAccount,
  buildActivity,
  buildActivityRows,
  buildPerson,
  type TestUser,
} from '../../../test/factories.ts';
import { deleteActivity, listActivities } from '../../core/activities/service.ts';
import { parseCsv } from '../../core/calendar/csv/index.ts';

const { core, app, ann, colleague, outsider, close } = await testWorld({
  people: { ann: { timeZone: 'Europe/Berlin' }, colleague: {} },
});
afterAll(close);

async function download(user: TestUser | null, query: string) {
  const response = await app.request(`/api/exports/activities${query}`, {
    headers: user ? { authorization: `Bearer ${user.token}` } : {},
  });
  // Decoded keeping a BOM (response.text() would drop it), to see exactly what a browser saves.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, text };
}

/** A download the browser saves as `fileName`. */
function expectSaved(res: Awaited<ReturnType<typeof download>>, type: string, fileName: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(type);
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${fileName}"`);
}

const HEADER = 'title,startsAt,endsAt,minutes,urgent,important,account,kind,commercial,status,notes,id';

describe('GET /api/exports/activities', () => {
  it('downloads your activities in range as re-importable CSV, and nobody else’s', async () => {
    await buildAccount(core, { owner: ann, name: 'Müller GmbH' });
    const { activity: plan } = await buildActivity(core, {
      by: ann,
      title: 'Joint plan, with "buyer"',
      startsAt: '2026-11-16T09:00',
      minutes: 90,
      account: 'Müller GmbH',
      kind: 'customer_meeting',
      commercial: true,
      notes: 'Next steps:\n- pilot',
    });
    const { activity: late } = await buildActivity(core, {
      by: ann,
      title: '=SUM(A1) looks like a formula',
      startsAt: '2026-11-30T23:30',
      minutes: 30,
      urgent: true,
      important: false,
    });
    const { activity: gone } = await buildActivity(core, {
      by: ann,
      title: 'Deleted',
      startsAt: '2026-11-20T09:00',
    });
    await deleteActivity(core.db, ann.actor, gone.id);
    await buildActivity(core, { by: ann, title: 'Before the range', startsAt: '2026-10-31T23:59' });
    await buildActivity(core, { by: ann, title: 'After the range', startsAt: '2026-12-01T00:00' });
    await buildActivity(core, { by: colleague, title: 'Colleague’s', startsAt: '2026-11-18T09:00' });
    await buildActivity(core, { by: outsider, title: 'Outsider’s', startsAt: '2026-11-18T09:00' });

    const res = await download(ann, '?format=csv&from=2026-11-01&to=2026-11-30');
    expectSaved(res, 'text/csv; charset=utf-8', 'linchpin-activities-2026-11-01-2026-11-30.csv');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text.startsWith(`\uFEFF${HEADER}\n`)).toBe(true);
    const lines = res.text.slice(1).split('\n');
    expect(lines[1]).toBe(
      `"Joint plan, with ""buyer""",2026-11-16T09:00:00+01:00,2026-11-16T10:30:00+01:00,90,false,true,Müller GmbH,customer_meeting,true,done,"Next steps:`,
    );
    expect(res.text).toContain("\n'=SUM(A1) looks like a formula,2026-11-30T23:30:00+01:00,");
    for (const absent of ['Deleted', 'Before the range', 'After the range', 'Colleague’s', 'Outsider’s']) {
      expect(res.text).not.toContain(absent);
    }

    // Export → import: the same activities, times and classification come back.
    const { format, items } = parseCsv(res.text, {
      timeZone: 'America/New_York',
      window: { from: new Date(0), to: new Date('2100-01-01T00:00:00Z') },
    });
    expect(format).toBe('generic');
    const events = [...items].map((item) => ('event' in item ? item.event : item.problem));
    expect(events).toMatchObject([
      {
        sourceId: plan.id,
        title: 'Joint plan, with "buyer"',
        startsAt: new Date('2026-11-16T08:00:00Z'),
        endsAt: new Date('2026-11-16T09:30:00Z'),
        given: {
          urgent: false,
          important: true,
          account: 'Müller GmbH',
          kind: 'customer_meeting',
          commercial: true,
          notes: 'Next steps:\n- pilot',
        },
      },
      {
        sourceId: late.id,
        title: '=SUM(A1) looks like a formula',
        given: { urgent: true, important: false },
      },
    ]);
  });

  it('gives JSON with the same views as the activities API, all of them without a range', async () => {
    const user = await buildPerson(core, { timeZone: 'America/New_York' });
    await buildActivity(core, { by: user, title: 'B', startsAt: '2026-11-17T09:00' });
    await buildActivity(core, { by: user, title: 'A', startsAt: '2026-11-16T09:00' });
    const res = await download(user, '?format=json');
    expectSaved(res, 'application/json; charset=utf-8', 'linchpin-activities-start-end.json');
    const body = JSON.parse(res.text);
    expect(body).toEqual({ activities: (await listActivities(core.db, user.actor, {})).items });
    expect(body.activities.map((a: { title: string }) => a.title)).toEqual(['A', 'B']);
  });

  it('defaults to CSV, and an empty range is just the header', async () => {
    const user = await buildPerson(core);
    const res = await download(user, '');
    expect(res.status).toBe(200);
    expect(res.text).toBe(`\uFEFF${HEADER}\n`);
    const json = await download(user, '?format=json&from=2026-11-16T09:00&to=2026-11-16T10:00');
    expect(JSON.parse(json.text)).toEqual({ activities: [] });
    expect(json.headers.get('content-disposition')).toContain(
      'linchpin-activities-2026-11-16-2026-11-16.json',
    );
  });

  it('pages through thousands of activities in order, ties broken by id', async () => {
    const user = await buildPerson(core, { timeZone: 'UTC' });
    const base = Date.parse('2026-11-02T08:00:00Z');
    // Every three share a start, so pages split inside runs of equal start times.
    const rows = await buildActivityRows(core, user, 2_345, (i) => ({
      startsAt: new Date(base + Math.floor(i / 3) * 60 * 60_000),
      important: i % 2 === 0,
    }));
    const res = await download(user, '?format=json');
    const exported: { id: string; startsAt: string }[] = JSON.parse(res.text).activities;
    const expected = [...rows]
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((r) => r.id);
    expect(exported.map((a) => a.id)).toEqual(expected);
    const csv = await download(user, '?format=csv');
    const { items } = parseCsv(csv.text, { timeZone: 'UTC', window: { from: new Date(0), to: new Date() } });
    expect([...items].map((item) => ('event' in item ? item.event.sourceId : item.problem.message))).toEqual(
      expected,
    );
  });

  it('refuses bad input with 400 naming the field, and strangers with 401', async () => {
    const cases: [string, string][] = [
      ['?format=xml', 'format'],
      ['?from=yesterday', 'from'],
      ['?from=2026-02-30', 'from'],
      ['?from=2026-11-10&to=2026-11-01', 'to'],
    ];
    for (const [query, field] of cases) {
      const res = await download(ann, query);
      expect(res.status, query).toBe(400);
      const body = JSON.parse(res.text);
      expect(body.error.code).toBe('validation_failed');
      expect(Object.keys(body.error.fields)).toContain(field);
    }
    const anonymous = await download(null, '?format=csv');
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text).error.code).toBe('unauthenticated');
  });
});
