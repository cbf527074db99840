import { describe, expect, it } from 'vitest';
import { byStart, ics, iso, local, read, span, vevent } from '../../../test/ics.ts';
import { MAX_INSTANCES_PER_SERIES } from './ics/index.ts';

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
