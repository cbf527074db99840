/** The heatmap's shades of Q2 share, lightest first; the legend under it shows the same steps. */
export const HEAT_STEPS = [
  { from: 0, to: 0.1, colour: '#e3f4ec', label: '< 10 %' },
  { from: 0.1, to: 0.2, colour: '#b9e4d2', label: '10–20 %' },
  { from: 0.2, to: 0.35, colour: '#7fcdb0', label: '20–35 %' },
  { from: 0.35, to: 0.5, colour: '#2fa57d', label: '35–50 %' },
  { from: 0.5, to: 1.01, colour: '#167556', label: '≥ 50 %' },
] as const;

/** A week in which the person logged no counted time. */
export const NO_TIME_COLOUR = '#eceff3';

/** `2026-W47` as an axis shows it: `W47`. */
export const weekLabel = (week: string) => week.slice(5);

/** The shade of a cell: its step's, or grey for a week without time. */
export function heatColour(share: number | null): string {
  if (share === null) return NO_TIME_COLOUR;
  return (HEAT_STEPS.find((step) => share < step.to) ?? HEAT_STEPS[4]).colour;
}
