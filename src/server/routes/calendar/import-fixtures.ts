// The calendars the import suites send: Outlook-like, in Europe/Amsterdam, organised by their owner.
import { buildPerson, type TestUser } from '../../../../test/factories.ts';
import { type IcsEvent, icsCalendar } from '../../../../test/ics.ts';
import type { Core } from '../../../core/index.ts';

export const ZONE = 'Europe/Amsterdam';
/** Someone who lives in Amsterdam, as the calendars' times do. */
export const amsterdammer = (core: Core) => buildPerson(core, { timeZone: ZONE });

/** An Outlook-like calendar in Europe/Amsterdam that `owner` organises. */
export const calendar = (events: IcsEvent[], owner: TestUser) =>
  icsCalendar(
    events.map((e) => ({
      zone: ZONE,
      ...e,
      lines: [`ORGANIZER;CN=Ann:mailto:${owner.email}`, ...(e.lines ?? [])],
    })),
  );

/** A week of November 2026: a customer QBR, a team sync, an all-day offsite, a declined webinar. */
export const week = (owner: TestUser): IcsEvent[] => [
  {
    uid: 'qbr-1',
    summary: 'Quarterly business review',
    start: '20261117T100000',
    end: '20261117T113000',
    lines: ['ATTENDEE;CN=Buyer;PARTSTAT=ACCEPTED:mailto:buyer@northwind.example'],
  },
  { uid: 'sync-1', summary: 'Team sync', start: '20261118T090000', end: '20261118T093000' },
  { uid: 'offsite-1', summary: 'Offsite', start: '20261119', end: '20261120' },
  {
    uid: 'declined-1',
    summary: 'Optional webinar',
    start: '20261119T150000',
    end: '20261119T160000',
    lines: [`ATTENDEE;PARTSTAT=DECLINED:mailto:${owner.email}`],
  },
];
