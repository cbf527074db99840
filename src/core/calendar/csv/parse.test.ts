import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { thrownAppError } from '../../../../test/errors.ts';
import { iso, span } from '../../../../test/ics.ts';
import type { ImportedEvent, ImportItem, ImportProblem } from '../events.ts';
import { type CsvFormat, parseCsv } from './index.ts';

const window = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };

function fixture(name: string): string {
  return new TextDecoder().decode(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

function read(text: string, timeZone = 'Europe/London') {
  const { format, items } = parseCsv(text, { window, timeZone });
  const all: ImportItem[] = [...items];
  const events = all.flatMap((item) => ('event' in item ? [item.event] : []));
  const problems = all.flatMap((item) => ('problem' in item ? [item.problem] : []));
  return { format, events, problems };
}

const badRequest = (run: () => unknown) => thrownAppError(run, 'bad_request');

describe('generic (Linchpin) CSV', () => {
  it('reads every column, quoted multi-line notes, local and offset times, and the id as sourceId', () => {
    const { format, events, problems } = read(fixture('generic.csv'));
    expect(format).toBe('generic');
    expect(problems).toEqual([]);
    expect(events).toHaveLength(3);
    const [plan, forecast, expenses] = events as [ImportedEvent, ImportedEvent, ImportedEvent];
    expect(plan).toMatchObject({
      sourceId: 'a1b2c3d4-0000-4000-8000-000000000001',
      title: 'Joint plan with buyer',
      line: 2,
      timeZone: 'Europe/London',
      allDay: false,
      given: {
        urgent: false,
        important: true,
        account: 'Northwind Traders',
        kind: 'customer_meeting',
        commercial: true,
        status: 'done',
        notes: 'Agreed next steps:\n- pilot in Q1\n- "exec sponsor" call',
      },
    });
    expect(span(plan)).toEqual(['2026-11-16T09:00:00.000Z', '2026-11-16T10:30:00.000Z']);
    // The notes span lines 2–4, so the next record starts on line 5.
    expect(forecast).toMatchObject({
      line: 5,
      title: 'Forecast call, pipeline review',
      given: { urgent: true, important: false, kind: 'internal_meeting' },
    });
    expect(forecast.given).not.toHaveProperty('account');
    expect(span(forecast)).toEqual(['2026-11-16T11:00:00.000Z', '2026-11-16T11:45:00.000Z']);
    expect(expenses.given).toEqual({
      urgent: true,
      kind: 'admin_reporting',
      commercial: false,
      status: 'planned',
    });
    expect(expenses.sourceId).toMatch(/^generic:[0-9a-f]{40}$/);
  });

  it('reads local times in the user zone, exactly across a DST change', () => {
    const text = 'title,startsAt,endsAt\nNight shift,2026-10-25 00:30,2026-10-25 03:30\n';
    const [event] = read(text, 'Europe/London').events;
    // 00:30 BST to 03:30 GMT is four hours.
    expect(span(event!)).toEqual(['2026-10-24T23:30:00.000Z', '2026-10-25T03:30:00.000Z']);
    const [ny] = read(text, 'America/New_York').events;
    expect(ny?.timeZone).toBe('America/New_York');
    expect(iso(ny!.startsAt)).toBe('2026-10-25T04:30:00.000Z');
  });

  it('reads a European Excel file: BOM, ";" delimiter, CRLF, quadrant column, x for yes, blank rows', () => {
    const { events, problems } = read(fixture('generic-excel-eu.csv'));
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.line, e.title, e.given])).toEqual([
      [
        2,
        'Jahresgespräch',
        {
          urgent: false,
          important: true,
          account: 'Müller GmbH',
          kind: 'customer_meeting',
          commercial: true,
          notes: 'Preis: 1.234,50 €; Rabatt 5%',
        },
      ],
      [4, 'Angebot nachfassen', { urgent: true, important: true, account: 'Müller GmbH' }],
    ]);
    expect(events[0]!.endsAt.getTime() - events[0]!.startsAt.getTime()).toBe(90 * 60_000);
  });

  it('reports each unreadable row by line, column and value, and reads the rest', () => {
    const { events, problems } = read(fixture('generic-bad-rows.csv'));
    expect(events.map((e) => e.title)).toEqual(['Good one', 'Both flags', 'Last good one']);
    expect(problems).toEqual<ImportProblem[]>([
      { line: 3, message: '"title" is empty' },
      { line: 4, message: '"startsAt" is empty' },
      {
        line: 5,
        message:
          '"startsAt" "2026-02-31 09:00" is not a date-time (write 2026-11-23T09:00:00+01:00 or 2026-11-23 09:00)',
      },
      { line: 6, message: '"urgent" "maybe" is not yes or no (use true/false, yes/no, 1/0 or x)' },
      {
        line: 7,
        message:
          '"kind" "party" is not one of customer_meeting, internal_meeting, admin_reporting, travel, planning, development, other',
      },
      { line: 8, message: '"endsAt" "2026-11-16T12:00" is before startsAt' },
      {
        line: 9,
        message: '"minutes" "30" does not match startsAt to endsAt (60 minutes); give one or fix either',
      },
      {
        line: 10,
        message: expect.stringContaining(
          'the row has 13 values but the header has 12 (is a value with "," not in quotes?)',
        ),
      },
    ]);
  });

  it('refuses a quadrant that contradicts the flags, and one that is not q1–q4', () => {
    const text =
      'title,startsAt,minutes,urgent,important,quadrant\nA,2026-11-16 09:00,30,true,,q2\nB,2026-11-16 10:00,30,,,q5\n';
    expect(read(text).problems).toEqual([
      { line: 2, message: '"quadrant" "q2" contradicts the urgent and important columns' },
      { line: 3, message: '"quadrant" "q5" is not q1, q2, q3 or q4' },
    ]);
  });

  it('takes a timeZone column for local times', () => {
    const text =
      'title,startsAt,minutes,timeZone\nTokyo call,2026-11-16 09:00,30,Asia/Tokyo\nX,2026-11-16 09:00,30,Mars/Base\n';
    const { events, problems } = read(text);
    expect(events[0]).toMatchObject({ timeZone: 'Asia/Tokyo' });
    expect(iso(events[0]!.startsAt)).toBe('2026-11-16T00:00:00.000Z');
    expect(problems[0]?.message).toBe(
      '"timeZone" "Mars/Base" is not an IANA time zone such as Europe/London',
    );
  });

  it('gives rows without an id the same sourceId on every import, and identical rows distinct ones', () => {
    const text =
      'title,startsAt,minutes\nSync,2026-11-16 09:00,30\nSync,2026-11-16 09:00,30\nOther,2026-11-16 09:00,30\n';
    const first = read(text).events.map((e) => e.sourceId);
    const again = read(text).events.map((e) => e.sourceId);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(3);
    // The key is the wall-clock time as written, so it does not move with the user's zone.
    expect(read(text, 'Asia/Tokyo').events.map((e) => e.sourceId)).toEqual(first);
    // Another duration or flags: the same activity (it is updated, not added again).
    const changed = 'title,startsAt,minutes,urgent\nSync,2026-11-16 09:00,45,yes\n';
    expect(read(changed).events[0]?.sourceId).toBe(first[0]);
  });

  it('undoes the export’s guard against spreadsheet formulas', () => {
    const text =
      "title,startsAt,minutes,account,notes\n'=HYPERLINK(\"x\"),2026-11-16 09:00,30,'@Acme,'-5 min\n";
    expect(read(text).events[0]).toMatchObject({
      title: '=HYPERLINK("x")',
      given: { account: '@Acme', notes: '-5 min' },
    });
  });
});

