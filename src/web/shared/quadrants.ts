import type { ActivityKind, Quadrant } from '../api/types.ts';

export interface QuadrantInfo {
  id: Quadrant;
  label: string;
  name: string;
  explanation: string;
  urgent: boolean;
  important: boolean;
}

/** In the classic Eisenhower reading order: important on top, urgent on the left. */
export const QUADRANTS: readonly QuadrantInfo[] = [
  {
    id: 'q1',
    label: 'Q1',
    name: 'Respond',
    explanation: 'Needed now; decided fast, so watch for precedents.',
    urgent: true,
    important: true,
  },
  {
    id: 'q2',
    label: 'Q2',
    name: 'Build the legacy',
    explanation: 'Relationships, trust, new ways of working: the quadrant that gets crowded out.',
    urgent: false,
    important: true,
  },
  {
    id: 'q3',
    label: 'Q3',
    name: 'Challenge',
    explanation: 'Mostly internal meetings that steal time; learn to say no.',
    urgent: true,
    important: false,
  },
  {
    id: 'q4',
    label: 'Q4',
    name: 'Drop or delegate',
    explanation: 'Distractions and admin others could do better.',
    urgent: false,
    important: false,
  },
];

export const QUADRANT_IDS: readonly Quadrant[] = QUADRANTS.map((q) => q.id);

export function quadrantInfo(id: Quadrant): QuadrantInfo {
  const info = QUADRANTS.find((q) => q.id === id);
  if (!info) throw new Error(`unknown quadrant ${id}`);
  return info;
}

export function quadrantOf(flags: { urgent: boolean; important: boolean }): Quadrant {
  if (flags.important) return flags.urgent ? 'q1' : 'q2';
  return flags.urgent ? 'q3' : 'q4';
}

export const KIND_LABELS: Record<ActivityKind, string> = {
  customer_meeting: 'Customer meeting',
  internal_meeting: 'Internal meeting',
  admin_reporting: 'Admin & reporting',
  travel: 'Travel',
  planning: 'Planning',
  development: 'Development',
  other: 'Other',
};
