import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import type { ImportedEvent, ImportItem, ImportProblem } from './events.ts';
import { MAX_INSTANCES_PER_SERIES, parseIcs } from './ics/index.ts';

const WIDE = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2040-01-01T00:00:00Z') };

/** A calendar around the given lines (CRLF, as RFC 5545 wants). */
const ics = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];

function read(text: string, options: { timeZone?: string; window?: { from: Date; to: Date } } = {}) {
  const all: ImportItem[] = [
    ...parseIcs(text, { window: options.window ?? WIDE, timeZone: options.timeZone ?? 'Europe/Amsterdam' }),
  ];
  const events = all.flatMap((item) => ('event' in item ? [item.event] : []));
  const problems = all.flatMap((item) => ('problem' in item ? [item.problem] : []));
  return { events, problems };
}

const iso = (date: Date) => date.toISOString();
const span = (event: ImportedEvent) => [iso(event.startsAt), iso(event.endsAt)];
const local = (date: Date, zone: string) =>
  DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
const byStart = (a: ImportedEvent, b: ImportedEvent) => a.startsAt.getTime() - b.startsAt.getTime();

function badRequest(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('bad_request');
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('single events', () => {
  it('reads the fields of an event', () => {
    const { events, problems } = read(
      ics(
        ...vevent(
          'UID:meeting-1@example.com',
          'SUMMARY:  Quarterly review with ACME  ',
          'DTSTART;TZID=Europe/Berlin:20250115T093000',
          'DTEND;TZID=Europe/Berlin:20250115T110000',
          'LOCATION:Room 4\\, 2nd floor',
          'DESCRIPTION:Agenda:\\n1. numbers',
          'CATEGORIES:Customer, Review',
          'CATEGORIES:Review',
          'ORGANIZER;CN=Anna Buyer:MAILTO:Anna.Buyer@ACME.example',
          'ATTENDEE;CN="Bob";PARTSTAT=DECLINED:mailto:bob@acme.example',
          'ATTENDEE;PARTSTAT=accepted:mailto:Me@Linchpin.example',
          'BEGIN:VALARM',
          'TRIGGER:-PT15M',
          'ACTION:DISPLAY',
          'END:VALARM',
        ),
      ),
    );
    expect(problems).toEqual([]);
    expect(events).toEqual<ImportedEvent[]>([
      {
        sourceId: 'meeting-1@example.com',
        title: 'Quarterly review with ACME',
        startsAt: new Date('2025-01-15T08:30:00Z'),
        endsAt: new Date('2025-01-15T10:00:00Z'),
        timeZone: 'Europe/Berlin',
        allDay: false,
        recurring: false,
        status: 'confirmed',
        transparent: false,
        organizer: 'anna.buyer@acme.example',
        attendees: [
          { email: 'bob@acme.example', name: 'Bob', partstat: 'DECLINED' },
          { email: 'me@linchpin.example', name: null, partstat: 'ACCEPTED' },
        ],
        location: 'Room 4, 2nd floor',
        description: 'Agenda:\n1. numbers',
        categories: ['Customer', 'Review'],
        line: 3,
      },
    ]);
  });

  it('reads STATUS and TRANSP, and titles an event without SUMMARY', () => {
    const { events } = read(
      ics(
        ...vevent('UID:a', 'DTSTART:20250101T100000Z', 'DTEND:20250101T110000Z', 'STATUS:CANCELLED'),
        ...vevent(
          'UID:b',
          'SUMMARY:Maybe',
          'DTSTART:20250102T100000Z',
          'STATUS:TENTATIVE',
          'TRANSP:TRANSPARENT',
        ),
        ...vevent('UID:c', 'SUMMARY:   ', 'DTSTART:20250103T100000Z', 'STATUS:CONFIRMED', 'TRANSP:OPAQUE'),
      ),
    );
    expect(events.map((e) => [e.sourceId, e.title, e.status, e.transparent])).toEqual([
      ['a', '(no title)', 'cancelled', false],
      ['b', 'Maybe', 'tentative', true],
      ['c', '(no title)', 'confirmed', false],
    ]);
  });

  it('gives a timed event without DTEND or DURATION zero length, and reads DURATION exactly', () => {
    const { events } = read(
      ics(
        ...vevent('UID:zero', 'DTSTART:20250101T100000Z'),
        // 90 minutes over the night Berlin moves its clocks: still 90 real minutes.
        ...vevent('UID:dur', 'DTSTART;TZID=Europe/Berlin:20250330T013000', 'DURATION:PT1H30M'),
      ),
    );
    expect(events.map(span)).toEqual([
      ['2025-01-01T10:00:00.000Z', '2025-01-01T10:00:00.000Z'],
      ['2025-03-30T00:30:00.000Z', '2025-03-30T02:00:00.000Z'],
    ]);
  });

  it('derives a stable id for an event without UID from DTSTART and SUMMARY', () => {
    const text = ics(
      ...vevent('SUMMARY:One', 'DTSTART:20250101T100000Z'),
      ...vevent('SUMMARY:Two', 'DTSTART:20250101T100000Z'),
    );
    const first = read(text).events.map((e) => e.sourceId);
    expect(first[0]).toMatch(/^nouid-[0-9a-f]{24}$/);
    expect(first[0]).not.toBe(first[1]);
    expect(read(text).events.map((e) => e.sourceId)).toEqual(first);
  });

  it('keeps the highest SEQUENCE of one UID', () => {
    const { events } = read(
      ics(
        ...vevent('UID:x', 'SEQUENCE:2', 'SUMMARY:New', 'DTSTART:20250101T100000Z'),
        ...vevent('UID:x', 'SEQUENCE:1', 'SUMMARY:Old', 'DTSTART:20250101T090000Z'),
      ),
    );
    expect(events.map((e) => e.title)).toEqual(['New']);
  });

  it('ignores VTODO, VJOURNAL and VFREEBUSY', () => {
    const { events, problems } = read(
      ics(
        'BEGIN:VTODO',
        'UID:todo',
        'DUE:20250101T100000Z',
        'END:VTODO',
        'BEGIN:VJOURNAL',
        'UID:journal',
        'DTSTART:20250101',
        'END:VJOURNAL',
        'BEGIN:VFREEBUSY',
        'DTSTART:20250101T000000Z',
        'FREEBUSY:20250101T100000Z/20250101T110000Z',
        'END:VFREEBUSY',
        ...vevent('UID:event', 'DTSTART:20250101T100000Z'),
      ),
    );
    expect(problems).toEqual([]);
    expect(events.map((e) => e.sourceId)).toEqual(['event']);
  });
});

describe('all-day events', () => {
  it('start and end at midnight in the user zone, DTEND exclusive, one day without DTEND', () => {
    const { events } = read(
      ics(
        ...vevent('UID:day', 'SUMMARY:Off', 'DTSTART;VALUE=DATE:20250704', 'DTEND;VALUE=DATE:20250705'),
        ...vevent('UID:no-end', 'DTSTART;VALUE=DATE:20250710'),
        ...vevent('UID:trip', 'DTSTART;VALUE=DATE:20250714', 'DTEND;VALUE=DATE:20250718'),
        ...vevent('UID:dur', 'DTSTART;VALUE=DATE:20250720', 'DURATION:P2D'),
        // A bare date without VALUE=DATE, as some exporters write it.
        ...vevent('UID:bare', 'DTSTART:20250801', 'DTEND:20250802'),
      ),
      { timeZone: 'America/New_York' },
    );
    expect(events.every((e) => e.allDay && e.timeZone === 'America/New_York')).toBe(true);
    expect(events.map(span)).toEqual([
      ['2025-07-04T04:00:00.000Z', '2025-07-05T04:00:00.000Z'],
      ['2025-07-10T04:00:00.000Z', '2025-07-11T04:00:00.000Z'],
      ['2025-07-14T04:00:00.000Z', '2025-07-18T04:00:00.000Z'],
      ['2025-07-20T04:00:00.000Z', '2025-07-22T04:00:00.000Z'],
      ['2025-08-01T04:00:00.000Z', '2025-08-02T04:00:00.000Z'],
    ]);
  });

  it('reads Exchange ways of writing all-day: EXDATE at local midnight, flagged midnight-to-midnight times', () => {
    const { events } = read(
      ics(
        ...vevent(
          'UID:ex',
          'DTSTART;VALUE=DATE:20250106',
          'RRULE:FREQ=DAILY;COUNT=3',
          'EXDATE;TZID=W. Europe Standard Time:20250107T000000',
        ),
        // UNTIL as local midnight of the last day, in UTC: that day is in.
        ...vevent('UID:until', 'DTSTART;VALUE=DATE:20250201', 'RRULE:FREQ=DAILY;UNTIL=20250202T000000Z'),
        ...vevent(
          'UID:flag',
          'DTSTART;TZID=W. Europe Standard Time:20250110T000000',
          'DTEND;TZID=W. Europe Standard Time:20250112T000000',
          'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
        ),
      ),
      { timeZone: 'Europe/London' },
    );
    expect(events.map((e) => [e.sourceId, e.allDay, ...span(e)])).toEqual([
      ['ex/2025-01-06', true, '2025-01-06T00:00:00.000Z', '2025-01-07T00:00:00.000Z'],
      ['ex/2025-01-08', true, '2025-01-08T00:00:00.000Z', '2025-01-09T00:00:00.000Z'],
      ['until/2025-02-01', true, '2025-02-01T00:00:00.000Z', '2025-02-02T00:00:00.000Z'],
      ['until/2025-02-02', true, '2025-02-02T00:00:00.000Z', '2025-02-03T00:00:00.000Z'],
      ['flag', true, '2025-01-10T00:00:00.000Z', '2025-01-12T00:00:00.000Z'],
    ]);
  });

  it('a day with a DST change lasts 23 or 25 hours', () => {
    const { events } = read(
      ics(...vevent('UID:d', 'DTSTART;VALUE=DATE:20251026', 'RRULE:FREQ=DAILY;COUNT=2')),
      {
        timeZone: 'Europe/Berlin',
      },
    );
    expect(events.map(span)).toEqual([
      ['2025-10-25T22:00:00.000Z', '2025-10-26T23:00:00.000Z'],
      ['2025-10-26T23:00:00.000Z', '2025-10-27T23:00:00.000Z'],
    ]);
    expect(events.map((e) => e.sourceId)).toEqual(['d/2025-10-26', 'd/2025-10-27']);
  });
});

describe('time zones', () => {
  it('reads UTC, IANA, floating times (in the user zone) and a TZID only the VTIMEZONE explains', () => {
    const { events } = read(
      ics(
        'BEGIN:VTIMEZONE',
        'TZID:Customized Time Zone',
        'BEGIN:STANDARD',
        'DTSTART:16010101T030000',
        'TZOFFSETFROM:+0200',
        'TZOFFSETTO:+0100',
        'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:16010101T020000',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0200',
        'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
        'END:DAYLIGHT',
        'END:VTIMEZONE',
        ...vevent('UID:utc', 'DTSTART:20250601T100000Z'),
        ...vevent('UID:iana', 'DTSTART;TZID=America/New_York:20250601T100000'),
        ...vevent('UID:floating', 'DTSTART:20250601T100000'),
        ...vevent('UID:custom', 'DTSTART;TZID=Customized Time Zone:20250601T100000'),
        ...vevent('UID:unknown', 'DTSTART;TZID=Mars/Olympus_Mons:20250601T100000'),
      ),
      { timeZone: 'Asia/Tokyo' },
    );
    expect(events.map((e) => [e.sourceId, iso(e.startsAt), e.timeZone])).toEqual([
      ['utc', '2025-06-01T10:00:00.000Z', 'Asia/Tokyo'],
      ['iana', '2025-06-01T14:00:00.000Z', 'America/New_York'],
      ['floating', '2025-06-01T01:00:00.000Z', 'Asia/Tokyo'],
      ['custom', '2025-06-01T08:00:00.000Z', 'Asia/Tokyo'],
      ['unknown', '2025-06-01T01:00:00.000Z', 'Asia/Tokyo'],
    ]);
  });

  it('maps Windows and Outlook zone names to IANA', () => {
    const names = {
      'W. Europe Standard Time': 'Europe/Berlin',
      '"W. Europe Standard Time"': 'Europe/Berlin',
      '"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"': 'Europe/Amsterdam',
      '"(UTC-05:00) Eastern Time (US & Canada)"': 'America/New_York',
      '"(GMT+10:00) Canberra, Melbourne, Sydney"': 'Australia/Sydney',
      '"Amsterdam, Belgrade, Berlin, Brussels, Budapest, Madrid, Paris, Prague, Stockholm"':
        'Europe/Amsterdam',
      'Pacific Standard Time': 'America/Los_Angeles',
      '/mozilla.org/20050126_1/Europe/Berlin': 'Europe/Berlin',
      'US/Central': 'America/Chicago',
    };
    const lines = Object.keys(names).flatMap((tzid, i) =>
      vevent(`UID:${i}`, `DTSTART;TZID=${tzid}:20250115T090000`, `DTEND;TZID=${tzid}:20250115T100000`),
    );
    const { events, problems } = read(ics(...lines));
    expect(problems).toEqual([]);
    expect(events.map((e) => e.timeZone)).toEqual(Object.values(names));
    for (const event of events) expect(local(event.startsAt, event.timeZone)).toBe('2025-01-15T09:00');
  });

  it('reads a bare UTC offset as a fixed zone', () => {
    const { events } = read(ics(...vevent('UID:o', 'DTSTART;TZID="(GMT +01:00)":20250715T140000')));
    expect(events.map((e) => [iso(e.startsAt), e.timeZone])).toEqual([
      ['2025-07-15T13:00:00.000Z', 'Etc/GMT-1'],
    ]);
  });
});

describe('recurrence', () => {
  it('keeps a weekly 09:00 Berlin meeting at 09:00 local across the March change', () => {
    const { events } = read(
      ics(
        ...vevent(
          'UID:weekly',
          'SUMMARY:Team',
          'DTSTART;TZID=Europe/Berlin:20250317T090000',
          'DTEND;TZID=Europe/Berlin:20250317T093000',
          'RRULE:FREQ=WEEKLY;COUNT=3',
        ),
      ),
    );
    expect(events.map(span)).toEqual([
      ['2025-03-17T08:00:00.000Z', '2025-03-17T08:30:00.000Z'],
      ['2025-03-24T08:00:00.000Z', '2025-03-24T08:30:00.000Z'],
      ['2025-03-31T07:00:00.000Z', '2025-03-31T07:30:00.000Z'],
    ]);
    expect(events.map((e) => local(e.startsAt, 'Europe/Berlin'))).toEqual([
      '2025-03-17T09:00',
      '2025-03-24T09:00',
      '2025-03-31T09:00',
    ]);
    expect(events.every((e) => e.recurring && e.timeZone === 'Europe/Berlin')).toBe(true);
    expect(events.map((e) => e.sourceId)).toEqual([
      'weekly/2025-03-17T08:00:00Z',
      'weekly/2025-03-24T08:00:00Z',
      'weekly/2025-03-31T07:00:00Z',
    ]);
  });

  it('applies EXDATE, RDATE and an override that comes before its master', () => {
    const { events, problems } = read(
      ics(
        ...vevent(
          'UID:s',
          'RECURRENCE-ID;TZID=Europe/Berlin:20250108T100000',
          'SUMMARY:Moved',
          'DTSTART;TZID=Europe/Berlin:20250108T150000',
          'DTEND;TZID=Europe/Berlin:20250108T160000',
          'ATTENDEE;PARTSTAT=DECLINED:mailto:me@linchpin.example',
        ),
        ...vevent('UID:other', 'DTSTART:20250101T120000Z'),
        ...vevent(
          'UID:s',
          'SUMMARY:Daily',
          'LOCATION:Room 1',
          'DTSTART;TZID=Europe/Berlin:20250106T100000',
          'DTEND;TZID=Europe/Berlin:20250106T103000',
          'RRULE:FREQ=DAILY;COUNT=4',
          'EXDATE;TZID=Europe/Berlin:20250107T100000',
          'RDATE;TZID=Europe/Berlin:20250111T120000',
        ),
      ),
    );
    expect(problems).toEqual([]);
    const series = events.filter((e) => e.sourceId.startsWith('s/')).sort(byStart);
    expect(series.map((e) => [e.sourceId, local(e.startsAt, 'Europe/Berlin'), e.title, e.location])).toEqual([
      ['s/2025-01-06T09:00:00Z', '2025-01-06T10:00', 'Daily', 'Room 1'],
      ['s/2025-01-08T09:00:00Z', '2025-01-08T15:00', 'Moved', 'Room 1'],
      ['s/2025-01-09T09:00:00Z', '2025-01-09T10:00', 'Daily', 'Room 1'],
      ['s/2025-01-11T11:00:00Z', '2025-01-11T12:00', 'Daily', 'Room 1'],
    ]);
    expect(series.map((e) => (e.endsAt.getTime() - e.startsAt.getTime()) / 60_000)).toEqual([30, 60, 30, 30]);
    expect(series[1]?.attendees).toEqual([
      { email: 'me@linchpin.example', name: null, partstat: 'DECLINED' },
    ]);
    expect(series[1]?.line).toBe(3);
  });

  it('matches an override whose RECURRENCE-ID is in another zone, and moves an all-day instance', () => {
    const { events } = read(
      ics(
        ...vevent('UID:t', 'DTSTART;TZID=America/New_York:20250106T090000', 'RRULE:FREQ=DAILY;COUNT=2'),
        ...vevent('UID:t', 'RECURRENCE-ID:20250107T140000Z', 'DTSTART;TZID=America/New_York:20250107T110000'),
        ...vevent('UID:d', 'DTSTART;VALUE=DATE:20250106', 'RRULE:FREQ=DAILY;COUNT=2'),
        // Exchange writes the RECURRENCE-ID of an all-day instance as local midnight.
        ...vevent(
          'UID:d',
          'RECURRENCE-ID;TZID=W. Europe Standard Time:20250107T000000',
          'DTSTART;VALUE=DATE:20250110',
        ),
      ),
    );
    expect(events.map((e) => [e.sourceId, iso(e.startsAt)])).toEqual([
      ['t/2025-01-06T14:00:00Z', '2025-01-06T14:00:00.000Z'],
      ['t/2025-01-07T14:00:00Z', '2025-01-07T16:00:00.000Z'],
      ['d/2025-01-06', '2025-01-05T23:00:00.000Z'],
      ['d/2025-01-07', '2025-01-09T23:00:00.000Z'],
    ]);
  });

  it('moves later instances with a RANGE=THISANDFUTURE override', () => {
    const { events } = read(
      ics(
        ...vevent(
          'UID:f',
          'SUMMARY:Old time',
          'DTSTART:20250106T090000Z',
          'DTEND:20250106T100000Z',
          'RRULE:FREQ=DAILY;COUNT=4',
        ),
        ...vevent(
          'UID:f',
          'RECURRENCE-ID;RANGE=THISANDFUTURE:20250108T090000Z',
          'SUMMARY:New time',
          'DTSTART:20250108T130000Z',
          'DTEND:20250108T133000Z',
        ),
      ),
    );
    expect(events.sort(byStart).map((e) => [e.sourceId, ...span(e), e.title])).toEqual([
      ['f/2025-01-06T09:00:00Z', '2025-01-06T09:00:00.000Z', '2025-01-06T10:00:00.000Z', 'Old time'],
      ['f/2025-01-07T09:00:00Z', '2025-01-07T09:00:00.000Z', '2025-01-07T10:00:00.000Z', 'Old time'],
      ['f/2025-01-08T09:00:00Z', '2025-01-08T13:00:00.000Z', '2025-01-08T13:30:00.000Z', 'New time'],
      ['f/2025-01-09T09:00:00Z', '2025-01-09T13:00:00.000Z', '2025-01-09T13:30:00.000Z', 'New time'],
    ]);
  });

  it('ends an Exchange series on its UNTIL (the last start in UTC) and reads a local UNTIL in the zone', () => {
    const { events } = read(
      ics(
        ...vevent(
          'UID:x',
          'DTSTART;TZID=W. Europe Standard Time:20250106T090000',
          'RRULE:FREQ=DAILY;UNTIL=20250108T080000Z',
        ),
        ...vevent(
          'UID:y',
          'DTSTART;TZID=America/New_York:20250106T090000',
          'RRULE:FREQ=DAILY;UNTIL=20250107T090000',
        ),
        ...vevent(
          'UID:z',
          'DTSTART;TZID=America/New_York:20250106T230000',
          'RRULE:FREQ=DAILY;UNTIL=20250107',
        ),
      ),
    );
    expect(events.map((e) => e.sourceId)).toEqual([
      'x/2025-01-06T08:00:00Z',
      'x/2025-01-07T08:00:00Z',
      'x/2025-01-08T08:00:00Z',
      'y/2025-01-06T14:00:00Z',
      'y/2025-01-07T14:00:00Z',
      'z/2025-01-07T04:00:00Z',
      'z/2025-01-08T04:00:00Z',
    ]);
  });

  it('ids floating instances by their wall clock, so the user zone does not change them', () => {
    const text = ics(...vevent('UID:fl', 'DTSTART:20250106T090000', 'RRULE:FREQ=DAILY;COUNT=1'));
    for (const timeZone of ['Europe/Amsterdam', 'Asia/Tokyo']) {
      expect(read(text, { timeZone }).events.map((e) => e.sourceId)).toEqual(['fl/2025-01-06T09:00:00']);
    }
  });

  it('yields only the instances that start inside the window', () => {
    const window = { from: new Date('2025-03-10T00:00:00Z'), to: new Date('2025-03-13T00:00:00Z') };
    const { events } = read(
      ics(
        ...vevent('UID:w', 'DTSTART:20200101T000000Z', 'DTEND:20200101T120000Z', 'RRULE:FREQ=DAILY'),
        ...vevent('UID:before', 'DTSTART:20250309T235959Z'),
        ...vevent('UID:from', 'DTSTART:20250310T000000Z'),
        ...vevent('UID:to', 'DTSTART:20250313T000000Z'),
      ),
      { window },
    );
    expect(events.map((e) => e.sourceId)).toEqual([
      'w/2025-03-10T00:00:00Z',
      'w/2025-03-11T00:00:00Z',
      'w/2025-03-12T00:00:00Z',
      'from',
    ]);
  });

  it('stops a series at the instance cap with a problem', () => {
    const window = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') };
    const { events, problems } = read(
      ics(...vevent('UID:h', 'DTSTART:20250101T000000Z', 'DTEND:20250101T001000Z', 'RRULE:FREQ=HOURLY')),
      { window },
    );
    expect(events).toHaveLength(MAX_INSTANCES_PER_SERIES);
    expect(problems).toEqual([
      {
        line: 3,
        sourceId: 'h',
        message: `the series yields more than ${MAX_INSTANCES_PER_SERIES} instances in the import window; only the first ${MAX_INSTANCES_PER_SERIES} were read`,
      },
    ]);
  });
});

describe('problems', () => {
  it('reports each unreadable event with its line and goes on with the others', () => {
    const { events, problems } = read(
      ics(
        ...vevent('UID:bad-rule', 'DTSTART:20250101T100000Z', 'RRULE:FREQ=SOMETIMES'),
        ...vevent('UID:ok-1', 'DTSTART:20250101T100000Z'),
        ...vevent('UID:bad-date', 'SUMMARY:x', 'DTSTART:20241345T100000'),
        ...vevent('UID:no-start', 'SUMMARY:y'),
        ...vevent('UID:backwards', 'DTSTART:20250101T100000Z', 'DTEND:20250101T090000Z'),
        ...vevent('UID:no-freq', 'DTSTART:20250101T100000Z', 'RRULE:COUNT=3'),
        ...vevent('UID:ok-2', 'DTSTART:20250102T100000Z', 'X-BROKEN;=:', 'DTSTAMP:garbage'),
      ),
    );
    expect(events.map((e) => e.sourceId)).toEqual(['ok-1', 'ok-2']);
    expect(problems).toEqual<ImportProblem[]>([
      {
        line: 6,
        sourceId: 'bad-rule',
        message: expect.stringMatching(/^RRULE "FREQ=SOMETIMES" cannot be read: invalid frequency/),
      },
      { line: 15, sourceId: 'bad-date', message: 'DTSTART "20241345T100000" is not a date-time' },
      { line: 17, sourceId: 'no-start', message: 'the event has no DTSTART' },
      {
        line: 24,
        sourceId: 'backwards',
        message: 'DTEND "20250101T090000Z" is before DTSTART "20250101T100000Z"',
      },
      { line: 29, sourceId: 'no-freq', message: 'RRULE "COUNT=3" has no FREQ' },
    ]);
  });

  it('reports an event left open', () => {
    const { events, problems } = read(
      [
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'UID:open',
        'DTSTART:20250101T100000Z',
        ...vevent('UID:next', 'DTSTART:20250101T100000Z'),
      ].join('\n'),
    );
    expect(events.map((e) => e.sourceId)).toEqual(['next']);
    expect(problems).toEqual([
      { line: 2, sourceId: 'open', message: 'BEGIN:VEVENT on line 2 has no END:VEVENT' },
    ]);
  });

  it('refuses what is not a calendar before yielding anything', () => {
    const window = WIDE;
    const parse = (text: string) => parseIcs(text, { window, timeZone: 'UTC' });
    expect(badRequest(() => parse('')).message).toMatch(/empty/);
    expect(badRequest(() => parse('   \r\n ')).message).toMatch(/empty/);
    expect(badRequest(() => parse('BEGIN:VCALENDAR\r\n\0\0\x01garbage')).message).toMatch(/binary/);
    expect(badRequest(() => parse('<!doctype html><html><body>Sign in</body></html>')).message).toMatch(
      /web page/,
    );
    expect(badRequest(() => parse('Subject,Start Date\r\nx,y')).message).toMatch(/BEGIN:VCALENDAR/);
    expect(badRequest(() => parse('BEGIN:VCARD\r\nEND:VCARD')).message).toMatch(/BEGIN:VCALENDAR/);
    expect(badRequest(() => parse(ics(...vevent('SUMMARY:caf\uFFFD', 'DTSTART:20250101')))).message).toMatch(
      /UTF-8/,
    );
  });

  it('reads a calendar with a BOM, leading blank lines, LF line ends and lower-case names', () => {
    const text = `\uFEFF\n  begin:vcalendar\nbegin:vevent\nuid:lc\ndtstart:20250101T100000Z\nsummary:Lower\nend:vevent\nend:vcalendar\n`;
    const { events, problems } = read(text);
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.sourceId, e.title, e.line])).toEqual([['lc', 'Lower', 3]]);
  });
});

