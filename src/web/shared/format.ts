export { formatHours } from '../../core/reports/format.ts';

/** A share 0..1 as a whole percentage, e.g. `31 %`. */
export const formatShare = (share: number) => `${Math.round(share * 100)} %`;

/** A duration as people say it: `45 min`, `1 h`, `1 h 30 min`. */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** A change in share as signed percentage points, e.g. `+4 pts`. */
export function formatPoints(change: number): string {
  const points = Math.round(change * 100);
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points)} pts`;
}

/** A person's initials for an avatar: first and last name, `Ann Owner` → `AO`. */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}