describe('Toggl Track detailed report', () => {
  it('maps Description, Client/Project, Billable and Tags, with seconds and past midnight', () => {
    const { format, events, problems } = read(fixture('toggl-detailed.csv'));
    expect(format).toBe('toggl');
    expect(events.map((e) => [e.line, e.title, e.given, e.categories])).toEqual([
      [2, 'Joint plan with buyer', { account: 'Northwind Traders', commercial: true }, ['Q2', 'Strategy']],
      [3, 'Forecast call, pipeline review', { account: 'Internal' }, []],
      [4, 'Contoso QBR', { account: 'Contoso' }, ['Prep']],
      [5, 'Late call with "APAC" team', { account: 'Contoso', commercial: true }, []],
    ]);
    expect(span(events[2]!)).toEqual(['2026-11-17T14:00:12.000Z', '2026-11-17T15:00:00.000Z']);
    expect(events[2]!.description).toBe('Prep deck');
    expect(span(events[3]!)).toEqual(['2026-11-17T23:30:00.000Z', '2026-11-18T00:15:00.000Z']);
    expect(problems).toEqual([{ line: 6, message: '"Start date" "2026-02-31" is not a date' }]);
  });

  it('reads the older header spelling ("Start Date") and a start in the spring-forward gap', () => {
    const { format, events } = read(fixture('toggl-2019.csv'));
    expect(format).toBe('toggl');
    // 01:30 does not exist in London on 2026-03-29; it is read as 02:30 BST, and the entry ends 03:30 BST.
    expect(span(events[0]!)).toEqual(['2026-03-29T01:30:00.000Z', '2026-03-29T02:30:00.000Z']);
  });

  it('ends an entry past midnight at its end time on the next calendar day, on a DST night too', () => {
    // London falls back an hour on 25 October 2026: 23:30 to 03:00 is four and a half hours.
    const text =
      'Description,Project,Start date,Start time,End time\nNight shift,X,2026-10-24,23:30:00,03:00:00\n';
    const [event] = read(text).events;
    expect(span(event!)).toEqual(['2026-10-24T22:30:00.000Z', '2026-10-25T03:00:00.000Z']);
  });

  it('uses the duration when there is no end time', () => {
    const text = 'Description,Project,Start date,Start time,Duration\nCall,X,2026-11-16,09:00:00,01:15:00\n';
    const [event] = read(text).events;
    expect(span(event!)).toEqual(['2026-11-16T09:00:00.000Z', '2026-11-16T10:15:00.000Z']);
  });
});

