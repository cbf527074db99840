/** A parsed VEVENT and its overrides as event instances inside the window. */
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import type { ImportedAttendee, ImportedEvent, ImportItem } from '../events.ts';
import { LuxonZone, type ZoneResolver } from '../zones.ts';
import { dateOf, endOf, instant, lengthOf, problemAt, wallClock } from './block.ts';
import {
  type Context,
  type Length,
  latestPerRecurrence,
  MAX_INSTANCES_PER_SERIES,
  MAX_STEPS_PER_SERIES,
  type Parsed,
} from './model.ts';

interface Shared {
  uid: string | null;
  title: string | null;
  status: ImportedEvent['status'] | null;
  transparent: boolean | null;
  organizer: string | null | undefined;
  attendees: ImportedAttendee[] | null;
  location: string | null | undefined;
  description: string | null | undefined;
  categories: string[] | null;
}

const sharedCache = new WeakMap<ICAL.Component, Shared>();

export const text = (component: ICAL.Component, name: string): string | null | undefined => {
  if (!component.hasProperty(name)) return undefined;
  const value = component.getFirstPropertyValue(name);
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed || null;
};

function email(value: unknown, fallback?: unknown): string | null {
  for (const candidate of [value, fallback]) {
    if (typeof candidate !== 'string') continue;
    const address = candidate
      .trim()
      .replace(/^"|"$/g, '')
      .replace(/^mailto:/i, '')
      .trim()
      .toLowerCase();
    if (address.includes('@')) return address;
  }
  return null;
}

const param = (property: ICAL.Property, name: string): string | null => {
  const value = property.getParameter(name);
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = typeof first === 'string' ? first.trim().replace(/^"|"$/g, '') : '';
  return trimmed || null;
};

/** What a component says about itself; null/undefined where it says nothing (an override inherits). */
function sharedOf(component: ICAL.Component): Shared {
  let shared = sharedCache.get(component);
  if (shared) return shared;
  const status = text(component, 'status')?.toUpperCase();
  const organizer = component.getFirstProperty('organizer');
  const attendees = component.getAllProperties('attendee');
  const categories = component.getAllProperties('categories');
  shared = {
    uid: text(component, 'uid') ?? null,
    title: component.hasProperty('summary') ? (text(component, 'summary') ?? '') : null,
    status:
      status === undefined
        ? null
        : status === 'CANCELLED'
          ? 'cancelled'
          : status === 'TENTATIVE'
            ? 'tentative'
            : 'confirmed',
    transparent: component.hasProperty('transp')
      ? text(component, 'transp')?.toUpperCase() === 'TRANSPARENT'
      : null,
    organizer: organizer ? email(organizer.getFirstValue(), organizer.getParameter('email')) : undefined,
    attendees:
      attendees.length > 0
        ? attendees.map((attendee) => ({
            email: email(attendee.getFirstValue(), attendee.getParameter('email')),
            name: param(attendee, 'cn'),
            partstat: param(attendee, 'partstat')?.toUpperCase() ?? null,
          }))
        : null,
    location: text(component, 'location'),
    description: text(component, 'description'),
    categories:
      categories.length > 0
        ? [
            ...new Set(
              categories.flatMap((property) =>
                property
                  .getValues()
                  .map((value) => String(value).trim())
                  .filter(Boolean),
              ),
            ),
          ]
        : null,
  };
  sharedCache.set(component, shared);
  return shared;
}

interface Instance {
  parsed: Parsed;
  /** Where the fields come from: the event itself, or an override then its master. */
  sources: ICAL.Component[];
  start: ICAL.Time;
  length: Length;
  sourceId: string;
  recurring: boolean;
}

