import { describe, expect, it } from 'vitest';
import { suggestFromTitle } from './titles.ts';

describe('what a title suggests', () => {
  it.each([
    ['Head of Category Management', 'senior', 'procurement', true],
    ['Director, Quality', 'senior', 'quality', false],
    ['VP Supply Chain', 'senior', 'supply_chain', false],
    ['Vice President Sales', 'senior', 'sales', false],
    ['Chief Financial Officer', 'executive', 'finance', false],
    ['Chief Operating Officer', 'executive', 'operations', false],
    ['CEO', 'executive', 'executive', false],
    ['CTO', 'executive', 'it', false],
    ['CPO', 'executive', 'procurement', true],
    ['CxO Office', 'executive', 'executive', false],
    ['Managing Director', 'executive', 'executive', false],
    ['President', 'executive', 'executive', false],
    ['Buyer', 'operational', 'procurement', true],
    ['Senior Buyer', 'operational', 'procurement', true],
    ['Category Manager, Packaging', 'operational', 'procurement', true],
    ['Leiterin Einkauf', 'senior', 'procurement', true],
    ['Geschäftsführer', 'executive', 'executive', false],
    ['Directeur des achats', 'senior', 'procurement', true],
    ['Controller', 'operational', 'finance', false],
    ['Director of IT', 'senior', 'it', false],
    ['Engineer', 'operational', 'r_and_d', false],
    ['Office Assistant', 'operational', 'other', false],
    ['', 'operational', 'other', false],
  ])('%s → %s, %s', (title, level, fn, buyingOffice) => {
    expect(suggestFromTitle(title)).toEqual({ level, function: fn, buyingOffice });
  });

  it('reads the department when the title says nothing of the function', () => {
    expect(suggestFromTitle('Team Lead', 'Purchasing')).toEqual({
      level: 'operational',
      function: 'procurement',
      buyingOffice: true,
    });
  });
});
