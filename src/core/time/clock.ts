/**
 * The one source of "now" for the core, the server and the web app. Production reads the system
 * clock; a test sets a fixed or shifted clock instead of depending on the hour it runs at.
 * Pure (no imports), so the web bundle can use it too.
 */
export interface Clock {
  now(): Date;
}

const systemClock: Clock = { now: () => new Date() };
let current: Clock = systemClock;

/** The current instant, from the clock in force. */
export const now = (): Date => current.now();

/** Puts a clock in force (null: the system clock again). Returns a function that restores the previous one. */
export function setClock(clock: Clock | null): () => void {
  const previous = current;
  current = clock ?? systemClock;
  return () => {
    current = previous;
  };
}

/** A clock that always says `at`. */
export const fixedClock = (at: Date | string): Clock => {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
};
