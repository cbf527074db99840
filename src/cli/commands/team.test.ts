import { afterEach, describe, expect, it } from 'vitest';
import { noRisks } from '../../core/team/accounts.ts';
import { fixedClock, setClock } from '../../core/time/clock.ts';
import { CliError } from '../client.ts';
import { leaderIdOf, renderTeam, type TeamView } from './team.ts';

const split = (q1: number, q2: number, q3: number, q4: number) => {
  const total = q1 + q2 + q3 + q4;
  const one = (minutes: number) => ({ minutes, share: total ? minutes / total : 0 });
  return { totalMinutes: total, quadrants: { q1: one(q1), q2: one(q2), q3: one(q3), q4: one(q4) } };
};

const person = (name: string, minutes: [number, number, number, number], met: boolean) => ({
  userId: `id-${name}`,
  name,
  deactivated: false,
  ...split(...minutes),
  targets: { q2: { min: 0.35, actual: 0, met, off: met ? 0 : 0.1 } },
  q2Trend: [],
  plannedQ2Minutes: 120,
  recurringQ3Minutes: 30,
  reflected: met,
});

const view: TeamView = {
  week: '2026-W47',
  weeks: ['2026-W47'],
  privacy: 'per-person',
  minGroupSize: 5,
  leader: { id: 'lea', name: 'Lea Leader' },
  size: 2,
  people: [person('Ann', [60, 180, 60, 0], true), person('Ben', [120, 60, 120, 0], false)],
  team: {
    people: 2,
    contributors: 2,
    ...split(180, 240, 180, 0),
    q2Trend: [],
    plannedQ2Minutes: 240,
    recurringQ3Minutes: 60,
    reflected: 1,
  },
  accounts: [
    {
      accountId: 'a1',
      name: 'Globex',
      tier: 'strategic',
      ownerId: 'id-Ann',
      ownerName: 'Ann',
      minutes: 600,
      quadrants: split(0, 600, 0, 0).quadrants,
      warnings: ['single_contact'],
      losingTouch: 2,
      lastRoundAt: '2026-07-01T10:00:00.000Z',
      stale: true,
      largestGap: null,
      decisionsDue: 1,
      openInheritanceReviews: 0,
      needsOwner: true,
      risk: 14,
    },
    {
      accountId: 'a2',
      name: 'Initech',
      tier: 'key',
      ownerId: null,
      ownerName: null,
      minutes: null,
      quadrants: null,
      ...noRisks(),
      needsOwner: false,
      risk: 1,
    },
  ],
};

afterEach(() => setClock(null));

describe('renderTeam', () => {
  it('prints the totals, a row per person and the accounts with their risks', () => {
    setClock(fixedClock('2026-11-20T12:00:00Z'));
    const text = renderTeam(view, 'table', 'Europe/Berlin');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Team of Lea Leader, week 2026-W47');
    expect(text).toMatch(/^2 people \(2 logged time\): 10\.0 h — Q1 30 % · Q2 40 % · Q3 30 % · Q4 0 %$/m);
    expect(text).toMatch(/^Planned Q2 4\.0 h · recurring Q3 1\.0 h · 1 of 2 reflected$/m);
    expect(text).toMatch(
      /^Person\s+Hours\s+Q1\s+Q2\s+Q3\s+Q4\s+Q2 target\s+Planned Q2\s+Recurring Q3\s+Reflected$/m,
    );
    expect(text).toMatch(/^Ann\s+5\.0 h\s+20 %\s+60 %\s+20 %\s+0 %\s+≥ 35 % met\s+2\.0 h\s+0\.5 h\s+yes$/m);
    expect(text).toMatch(/^Ben\s+5\.0 h\s+40 %\s+20 %\s+40 %\s+0 %\s+≥ 35 % missed\s+2\.0 h\s+0\.5 h\s+no$/m);
    expect(text).toMatch(
      /^Globex\s+strategic\s+Ann\s+10\.0 h\s+single contact\s+2\s+142 days ago \(stale\)\s+1\s+yes$/m,
    );
    expect(text).toMatch(/^Initech\s+key\s+–\s+–\s+0\s+never\s+0$/m);
  });

  it('says so in aggregate mode and shows nobody’s row', () => {
    const aggregate = { ...view, privacy: 'aggregate' as const, people: [] };
    const text = renderTeam(aggregate, 'table');
    expect(text).toMatch(/Aggregate mode: team totals only, from groups of 5 or more/);
    expect(text).toMatch(/^2 people \(2 logged time\): 10\.0 h/m);
    expect(text).not.toMatch(/Ann|Ben|Globex/);
    const few = renderTeam({ ...aggregate, team: null }, 'table');
    expect(few).toMatch(/Fewer than 5 people contributed to 2026-W47: no figures to show\./);
  });

  it('prints the API answer as JSON', () => {
    expect(JSON.parse(renderTeam(view, 'json'))).toEqual(view);
  });
});

describe('leaderIdOf', () => {
  const people = [
    { id: 'u1', name: 'Lea', role: 'leader' as const, leaderId: null, email: 'lea@acme.test' },
    { id: 'u2', name: 'Ann', role: 'member' as const, leaderId: 'u1', email: 'ann@acme.test' },
  ];
  it('finds the leader by e-mail in any case', () => {
    expect(leaderIdOf(people, 'LEA@acme.test ')).toBe('u1');
  });
  it('names the address nobody has', () => {
    expect(() => leaderIdOf(people, 'nobody@acme.test')).toThrow(CliError);
    expect(() => leaderIdOf(people, 'nobody@acme.test')).toThrow(/nobody@acme\.test/);
  });
});
