import { describe, expect, it } from 'vitest';
import { thrownAppError } from '../../../test/errors.ts';
import { ics, read, vevent, WIDE } from '../../../test/ics.ts';
import type { ImportProblem } from './events.ts';
import { parseIcs } from './ics/index.ts';

const badRequest = (run: () => unknown) => thrownAppError(run, 'bad_request');

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
