export const QUADRANTS = ['q1', 'q2', 'q3', 'q4'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const QUADRANT_NAMES: Record<Quadrant, string> = {
  q1: 'Respond',
  q2: 'Build the legacy',
  q3: 'Challenge',
  q4: 'Drop or delegate',
};

/** The quadrant is derived from the two flags and never stored. */
export function quadrantOf(flags: { urgent: boolean; important: boolean }): Quadrant {
  if (flags.important) return flags.urgent ? 'q1' : 'q2';
  return flags.urgent ? 'q3' : 'q4';
}

export function flagsOf(quadrant: Quadrant): { urgent: boolean; important: boolean } {
  return {
    urgent: quadrant === 'q1' || quadrant === 'q3',
    important: quadrant === 'q1' || quadrant === 'q2',
  };
}
