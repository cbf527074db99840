import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { icsCalendar } from '../../../test/ics.ts';
import { packageRoot } from '../paths.ts';
import { parseCsv } from './csv/index.ts';
import type { ImportedEvent } from './events.ts';
import { parseIcs } from './ics/index.ts';
import { HASHED_KEYS, hashedText } from './stored-events.ts';

const WINDOW = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2040-01-01T00:00:00Z') };
const options = { window: WINDOW, timeZone: 'Europe/Amsterdam' };
const events = (items: Iterable<{ event: ImportedEvent } | { problem: unknown }>) =>
  [...items].flatMap((item) => ('event' in item ? [item.event] : []));

const CORPUS = join(packageRoot(), '../shared/corpus/ics');

/** The shared corpus of real calendars (when it is there) and the CSV fixtures. */
function sources(): { name: string; events: ImportedEvent[] }[] {
  const found: { name: string; events: ImportedEvent[] }[] = [];
  const corpus = CORPUS;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(dir, entry.name))
        : entry.name.endsWith('.ics')
          ? [join(dir, entry.name)]
          : [],
    );
  for (const path of existsSync(corpus) ? walk(corpus) : []) {
    try {
      found.push({ name: path, events: events(parseIcs(readFileSync(path, 'utf8'), options)) });
    } catch {
      // not a calendar at all: nothing to hash
    }
  }
  const fixtures = join(packageRoot(), 'src/core/calendar/csv/fixtures');
  for (const name of readdirSync(fixtures)) {
    try {
      found.push({
        name,
        events: events(parseCsv(readFileSync(join(fixtures, name), 'utf8'), options).items),
      });
    } catch {
      // a fixture made to be refused
    }
  }
  return found;
}

describe('hashedText', () => {
  it('is the text stored hashes were made of, for every event of the corpus and the CSV fixtures', () => {
    let compared = 0;
    for (const source of sources()) {
      for (const event of source.events) {
        expect(hashedText(event), source.name).toBe(JSON.stringify(event, HASHED_KEYS));
        compared++;
      }
    }
    const series = icsCalendar([
      {
        uid: 'weekly',
        summary: 'Weekly “sync” 🎉',
        start: '20261102T090000',
        end: '20261102T093000',
        zone: 'Europe/Amsterdam',
        lines: [
          'RRULE:FREQ=WEEKLY;COUNT=5',
          'ATTENDEE;CN=Buyer;PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:buyer@customer.example',
          'CATEGORIES:Red,Blue',
          'TRANSP:TRANSPARENT',
        ],
      },
    ]);
    for (const event of events(parseIcs(series, options))) {
      expect(hashedText(event)).toBe(JSON.stringify(event, HASHED_KEYS));
      compared++;
    }
    // The CSV fixtures and the series alone give some thirty; the shared corpus, when beside us, many more.
    expect(compared).toBeGreaterThan(existsSync(CORPUS) ? 50 : 20);
  });

  it('leaves out what is not there, as the replacer list did', () => {
    const event: ImportedEvent = {
      sourceId: 'a',
      title: 'T',
      startsAt: new Date('2026-11-20T09:00:00Z'),
      endsAt: new Date(Number.NaN),
      timeZone: 'UTC',
      allDay: false,
      recurring: false,
      status: 'confirmed',
      transparent: false,
      organizer: null,
      attendees: [{ email: null, name: 'N', partstat: null, role: 'CHAIR' } as ImportedEvent['attendees'][0]],
      location: null,
      description: null,
      categories: ['x'],
      line: 3,
      given: { notes: 'n', urgent: false, kind: undefined },
    };
    expect(hashedText(event)).toBe(JSON.stringify(event, HASHED_KEYS));
    expect(hashedText({ ...event, given: {} })).toBe(JSON.stringify({ ...event, given: {} }, HASHED_KEYS));
  });
});
