import { z } from 'zod';
import type { Quadrant } from '../activities/quadrant.ts';
import type { QuadrantTargets } from '../db/schema/index.ts';

/** What a Customer Manager starts with: protect Q2, keep Q3 and Q4 small. */
export const DEFAULT_TARGETS: QuadrantTargets = { q2: { min: 0.35 }, q3: { max: 0.15 }, q4: { max: 0.05 } };

const share = z.number().min(0, 'must be a share between 0 and 1').max(1, 'must be a share between 0 and 1');
const bounds = z
  .object({ min: share.optional(), max: share.optional() })
  .strict()
  .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, 'min must not exceed max');

export const targetsSchema = z
  .object({ q1: bounds.optional(), q2: bounds.optional(), q3: bounds.optional(), q4: bounds.optional() })
  .strict();

export interface TargetResult {
  min?: number;
  max?: number;
  actual: number;
  met: boolean;
  /** How far outside the bounds the actual share is (0 when met). */
  off: number;
}

export function evaluateTargets(
  targets: QuadrantTargets,
  shares: Record<Quadrant, number>,
): Partial<Record<Quadrant, TargetResult>> {
  const result: Partial<Record<Quadrant, TargetResult>> = {};
  for (const [quadrant, bound] of Object.entries(targets) as [Quadrant, { min?: number; max?: number }][]) {
    if (!bound || (bound.min === undefined && bound.max === undefined)) continue;
    const actual = shares[quadrant];
    const below = bound.min !== undefined ? Math.max(0, bound.min - actual) : 0;
    const above = bound.max !== undefined ? Math.max(0, actual - bound.max) : 0;
    const off = round(below + above);
    result[quadrant] = { ...bound, actual, met: off === 0, off };
  }
  return result;
}

export function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
