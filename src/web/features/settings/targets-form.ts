import type { Quadrant, Targets } from '../../api/types.ts';
import { QUADRANT_IDS } from '../../shared/quadrants.ts';

/** Targets as the form shows them: whole percentages as text, blank for no bound. */
export type TargetsDraft = Record<Quadrant, { min: string; max: string }>;

export type TargetErrors = Partial<Record<string, string>>;

const toPercent = (share: number | undefined) =>
  share === undefined ? '' : String(Math.round(share * 1000) / 10);

export function targetsDraftOf(targets: Targets): TargetsDraft {
  const draft = {} as TargetsDraft;
  for (const q of QUADRANT_IDS)
    draft[q] = { min: toPercent(targets[q]?.min), max: toPercent(targets[q]?.max) };
  return draft;
}

/** Turns the draft into API targets (shares 0..1), or errors keyed like the API's: `targets.q2.min`. */
export function parseTargets(draft: TargetsDraft): { targets: Targets; errors: TargetErrors } {
  const targets: Targets = {};
  const errors: TargetErrors = {};
  for (const q of QUADRANT_IDS) {
    const bounds: { min?: number; max?: number } = {};
    for (const side of ['min', 'max'] as const) {
      const text = draft[q][side].trim().replace(',', '.');
      if (!text) continue;
      const value = Number(text);
      if (!Number.isFinite(value) || value < 0 || value > 100)
        errors[`targets.${q}.${side}`] = 'Use 0 to 100';
      else bounds[side] = Math.round(value * 10) / 1000;
    }
    if (bounds.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max) {
      errors[`targets.${q}`] = 'The minimum must not exceed the maximum';
    }
    if (bounds.min !== undefined || bounds.max !== undefined) targets[q] = bounds;
  }
  return { targets, errors };
}
