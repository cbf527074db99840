import { describe, expect, it } from 'vitest';
import { ics, iso, local, read, span, vevent } from '../../../test/ics.ts';
import type { ImportedEvent } from './events.ts';

// Reading .ics files: single and all-day events and their zones. Recurrence, problems and the
// properties over every zone have files of their own (ics-*.test.ts).

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
