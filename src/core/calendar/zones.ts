import ICAL from 'ical.js';
import { FixedOffsetZone, IANAZone, type Zone } from 'luxon';
import { findIana, IANA_ALIAS_MAP } from 'windows-iana';
import { now } from '../time/clock.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * An ical.js time zone whose offsets come from luxon (the IANA database of the runtime) instead of a
 * VTIMEZONE definition. ical.js asks a zone for the UTC offset of a wall-clock time; that is all the
 * recurrence expansion needs, so events in IANA, Windows or fixed-offset zones expand with the
 * real DST rules. Offsets are cached per UTC day (a zone never changes its offset twice a day).
 */
export class LuxonZone extends ICAL.Timezone {
  /** The IANA name for ImportedEvent.timeZone, or null (floating times, offsets without a zone). */
  readonly iana: string | null;
  readonly floating: boolean;
  private readonly zone: Zone;
  private readonly days = new Map<number, number>();

  constructor(zone: Zone, tzid: string, iana: string | null, floating = false) {
    super({ tzid });
    this.zone = zone;
    this.iana = iana;
    this.floating = floating;
  }

  /** Seconds east of UTC for the wall-clock time `tt` (ical.js's contract). */
  override utcOffset(tt: ICAL.Time): number {
    return this.offsetOfLocal(Date.UTC(tt.year, tt.month - 1, tt.day, tt.hour, tt.minute, tt.second)) * 60;
  }

  /** Minutes east of UTC at a UTC instant. */
  offsetAt(utc: number): number {
    const day = Math.floor(utc / DAY);
    let offset = this.days.get(day);
    if (offset === undefined) {
      const first = this.zone.offset(day * DAY);
      offset = first === this.zone.offset((day + 1) * DAY - 1) ? first : Number.NaN;
      this.days.set(day, offset);
    }
    return Number.isNaN(offset) ? this.zone.offset(utc) : offset;
  }

  /**
   * Minutes east of UTC for a wall-clock time given as if it were UTC milliseconds. Luxon's own
   * guess-and-check: a time in a DST gap moves forward, an ambiguous one takes the earlier offset.
   */
  offsetOfLocal(local: number): number {
    const guess = this.offsetAt(local);
    const o2 = this.offsetAt(local - guess * MINUTE);
    if (guess === o2) return guess;
    const o3 = this.offsetAt(local - o2 * MINUTE);
    return o2 === o3 ? o2 : Math.min(o2, o3);
  }

  /** The UTC instant (ms) of a wall-clock time given as if it were UTC milliseconds. */
  toUtc(local: number): number {
    return local - this.offsetOfLocal(local) * MINUTE;
  }
}

/** How a TZID was understood. */
export interface ResolvedZone {
  zone: ICAL.Timezone;
  /** The IANA zone of the wall clock, when known. */
  iana: string | null;
}

const canonical = new Map<string, string | null>();

/** The runtime's canonical IANA name (US/Central → America/Chicago), or null if it is not one. */
export function canonicalIana(name: string): string | null {
  let known = canonical.get(name);
  if (known === undefined) {
    known = null;
    if (/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name) && IANAZone.isValidZone(name)) {
      try {
        known = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
      } catch {
        known = null;
      }
    }
    canonical.set(name, known);
  }
  return known;
}

let cities: Map<string, string> | undefined;

const cityKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[_\s.]+/g, ' ')
    .trim()
    .toLowerCase();

/** City name → IANA zone, from the runtime's zones and windows-iana's aliases and descriptions. */
function cityIndex(): Map<string, string> {
  if (cities) return cities;
  cities = new Map();
  const add = (city: string | undefined, zone: string) => {
    if (!city) return;
    const key = cityKey(city);
    if (key && !cities?.has(key)) cities?.set(key, zone);
  };
  for (const zone of Intl.supportedValuesOf('timeZone')) add(zone.split('/').at(-1), zone);
  for (const entry of IANA_ALIAS_MAP) {
    const zone = entry.alias.map(canonicalIana).find((name) => name !== null);
    if (!zone) continue;
    for (const alias of entry.alias) add(alias.split('/').at(-1), zone);
    add(entry.description.split(',')[0], zone);
  }
  return cities;
}

/** The zone's offsets in January and July (minutes): a display name's "(UTC+01:00)" is one of them. */
function hasOffset(zone: string, minutes: number): boolean {
  const iana = IANAZone.create(zone);
  const year = now().getUTCFullYear();
  return iana.offset(Date.UTC(year, 0, 1)) === minutes || iana.offset(Date.UTC(year, 6, 1)) === minutes;
}

const OFFSET_NAME = /^\(?\s*(?:UTC|GMT)\s*(?:([+-])\s*(\d{1,2})(?:[:.]?(\d{2}))?)?\s*\)?\s*(.*)$/i;

/**
 * An IANA zone for a TZID that is not one itself: a Windows zone id ("W. Europe Standard Time"), an
 * Outlook display name ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "(UTC-05:00)
 * Eastern Time (US & Canada)", or the same without the offset), an old Mozilla prefix
 * ("/mozilla.org/20050126_1/Europe/Berlin"), or a bare offset ("(GMT +01:00)", "UTC+01") as a fixed
 * zone. Returns null when nothing fits.
 */