function toEvent(instance: Instance, context: Context): ImportedEvent | null {
  const { zones } = context;
  const startsAt = instant(instance.start, zones);
  if (startsAt < context.window.from || startsAt >= context.window.to) return null;
  const endsAt = Math.max(startsAt, endOf(instance.start, startsAt, instance.length, zones));
  const fields = instance.sources.map(sharedOf);
  const pick = <K extends keyof Shared>(key: K): Shared[K] => {
    for (const field of fields) if (field[key] !== null && field[key] !== undefined) return field[key];
    return fields[0]?.[key] as Shared[K];
  };
  const zone = instance.start.zone;
  const timeZone =
    !instance.start.isDate && zone instanceof LuxonZone && !zone.floating && zone.iana
      ? zone.iana
      : context.userZone;
  return {
    sourceId: instance.sourceId,
    title: pick('title') || '(no title)',
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    timeZone,
    allDay: instance.start.isDate,
    recurring: instance.recurring,
    status: pick('status') ?? 'confirmed',
    transparent: pick('transparent') ?? false,
    organizer: pick('organizer') ?? null,
    attendees: pick('attendees') ?? [],
    location: pick('location') ?? null,
    description: pick('description') ?? null,
    categories: pick('categories') ?? [],
    line: instance.parsed.block.line,
  };
}

function baseId(parsed: Parsed): string {
  const uid = sharedOf(parsed.component).uid;
  if (uid) return uid;
  const summary = String(parsed.component.getFirstProperty('summary')?.jCal[3] ?? '');
  return `nouid-${createHash('sha1').update(`${parsed.rawStart}\n${summary}`).digest('hex').slice(0, 24)}`;
}

