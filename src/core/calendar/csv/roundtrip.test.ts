import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityView } from '../../activities/schemas.ts';
import { toActivityView } from '../../activities/service.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from '../../db/schema/index.ts';
import { activitiesCsv, UTF8_BOM } from '../../exports/csv.ts';
import type { ImportedEvent } from '../events.ts';
import { escapeCell, unescapeCell } from './generic.ts';
import { parseCsv } from './index.ts';

const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/St_Johns',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Africa/Casablanca',
];

// Text that is hard for CSV: delimiters, quotes, line breaks, formula starts, non-ASCII. Control
// characters other than tab/CR/LF are left out: a file full of them is refused as binary.
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ',',
        ';',
        '"',
        '""',
        "'",
        '\n',
        '\r\n',
        '\r',
        '\t',
        ' ',
        '=',
        '+',
        '-',
        '@',
        'é',
        '€',
        '😀',
        '\uFFFD',
      ),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { maxLength: 12 },
  )
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  .map((parts) => parts.join('').replace(/[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f]/g, ''));

const trimmed = tricky.map((s) => s.trim()).filter((s) => s.length > 0);

const activityArb = fc.record({
  id: fc.uuid(),
  title: trimmed,
  // Whole seconds from 1990 to 2060, where every zone's offset is a whole number of minutes.
  startSeconds: fc.integer({ min: 631_152_000, max: 2_871_763_200 }),
  minutes: fc.integer({ min: 1, max: 1440 }),
  timeZone: fc.constantFrom(...ZONES),
  urgent: fc.boolean(),
  important: fc.boolean(),
  accountName: fc.option(trimmed, { nil: null }),
  kind: fc.constantFrom(...ACTIVITY_KINDS),
  commercial: fc.boolean(),
  status: fc.constantFrom(...ACTIVITY_STATUSES),
  notes: fc.option(
    tricky.filter((s) => s.length > 0),
    { nil: null },
  ),
});

type Generated = typeof activityArb extends fc.Arbitrary<infer T> ? T : never;

function view(a: Generated): ActivityView {
  const startsAt = new Date(a.startSeconds * 1000);
  const endsAt = new Date(startsAt.getTime() + a.minutes * 60_000);
  const now = new Date('2026-11-23T12:00:00Z');
  return toActivityView({
    id: a.id,
    workspaceId: 'w',
    userId: 'u',
    accountId: a.accountName ? 'acc' : null,
    goalId: null,
    goalTitle: null,
    accountName: a.accountName,
    title: a.title,
    startsAt,
    endsAt,
    minutes: a.minutes,
    timeZone: a.timeZone,
    urgent: a.urgent,
    important: a.important,
    kind: a.kind,
    commercial: a.commercial,
    status: a.status,
    notes: a.notes,
    source: 'manual',
    sourceId: null,
    calendarId: null,
    allDay: false,
    excludedReason: null,
    classification: 'manual',
    ruleId: null,
    attendees: [],
    organizer: null,
    location: null,
    recurring: false,
    sourceHash: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  });
}

function events(csv: string, timeZone: string): ImportedEvent[] {
  const { format, items } = parseCsv(csv, {
    timeZone,
    window: { from: new Date(0), to: new Date('2100-01-01T00:00:00Z') },
  });
  expect(format).toBe('generic');
  return [...items].map((item) => {
    if ('problem' in item) throw new Error(`line ${item.problem.line}: ${item.problem.message}`);
    return item.event;
  });
}

describe('generic CSV export → import', () => {
  it('gives back every activity with identical values', () => {
    fc.assert(
      fc.property(
        fc.array(activityArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...ZONES),
        (list, zone) => {
          const views = list.map(view);
          const imported = events(UTF8_BOM + activitiesCsv(views), zone);
          expect(imported).toHaveLength(views.length);
          imported.forEach((event, i) => {
            const a = list[i]!;
            const v = views[i]!;
            expect(event.sourceId).toBe(a.id);
            expect(event.title).toBe(a.title);
            expect(event.startsAt.toISOString()).toBe(new Date(v.startsAt).toISOString());
            expect(event.startsAt.getTime()).toBe(a.startSeconds * 1000);
            expect(event.endsAt.getTime() - event.startsAt.getTime()).toBe(a.minutes * 60_000);
            expect(event.given).toEqual({
              urgent: a.urgent,
              important: a.important,
              ...(a.accountName ? { account: a.accountName } : {}),
              kind: a.kind,
              commercial: a.commercial,
              status: a.status,
              ...(a.notes ? { notes: a.notes } : {}),
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('escapes formula starts reversibly', () => {
    fc.assert(
      fc.property(tricky, (value) => {
        const escaped = escapeCell(value);
        expect(unescapeCell(escaped)).toBe(value);
        expect(escaped).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 1000 },
    );
  });
});