describe('properties', () => {
  const ZONES = Intl.supportedValuesOf('timeZone');
  const zone = fc.constantFrom(...ZONES);
  const wallClock = fc.record({
    year: fc.integer({ min: 2001, max: 2035 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  });
  const stamp = (dt: DateTime) => dt.toFormat("yyyyMMdd'T'HHmmss");
  const pad = (n: number) => String(n).padStart(2, '0');
  const value = (w: { year: number; month: number; day: number; hour: number; minute: number }) =>
    `${w.year}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}00`;

  it('a single event keeps its wall clock and its minutes in any zone', () => {
    fc.assert(
      fc.property(zone, wallClock, fc.integer({ min: 1, max: 24 * 60 }), (tz, w, minutes) => {
        const start = DateTime.fromObject(w, { zone: tz });
        fc.pre(start.hour === w.hour && start.minute === w.minute); // not a time the clocks skip
        const { events } = read(
          ics(...vevent('UID:p', `DTSTART;TZID=${tz}:${value(w)}`, `DURATION:PT${minutes}M`)),
        );
        expect(events).toHaveLength(1);
        const [event] = events;
        expect(local(event!.startsAt, tz)).toBe(start.toFormat("yyyy-MM-dd'T'HH:mm"));
        expect((event!.endsAt.getTime() - event!.startsAt.getTime()) / 60_000).toBe(minutes);
        expect(event!.timeZone).toBe(
          new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a daily RRULE with COUNT=n yields n instances at the same wall clock', () => {
    fc.assert(
      fc.property(zone, wallClock, fc.integer({ min: 1, max: 60 }), (tz, w, n) => {
        const { events } = read(
          ics(...vevent('UID:c', `DTSTART;TZID=${tz}:${value(w)}`, `RRULE:FREQ=DAILY;COUNT=${n}`)),
        );
        expect(events).toHaveLength(n);
        expect(new Set(events.map((e) => e.sourceId)).size).toBe(n);
        const first = DateTime.fromObject(w, { zone: tz });
        events.forEach((event, i) => {
          const expected = first.plus({ days: i });
          // Where the clocks skip the hour, the instance moves to the first time that exists.
          if (expected.hour === w.hour)
            expect(local(event.startsAt, tz)).toBe(expected.toFormat("yyyy-MM-dd'T'HH:mm"));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('instances are the ones of an unbounded read that start inside the window', () => {
    const rule = fc.constantFrom(
      'FREQ=DAILY',
      'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      'FREQ=MONTHLY;BYMONTHDAY=1,15',
      'FREQ=HOURLY;INTERVAL=7',
    );
    const day = 86_400_000;
    fc.assert(
      fc.property(
        zone,
        rule,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 120 }),
        fc.boolean(),
        (tz, rrule, offsetDays, lengthDays, allDay) => {
          const start = DateTime.fromObject({ year: 2024, month: 1, day: 1, hour: 9 }, { zone: tz });
          const text = ics(
            ...vevent(
              'UID:w',
              allDay ? 'DTSTART;VALUE=DATE:20240101' : `DTSTART;TZID=${tz}:${stamp(start)}`,
              `RRULE:${rrule};COUNT=400`,
            ),
          );
          const from = new Date(Date.UTC(2024, 0, 1) + offsetDays * day);
          const window = { from, to: new Date(from.getTime() + lengthDays * day) };
          const all = read(text, { timeZone: tz }).events;
          const inside = read(text, { timeZone: tz, window }).events;
          for (const event of inside) {
            expect(event.startsAt >= window.from && event.startsAt < window.to).toBe(true);
          }
          expect(inside.map((e) => e.sourceId)).toEqual(
            all.filter((e) => e.startsAt >= window.from && e.startsAt < window.to).map((e) => e.sourceId),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
