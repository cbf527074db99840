import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportItem } from '../events.ts';
import { parseCsv } from './index.ts';

const window = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };

function read(name: string, timeZone = 'Europe/Berlin') {
  const text = new TextDecoder().decode(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
  const { format, items } = parseCsv(text, { window, timeZone });
  const all: ImportItem[] = [...items];
  return {
    format,
    events: all.flatMap((item) => ('event' in item ? [item.event] : [])),
    problems: all.flatMap((item) => ('problem' in item ? [item.problem] : [])),
  };
}

/** What a person checks of an imported entry: when, what, for whom, billable or not. */
const entry = (e: ReturnType<typeof read>['events'][number]) => ({
  title: e.title,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt.toISOString(),
  account: e.given?.account,
  commercial: e.given?.commercial,
});

describe('Harvest detailed time report', () => {
  it('lays each day’s entries end to end from 09:00, with decimal hours, client as the account', () => {
    const { format, events, problems } = read('harvest-us.csv', 'America/New_York');
    expect(format).toBe('harvest');
    expect(problems).toEqual([]);
    expect(events.map(entry)).toEqual([
      {
        title: 'Joint plan with buyer, pipeline',
        startsAt: '2026-11-23T14:00:00.000Z',
        endsAt: '2026-11-23T15:30:00.000Z',
        account: 'Northwind Traders',
        commercial: true,
      },
      {
        title: 'Travel',
        startsAt: '2026-11-23T15:30:00.000Z',
        endsAt: '2026-11-23T16:15:00.000Z',
        account: 'Northwind Traders',
        commercial: undefined,
      },
      {
        title: 'Forecast call',
        startsAt: '2026-11-24T14:00:00.000Z',
        endsAt: '2026-11-24T16:00:00.000Z',
        account: 'Acme (internal)',
        commercial: undefined,
      },
    ]);
    expect(events[0]?.description).toBe('Account Management');
  });

  it('reads a European export: BOM, semicolons, comma decimals ("1,5"), h:mm hours, day-first dates', () => {
    const { format, events, problems } = read('harvest-eu.csv');
    expect(format).toBe('harvest');
    expect(problems).toEqual([]);
    expect(
      events.map((e) => [
        e.title,
        e.startsAt.toISOString(),
        (e.endsAt.getTime() - e.startsAt.getTime()) / 60_000,
      ]),
    ).toEqual([
      ['Lieferanten-Workshop', '2026-11-23T08:00:00.000Z', 90],
      ['Werkstatt-Besuch', '2026-11-23T09:30:00.000Z', 15],
      ['Werkstatt', '2026-11-24T08:00:00.000Z', 90],
    ]);
    expect(events[0]?.given?.commercial).toBe(true);
  });

  it('gives the same entries the same sourceId on every import', () => {
    expect(read('harvest-us.csv').events.map((e) => e.sourceId)).toEqual(
      read('harvest-us.csv').events.map((e) => e.sourceId),
    );
  });

  it('names the cell when the hours cannot be read', () => {
    const text =
      'Date,Client,Project,Task,Notes,Hours,Billable?\n2026-11-23,Northwind,Plan,Meeting,Call,one hour,Yes\n';
    const { problems } = (() => {
      const { items } = parseCsv(text, { window, timeZone: 'UTC' });
      return { problems: [...items].flatMap((i) => ('problem' in i ? [i.problem] : [])) };
    })();
    expect(problems).toEqual([
      { line: 2, message: '"Hours" "one hour" is not a number of hours (1.5, 1,5 or 1:30)' },
    ]);
  });
});

describe('Toggl Track and Clockify in other languages', () => {
  it('German Toggl: dd.mm.yyyy, Ja/Nein', () => {
    const { format, events } = read('toggl-de.csv');
    expect(format).toBe('toggl');
    expect(events.map(entry)).toEqual([
      {
        title: 'Lieferanten-Workshop',
        startsAt: '2026-04-03T07:00:00.000Z',
        endsAt: '2026-04-03T08:15:00.000Z',
        account: 'Fabrikam',
        commercial: true,
      },
      {
        title: 'Forecast-Runde',
        startsAt: '2026-04-04T09:00:00.000Z',
        endsAt: '2026-04-04T09:45:00.000Z',
        account: 'Intern',
        commercial: undefined,
      },
    ]);
    expect(events[0]?.categories).toEqual(['Q2', 'Strategie']);
  });

  it('French Clockify: semicolons, 03/04 read day first, Oui/Non', () => {
    const { format, events } = read('clockify-fr.csv', 'Europe/Paris');
    expect(format).toBe('clockify');
    expect(events.map((e) => [e.title, e.startsAt.toISOString(), e.given?.commercial])).toEqual([
      ['Atelier fournisseurs', '2026-04-03T07:00:00.000Z', true],
      ['Revue qualité', '2026-04-04T12:00:00.000Z', undefined],
    ]);
  });

  it('Spanish Toggl: dd/mm/yyyy from the language even in a comma file, Sí/No', () => {
    const { format, events } = read('toggl-es.csv', 'Europe/Madrid');
    expect(format).toBe('toggl');
    expect(events.map((e) => [e.title, e.startsAt.toISOString(), e.given?.commercial])).toEqual([
      ['Reunión con compras', '2026-04-03T07:00:00.000Z', true],
      ['Llamada de seguimiento', '2026-04-13T14:00:00.000Z', undefined],
    ]);
  });

  it('Dutch Clockify: dd-mm-yyyy, Ja/Nee, "Duur (u)"', () => {
    const { format, events } = read('clockify-nl.csv', 'Europe/Amsterdam');
    expect(format).toBe('clockify');
    expect(events.map((e) => [e.title, e.startsAt.toISOString(), e.given?.commercial])).toEqual([
      ['Leveranciersoverleg', '2026-04-03T07:00:00.000Z', true],
      ['Kwaliteitsreview', '2026-04-04T12:00:00.000Z', undefined],
    ]);
  });

  it('Japanese Toggl: year-first dates (2026/04/03 and 2026年04月13日), はい/いいえ', () => {
    const { format, events, problems } = read('toggl-ja.csv', 'Asia/Tokyo');
    expect(format).toBe('toggl');
    expect(problems).toEqual([]);
    expect(events.map(entry)).toEqual([
      {
        title: '購買部との打ち合わせ',
        startsAt: '2026-04-03T00:00:00.000Z',
        endsAt: '2026-04-03T01:00:00.000Z',
        account: 'コントソ',
        commercial: true,
      },
      {
        title: '週次ミーティング',
        startsAt: '2026-04-13T07:00:00.000Z',
        endsAt: '2026-04-13T07:30:00.000Z',
        account: '社内',
        commercial: undefined,
      },
    ]);
  });

  it('names every format it knows when the header is none of them', () => {
    expect(() => parseCsv('Name;Telefon\nAnn;123\n', { window, timeZone: 'UTC' })).toThrow(
      /Linchpin's columns.*Toggl Track.*Clockify.*Harvest.*Outlook.*German, French, Spanish, Dutch or Japanese/,
    );
  });
});
