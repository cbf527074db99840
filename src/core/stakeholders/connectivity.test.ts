import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAKEHOLDER_FUNCTIONS, STAKEHOLDER_LEVELS } from '../db/schema/index.ts';
import { connectivityOf } from './connectivity.ts';
import type { StakeholderView } from './schemas.ts';

const now = new Date('2026-11-23T12:00:00Z');
const person = (overrides: Partial<StakeholderView>): StakeholderView => ({
  id: overrides.name ?? 'x',
  accountId: 'a',
  name: 'Someone',
  title: null,
  email: null,
  function: 'procurement',
  level: 'operational',
  buyingOffice: false,
  influence: 3,
  attitude: 'neutral',
  strength: 2,
  notes: null,
  owners: [{ id: 'u1', name: 'Ann' }],
  lastContactAt: null,
  contactsThisQuarter: 0,
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  ...overrides,
});

describe('connectivity', () => {
  it('warns when one contact, one owner or only the buying office carries the account', () => {
    expect(connectivityOf([], { now, timeZone: 'UTC' }).warnings.map((w) => w.kind)).toEqual(['no_contacts']);
    const buyer = person({ name: 'Bea Buyer', buyingOffice: true });
    expect(connectivityOf([buyer], { now, timeZone: 'UTC' }).warnings.map((w) => w.kind)).toEqual([
      'single_contact',
      'buying_office_only',
    ]);
    const two = [buyer, person({ name: 'Cy CFO', function: 'finance', level: 'executive' })];
    expect(connectivityOf(two, { now, timeZone: 'UTC' }).warnings.map((w) => w.kind)).toEqual([
      'single_owner',
    ]);
    const shared = [buyer, person({ name: 'Cy CFO', owners: [{ id: 'u2', name: 'Bob' }] })];
    expect(connectivityOf(shared, { now, timeZone: 'UTC' }).warnings).toEqual([]);
  });

  it('lists who we are losing touch with, most influential first, never-contacted included', () => {
    const people = [
      person({ name: 'Recent', influence: 5, lastContactAt: '2026-11-20T10:00:00Z' }),
      person({ name: 'Quiet', influence: 2, lastContactAt: '2026-08-01T10:00:00Z' }),
      person({ name: 'Never', influence: 4 }),
      person({ name: 'Faded', influence: 4, lastContactAt: '2026-06-01T10:00:00Z' }),
    ];
    const { losingTouch } = connectivityOf(people, { now, timeZone: 'UTC', losingTouchDays: 60 });
    expect(losingTouch.map((p) => p.name)).toEqual(['Never', 'Faded', 'Quiet']);
    expect(losingTouch.find((p) => p.name === 'Quiet')?.daysSinceContact).toBe(114);
  });

  it('fills the grid with every function × level, counting each stakeholder once', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            function: fc.constantFrom(...STAKEHOLDER_FUNCTIONS),
            level: fc.constantFrom(...STAKEHOLDER_LEVELS),
            strength: fc.integer({ min: 0, max: 5 }),
          }),
          { maxLength: 40 },
        ),
        (rows) => {
          const { coverage } = connectivityOf(
            rows.map((r, i) => person({ ...r, name: `p${i}` })),
            { now, timeZone: 'UTC' },
          );
          expect(coverage).toHaveLength(STAKEHOLDER_FUNCTIONS.length * STAKEHOLDER_LEVELS.length);
          expect(coverage.reduce((sum, c) => sum + c.stakeholders, 0)).toBe(rows.length);
          for (const cell of coverage) expect(cell.strength === null).toBe(cell.stakeholders === 0);
        },
      ),
    );
  });
});