/** The original start of an instance as it appears in its sourceId. */
function recurrenceKey(time: ICAL.Time, zones: ZoneResolver): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const date = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
  if (time.isDate) return date;
  if (time.zone === zones.floating || time.zone === ICAL.Timezone.localTimezone) {
    return `${date}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
  }
  return `${new Date(instant(time, zones)).toISOString().slice(0, 19)}Z`;
}

export function single(parsed: Parsed, context: Context): ImportItem[] {
  const result = toEvent(
    {
      parsed,
      sources: [parsed.component],
      start: parsed.start,
      length: lengthOf(parsed, parsed.start),
      sourceId: baseId(parsed),
      recurring: false,
    },
    context,
  );
  return result ? [{ event: result }] : [];
}

/** An override whose master is not in the file (an invitation to one instance). */
export function orphan(parsed: Parsed, context: Context): ImportItem[] {
  const recurrenceId = parsed.recurrenceId ?? parsed.start;
  const result = toEvent(
    {
      parsed,
      sources: [parsed.component],
      start: parsed.start,
      length: lengthOf(parsed, parsed.start),
      sourceId: `${baseId(parsed)}/${recurrenceKey(recurrenceId, context.zones)}`,
      recurring: true,
    },
    context,
  );
  return result ? [{ event: result }] : [];
}

/** RECURRENCE-ID in the master's terms: a date for an all-day series, else the master's zone. */
function normalizeRecurrenceId(recurrenceId: ICAL.Time, master: ICAL.Time, zones: ZoneResolver): ICAL.Time {
  if (master.isDate) {
    if (recurrenceId.isDate) return recurrenceId;
    const local =
      recurrenceId.zone === ICAL.Timezone.utcTimezone
        ? wallClock(instant(recurrenceId, zones), zones.user)
        : recurrenceId;
    return dateOf(local);
  }
  if (recurrenceId.isDate || recurrenceId.zone === master.zone) return recurrenceId;
  if (master.zone === ICAL.Timezone.utcTimezone) {
    return ICAL.Time.fromJSDate(new Date(instant(recurrenceId, zones)), true);
  }
  return wallClock(instant(recurrenceId, zones), master.zone);
}

export function expandSeries(master: Parsed, overrideList: Parsed[], context: Context): ImportItem[] {
  const { zones, window } = context;
  const items: ImportItem[] = [];
  const id = baseId(master);

  for (const override of overrideList) {
    const property = override.component.getFirstProperty('recurrence-id');
    if (!property || !override.recurrenceId) continue;
    const normalized = normalizeRecurrenceId(override.recurrenceId, master.start, zones);
    if (normalized !== override.recurrenceId) {
      property.setValue(normalized);
      override.recurrenceId = normalized;
    }
  }
  if (master.start.isDate) {
    // EXDATEs of an all-day series written as local midnight (Exchange) exclude that date.
    for (const property of master.component.getAllProperties('exdate')) {
      if (property.type !== 'date-time') continue;
      property.setValues(
        property.getValues().map((value: ICAL.Time) => normalizeRecurrenceId(value, master.start, zones)),
      );
    }
  }
  const overrides = latestPerRecurrence(overrideList, (o) => o.recurrenceId?.toString() ?? '');
  const overridden = new Set(overrides.map((o) => o.recurrenceId?.toString() ?? ''));

  // RDATE periods carry their own length: expand their starts, remember the ends.
  const periods = new Map<string, Length>();
  for (const property of master.component.getAllProperties('rdate')) {
    if (property.type !== 'period') continue;
    const starts = property.getValues().map((value: ICAL.Period) => {
      const ms = instant(value.getEnd(), zones) - instant(value.start, zones);
      periods.set(value.start.toString(), { days: 0, ms: Math.max(0, ms) });
      return value.start;
    });
    property.setValues(starts);
  }
  const byComponent = new Map(overrides.map((o) => [o.component, o]));
  const masterLength = lengthOf(master, master.start);

  const event = new ICAL.Event(master.component, { exceptions: overrides.map((o) => o.component) });
  const exceptions = event.exceptions as unknown as Record<string, ICAL.Event | undefined>;
  // THISANDFUTURE overrides can move later occurrences: widen the loop by their largest shift.
  let slack = 0;
  for (const override of overrides) {
    if (!override.recurrenceId || !exceptions[override.recurrenceId.toString()]?.modifiesFuture()) continue;
    slack = Math.max(slack, Math.abs(instant(override.start, zones) - instant(override.recurrenceId, zones)));
  }

  let count = 0;
  let steps = 0;
  const overflow = (reason: string) =>
    items.push({ problem: problemAt(master.block, master.block.line, reason) });
  const add = (instance: Instance) => {
    const result = toEvent(instance, context);
    if (!result) return true;
    if (++count > MAX_INSTANCES_PER_SERIES) {
      overflow(
        `the series yields more than ${MAX_INSTANCES_PER_SERIES} instances in the import window; only the first ${MAX_INSTANCES_PER_SERIES} were read`,
      );
      return false;
    }
    items.push({ event: result });
    return true;
  };

  const iterator = event.iterator();
  for (let occurrence = iterator.next(); occurrence; occurrence = iterator.next()) {
    if (++steps > MAX_STEPS_PER_SERIES) {
      overflow(
        `the series has more than ${MAX_STEPS_PER_SERIES} occurrences up to the import window; it was not expanded further`,
      );
      break;
    }
    const at = instant(occurrence, zones);
    if (at >= window.to + slack) break;
    if (at < window.from - slack) continue;
    const key = occurrence.toString();
    if (overridden.has(key)) continue; // yielded below, where the override says
    let start = occurrence;
    let length = periods.get(key) ?? masterLength;
    let sources = [master.component];
    if (slack > 0) {
      // Maybe moved by a THISANDFUTURE override: ical.js knows by how much.
      const details = event.getOccurrenceDetails(occurrence);
      const from = details.item === event ? undefined : byComponent.get(details.item.component);
      if (from) {
        start = details.startDate;
        length = from.length ?? masterLength;
        sources = [from.component, master.component];
      }
    }
    const ok = add({
      parsed: master,
      sources,
      start,
      length,
      sourceId: `${id}/${recurrenceKey(occurrence, zones)}`,
      recurring: true,
    });
    if (!ok) break;
  }

  for (const override of overrides) {
    if (!override.recurrenceId) continue;
    const ok = add({
      parsed: override,
      sources: [override.component, master.component],
      start: override.start,
      length: override.length ?? masterLength,
      sourceId: `${id}/${recurrenceKey(override.recurrenceId, zones)}`,
      recurring: true,
    });
    if (!ok) break;
  }
  return items;
}
