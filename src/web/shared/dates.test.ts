import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, setClock } from '../../core/time/clock.ts';
import { startedMinutesAgoIn } from './dates.ts';

describe('when something that ends now began', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('goes back by its minutes, to the 5-minute mark before, in the person’s zone', () => {
    restore = setClock(fixedClock('2026-11-20T14:07:00Z'));
    expect(startedMinutesAgoIn('UTC', 45)).toBe('13:20');
    expect(startedMinutesAgoIn('Europe/Berlin', 30)).toBe('14:35');
  });

  it('begins at midnight rather than the day before', () => {
    restore = setClock(fixedClock('2026-11-20T00:20:00Z'));
    expect(startedMinutesAgoIn('UTC', 90)).toBe('00:00');
  });
});
