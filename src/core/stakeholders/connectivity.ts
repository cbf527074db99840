import type { StakeholderFunction, StakeholderLevel } from '../db/schema/index.ts';
import { STAKEHOLDER_FUNCTIONS, STAKEHOLDER_LEVELS } from '../db/schema/index.ts';
import type { WarningKind } from '../db/schema/values.ts';
import { now } from '../time/clock.ts';
import { dateIn, daysBetweenDates } from '../time/days.ts';
import type { StakeholderView } from './schemas.ts';

export interface CoverageCell {
  function: StakeholderFunction;
  level: StakeholderLevel;
  stakeholders: number;
  /** The strongest relationship in the cell, 0–5; null when nobody is known there. */
  strength: number | null;
}

export interface ConnectivityWarning {
  kind: WarningKind;
  message: string;
}

export interface LosingTouch {
  id: string;
  name: string;
  influence: number;
  lastContactAt: string | null;
  daysSinceContact: number | null;
}

export interface Connectivity {
  coverage: CoverageCell[];
  warnings: ConnectivityWarning[];
  losingTouch: LosingTouch[];
  /** How many functions and levels have at least one stakeholder. */
  breadth: { functions: number; levels: number };
}

/**
 * How deep and wide an account's relationships reach: the functions × levels grid, the
 * single-threaded warnings, and who we are losing touch with (last contact `losingTouchDays` or
 * more calendar days ago in `timeZone`, most influential first; never contacted counts as losing touch).
 */
export function connectivityOf(
  people: StakeholderView[],
  options: { timeZone: string; now?: Date; losingTouchDays?: number },
): Connectivity {
  // Today once; each contact's calendar date against it.
  const today = dateIn(options.now ?? now(), options.timeZone);
  const limit = options.losingTouchDays ?? 60;
  const coverage: CoverageCell[] = [];
  for (const fn of STAKEHOLDER_FUNCTIONS) {
    for (const level of STAKEHOLDER_LEVELS) {
      const here = people.filter((p) => p.function === fn && p.level === level);
      coverage.push({
        function: fn,
        level,
        stakeholders: here.length,
        strength: here.length ? Math.max(...here.map((p) => p.strength)) : null,
      });
    }
  }

  const warnings = warningsOf(people);
  const losingTouch = people
    .map((p) => {
      return {
        id: p.id,
        name: p.name,
        influence: p.influence,
        lastContactAt: p.lastContactAt,
        daysSinceContact:
          p.lastContactAt === null
            ? null
            : daysBetweenDates(dateIn(new Date(p.lastContactAt), options.timeZone), today),
      };
    })
    .filter((p) => p.daysSinceContact === null || p.daysSinceContact >= limit)
    .sort(
      (a, b) =>
        b.influence - a.influence || (b.daysSinceContact ?? Infinity) - (a.daysSinceContact ?? Infinity),
    );

  return {
    coverage,
    warnings,
    losingTouch,
    breadth: {
      functions: new Set(people.map((p) => p.function)).size,
      levels: new Set(people.map((p) => p.level)).size,
    },
  };
}

/** Single-threaded risks: nobody or one contact, one of our people holding all, only the buying office. */
export function warningsOf(
  people: Pick<StakeholderView, 'name' | 'owners' | 'buyingOffice'>[],
): ConnectivityWarning[] {
  const warnings: ConnectivityWarning[] = [];
  if (people.length === 0) {
    warnings.push({
      kind: 'no_contacts',
      message: 'No stakeholders yet: add who you know at this customer.',
    });
  } else if (people.length === 1) {
    warnings.push({
      kind: 'single_contact',
      message: `Single-threaded: everything runs through ${people[0]?.name}.`,
    });
  }
  const owners = new Set(people.flatMap((p) => p.owners.map((o) => o.id)));
  if (people.length > 1 && owners.size === 1) {
    const owner = people.flatMap((p) => p.owners)[0];
    warnings.push({
      kind: 'single_owner',
      message: `Only ${owner?.name ?? 'one person'} on our side holds these relationships.`,
    });
  }
  if (people.length > 0 && people.every((p) => p.buyingOffice)) {
    warnings.push({
      kind: 'buying_office_only',
      message: 'Every contact is in the buying office: nothing beyond procurement yet.',
    });
  }
  return warnings;
}