export function ianaForName(name: string): { iana: string | null; zone: Zone } | null {
  const direct = canonicalIana(name);
  if (direct) return { iana: direct, zone: IANAZone.create(direct) };
  const windows = windowsZone(name);
  if (windows) return windows;
  const suffix =
    /(?:^|\/)((?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[^\s"]+)$/.exec(
      name,
    );
  const prefixed = suffix?.[1] ? canonicalIana(suffix[1]) : null;
  if (prefixed) return { iana: prefixed, zone: IANAZone.create(prefixed) };

  const match = OFFSET_NAME.exec(name.trim());
  const sign = match?.[1] === '-' ? -1 : 1;
  const offset = match?.[2] ? sign * (Number(match[2]) * 60 + Number(match[3] ?? 0)) : match ? 0 : undefined;
  const rest = (match ? (match[4] ?? '') : name).trim();
  if (rest) {
    const named = windowsZone(rest) ?? windowsZone(rest.replace(/\s*\([^)]*\)\s*/g, ' ').trim());
    if (named && (offset === undefined || (named.iana && hasOffset(named.iana, offset)))) return named;
    const index = cityIndex();
    for (const part of rest.replace(/\([^)]*\)/g, ' ').split(/[,;/]|\s-\s/)) {
      const zone = index.get(cityKey(part));
      if (zone && (offset === undefined || hasOffset(zone, offset))) {
        return { iana: zone, zone: IANAZone.create(zone) };
      }
    }
  }
  if (offset === undefined || Math.abs(offset) > 14 * 60) return null;
  if (offset === 0) return { iana: 'UTC', zone: IANAZone.create('UTC') };
  const etc = offset % 60 === 0 ? `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset / 60)}` : null;
  return { iana: etc, zone: FixedOffsetZone.instance(offset) };
}

/** A Windows zone id, also written as "Eastern Time" for "Eastern Standard Time". */
function windowsZone(name: string): { iana: string; zone: Zone } | null {
  const candidates = [name];
  if (/ Time$/i.test(name) && !/ Standard Time$/i.test(name)) {
    candidates.push(name.replace(/ Time$/i, ' Standard Time'));
  }
  for (const candidate of candidates) {
    const iana = findIana(candidate)
      .map(canonicalIana)
      .find((zone) => zone !== null);
    if (iana) return { iana, zone: IANAZone.create(iana) };
  }
  return null;
}

/**
 * Understands the TZIDs of one file: an IANA, Windows or Outlook name becomes a LuxonZone; a name
 * only the file's own VTIMEZONE explains (Exchange's "Customized Time Zone", "tzone://Microsoft/
 * Custom") uses that definition through ical.js; anything else, like times without a TZID, is
 * floating and read in the user's zone. UTC (by "Z" or by name) is ical.js's UTC zone.
 */
export class ZoneResolver {
  readonly floating: LuxonZone;
  readonly user: LuxonZone;
  private readonly byTzid = new Map<string, ResolvedZone>();
  private readonly byIana = new Map<string, LuxonZone>();

  constructor(
    readonly userZone: string,
    private readonly definitions: Map<string, ICAL.Component>,
  ) {
    this.user = this.luxon(userZone);
    this.floating = new LuxonZone(IANAZone.create(userZone), `floating:${userZone}`, userZone, true);
  }

  resolve(tzid: string | null | undefined): ResolvedZone {
    const key = tzid?.trim();
    if (!key) return { zone: this.floating, iana: null };
    let resolved = this.byTzid.get(key);
    if (!resolved) {
      resolved = this.lookUp(key);
      this.byTzid.set(key, resolved);
    }
    return resolved;
  }

  private lookUp(tzid: string): ResolvedZone {
    const named = ianaForName(tzid);
    if (named) return this.fromName(named, tzid);
    const definition = this.definitions.get(tzid);
    if (definition) {
      const location = definition.getFirstPropertyValue('x-lic-location');
      const located = typeof location === 'string' ? ianaForName(location.trim()) : null;
      if (located) return this.fromName(located, tzid);
      try {
        const zone = new ICAL.Timezone({ component: definition, tzid });
        zone.utcOffset(ICAL.Time.fromData({ year: 2025, month: 1, day: 1, hour: 12 }));
        return { zone, iana: null };
      } catch {
        // An unusable definition: treat the times as floating, like an unknown TZID.
      }
    }
    return { zone: this.floating, iana: null };
  }

  private fromName(named: { iana: string | null; zone: Zone }, tzid: string): ResolvedZone {
    if (named.iana === 'UTC') return { zone: ICAL.Timezone.utcTimezone, iana: null };
    if (named.iana) return { zone: this.luxon(named.iana), iana: named.iana };
    return { zone: new LuxonZone(named.zone, tzid, null), iana: null };
  }

  private luxon(iana: string): LuxonZone {
    let zone = this.byIana.get(iana);
    if (!zone) {
      zone = new LuxonZone(IANAZone.create(iana), iana, iana);
      this.byIana.set(iana, zone);
    }
    return zone;
  }
}