describe('Clockify detailed report', () => {
  it('reads US dates and 12-hour times', () => {
    const { format, events, problems } = read(fixture('clockify-us.csv'), 'America/Chicago');
    expect(format).toBe('clockify');
    expect(events.map((e) => [e.title, ...span(e), e.given])).toEqual([
      [
        'Quarterly business review',
        '2026-11-16T15:00:00.000Z',
        '2026-11-16T17:00:00.000Z',
        { account: 'Northwind Traders', commercial: true },
      ],
      ['Expense report', '2026-11-16T18:30:00.000Z', '2026-11-16T19:00:00.000Z', { account: 'Admin' }],
      ['Travel', '2026-11-17T12:15:00.000Z', '2026-11-17T15:45:00.000Z', { account: 'Contoso' }],
    ]);
    expect(problems).toEqual([{ line: 5, message: '"Start Time" "25:00 PM" is not a time' }]);
  });

  it('reads day-first dates when the file shows them (17/04), and 24-hour times, from a ";" file', () => {
    const { events, problems } = read(fixture('clockify-eu.csv'), 'Europe/Berlin');
    expect(problems).toEqual([]);
    // 03/04/2026 is 3 April, because the same file has 17/04/2026.
    expect(events.map((e) => [e.title, ...span(e), e.given?.commercial])).toEqual([
      ['Werkstatt-Besuch', '2026-04-03T07:00:00.000Z', '2026-04-03T08:15:00.000Z', true],
      ['Lieferanten-Workshop', '2026-04-17T11:00:00.000Z', '2026-04-17T14:00:00.000Z', undefined],
    ]);
  });

  it('reads an ambiguous date month-first, as Clockify writes by default', () => {
    const text =
      'Project,Description,Start Date,Start Time,End Date,End Time,Duration (h)\nX,Call,03/04/2026,09:00,03/04/2026,10:00,01:00:00\n';
    expect(iso(read(text, 'UTC').events[0]!.startsAt)).toBe('2026-03-04T09:00:00.000Z');
  });

  it('accepts ISO dates', () => {
    const text =
      'Project,Description,Start Date,Start Time,End Date,End Time,Duration (decimal)\nX,Call,2026-04-03,9:00 PM,2026-04-03,9:30 PM,"0,50"\n';
    expect(span(read(text, 'UTC').events[0]!)).toEqual([
      '2026-04-03T21:00:00.000Z',
      '2026-04-03T21:30:00.000Z',
    ]);
  });
});

