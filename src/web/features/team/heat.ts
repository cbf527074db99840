/**
 * The heatmap's shades of Q2 share, weakest first (tokens.css, per theme); the legend under it shows
 * the same steps. The two strongest carry `--heat-on` text.
 */
export const HEAT_STEPS = [
  { from: 0, to: 0.1, colour: 'var(--heat-1)', label: '< 10 %' },
  { from: 0.1, to: 0.2, colour: 'var(--heat-2)', label: '10–20 %' },
  { from: 0.2, to: 0.35, colour: 'var(--heat-3)', label: '20–35 %' },
  { from: 0.35, to: 0.5, colour: 'var(--heat-4)', label: '35–50 %' },
  { from: 0.5, to: 1.01, colour: 'var(--heat-5)', label: '≥ 50 %' },
] as const;

/** A week in which the person logged no counted time. */
export const NO_TIME_COLOUR = 'var(--heat-none)';

/** `2026-W47` as an axis shows it: `W47`. */
export const weekLabel = (week: string) => week.slice(5);

/** The shade of a cell: its step's, or grey for a week without time. */
export function heatColour(share: number | null): string {
  if (share === null) return NO_TIME_COLOUR;
  return (HEAT_STEPS.find((step) => share < step.to) ?? HEAT_STEPS[4]).colour;
}