describe('Outlook calendar export', () => {
  it('reads a US export: attendees, organizer, categories, all-day, free and tentative', () => {
    const { format, events, problems } = read(fixture('outlook-us.csv'), 'America/New_York');
    expect(format).toBe('outlook');
    expect(problems).toEqual([]);
    const [qbr, holiday, focus, webinar, untitled] = events as ImportedEvent[];
    expect(qbr).toMatchObject({
      line: 2,
      title: 'Northwind QBR',
      allDay: false,
      transparent: false,
      status: 'confirmed',
      organizer: null,
      attendees: [
        { name: 'Ann Walker', email: null, partstat: null },
        { name: 'Bob Buyer', email: 'bob@northwind.example', partstat: null },
        { name: null, email: 'carol@northwind.example', partstat: null },
        { name: 'Dan Finance', email: null, partstat: null },
      ],
      categories: ['Customer', 'Q2'],
      description: 'Agenda:\n1. Results\n2. Next quarter',
      location: 'Northwind HQ, Room 4',
    });
    expect(qbr!.given).toBeUndefined();
    expect(span(qbr!)).toEqual(['2026-11-23T14:00:00.000Z', '2026-11-23T15:30:00.000Z']);
    expect(holiday).toMatchObject({ line: 5, allDay: true, transparent: true });
    expect(span(holiday!)).toEqual(['2026-11-26T05:00:00.000Z', '2026-11-27T05:00:00.000Z']);
    expect(focus).toMatchObject({ organizer: 'ann@acme.example', transparent: true });
    expect(webinar).toMatchObject({ status: 'tentative', transparent: false });
    expect(untitled?.title).toBe('(no subject)');
  });

  it('reads a European export: BOM, ";", CRLF, dd.mm.yyyy, 24-hour times, Wahr/Falsch', () => {
    const { events, problems } = read(fixture('outlook-eu.csv'), 'Europe/Berlin');
    expect(events.map((e) => [e.line, e.title, e.allDay, ...span(e)])).toEqual([
      [2, 'Jahresgespräch Müller GmbH', false, '2026-11-23T08:00:00.000Z', '2026-11-23T09:30:00.000Z'],
      [4, 'Betriebsausflug', true, '2026-11-26T23:00:00.000Z', '2026-11-27T23:00:00.000Z'],
    ]);
    expect(events[0]!.description).toBe('Zeile 1\r\nZeile 2');
    expect(problems).toEqual([{ line: 5, message: '"Start Date" "31.11.2026" is not a date' }]);
  });
});

describe('headers, delimiters and what is not CSV', () => {
  it.each<[string, CsvFormat]>([
    ['toggl-detailed.csv', 'toggl'],
    ['toggl-2019.csv', 'toggl'],
    ['clockify-us.csv', 'clockify'],
    ['clockify-eu.csv', 'clockify'],
    ['outlook-us.csv', 'outlook'],
    ['outlook-eu.csv', 'outlook'],
    ['generic.csv', 'generic'],
    ['generic-excel-eu.csv', 'generic'],
  ])('%s is %s', (name, format) => {
    expect(read(fixture(name)).format).toBe(format);
  });

  it('matches header names case-insensitively and trimmed, with ",", ";" or tab', () => {
    for (const delimiter of [',', ';', '\t']) {
      const text =
        [' TITLE ', 'StartsAt', 'MINUTES'].join(delimiter) +
        '\nCall' +
        delimiter +
        '2026-11-16 09:00' +
        delimiter +
        '30\n';
      const { format, events } = read(text);
      expect(format).toBe('generic');
      expect(events[0]?.title).toBe('Call');
    }
  });

  it('follows Excel’s "sep=" line and counts it as a line', () => {
    const { events } = read('sep=;\r\ntitle;startsAt;minutes\r\nCall, with comma;2026-11-16 09:00;30\r\n');
    expect(events[0]).toMatchObject({ title: 'Call, with comma', line: 3 });
  });

  it('refuses an unknown header, naming what it expected and what is missing', () => {
    const error = badRequest(() => parseCsv('Name,Phone\nAnn,123\n', { window, timeZone: 'UTC' }));
    expect(error.message).toMatch(/^CSV header not recognised: expected Linchpin's columns/);
    expect(error.message).toContain('(missing: title, startsAt, endsAt or minutes)');
    expect(error.message).toContain('the first line has: Name, Phone');
  });

  it('refuses a recognised format without its required columns', () => {
    expect(badRequest(() => parseCsv('title,minutes\nA,30\n', { window, timeZone: 'UTC' })).message).toBe(
      "CSV header not recognised: expected Linchpin's columns (title, startsAt, endsAt or minutes, urgent, important, account, kind, commercial, status, notes, id) (missing: startsAt)",
    );
    const toggl =
      'User,Email,Client,Project,Description,Start date,Start time\nA,a@x.example,C,P,D,2026-11-16,09:00:00\n';
    expect(badRequest(() => parseCsv(toggl, { window, timeZone: 'UTC' })).message).toMatch(
      /expected a Toggl Track detailed report .*\(missing: End time or Duration\)$/,
    );
    const outlook = 'Subject,Start Date,Start Time\nA,11/23/2026,9:00 AM\n';
    expect(badRequest(() => parseCsv(outlook, { window, timeZone: 'UTC' })).message).toMatch(
      /\(missing: End Date, End Time\)$/,
    );
  });

  it('refuses empty, binary and undecodable text with a clear reason', () => {
    expect(badRequest(() => parseCsv('\uFEFF \n', { window, timeZone: 'UTC' })).message).toBe(
      'the CSV file is empty',
    );
    const pdfish = `%PDF-1.7\n${'\u0001\u0002\u0003\u0000'.repeat(50)}`;
    expect(badRequest(() => parseCsv(pdfish, { window, timeZone: 'UTC' })).message).toMatch(/binary file/);
    const latin1AsUtf8 = 'title,startsAt,minutes,Beschreibung f\uFFFDr\nA,2026-11-16 09:00,30,x\n';
    expect(badRequest(() => parseCsv(latin1AsUtf8, { window, timeZone: 'UTC' })).message).toMatch(
      /not valid UTF-8/,
    );
  });

  it('reports an unclosed quote at the line its record starts, after the rows before it', () => {
    const text =
      'title,startsAt,minutes\r\nA,2026-11-16 09:00,30\r\n"B\r\nstill B",2026-11-16 10:00,30\r\n"C,2026-11-16 11:00,30\r\nD,2026-11-16 12:00,30\r\n';
    const { events, problems } = read(text);
    expect(events.map((e) => [e.line, e.title])).toEqual([
      [2, 'A'],
      [3, 'B\r\nstill B'],
    ]);
    expect(problems).toEqual([{ line: 5, message: expect.stringMatching(/quoted value is not closed/) }]);
  });

  it('produces rows lazily, and an empty file with a header has none', () => {
    expect(read('title,startsAt,minutes\n').events).toEqual([]);
    const { items } = parseCsv('title,startsAt,minutes\nA,2026-11-16 09:00,30\n', {
      window,
      timeZone: 'UTC',
    });
    expect(items.next().value).toMatchObject({ event: { title: 'A' } });
    expect(items.next().done).toBe(true);
  });
});
