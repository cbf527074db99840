// The arithmetic of the app's SVG charts, apart from React so it can be tested: value axes, which
// labels fit, where a tip goes, the radar's rings and outlines, and keyboard moves between marks.

export interface Size {
  width: number;
  height: number;
}

/** A value axis from 0 to a round number, in about `steps` steps of 1, 2 or 5 × 10^k. */
export interface Scale {
  max: number;
  step: number;
}

/** Rounds away the float noise of `step × i` (0.30000000000000004 → 0.3). */
const tidy = (value: number) => Number(value.toFixed(10));

export function niceScale(largest: number, steps = 5): Scale {
  if (!(largest > 0)) return { max: steps, step: 1 };
  const raw = largest / steps;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = tidy(([1, 2, 5, 10].find((f) => f * magnitude >= raw - 1e-12) ?? 10) * magnitude);
  return { max: tidy(Math.ceil(tidy(largest / step)) * step), step };
}

/** The axis values from 0 to the scale's top, one per step. */
export function ticksOf(scale: Scale): number[] {
  const count = Math.round(scale.max / scale.step);
  return Array.from({ length: count + 1 }, (_, i) => tidy(i * scale.step));
}

/** Approximate width of a label in the app's sans-serif: charts have no text measurement to lean on. */
export const textWidth = (text: string, fontSize = 12) => Math.ceil(text.length * fontSize * 0.6);

/**
 * Which category labels to show when they do not all fit in their bands: every `stride`th, counted
 * back from the last (the current week is the last bar), so labels never touch.
 */
export function labelStride(band: number, widest: number, gap = 8): number {
  if (!(band > 0)) return 1;
  return Math.max(1, Math.ceil((widest + gap) / band));
}

export function showsLabel(index: number, count: number, stride: number): boolean {
  return (count - 1 - index) % stride === 0;
}

/**
 * Where a tip of `tip` size goes beside a mark spanning `anchor` (left, right, top edge) in a chart of
 * `box` size: right of it, else left of it, else centred over it and above it if there is room; never
 * out of the chart sideways (the phone's chart is barely wider than the tip).
 */
export function placeTip(
  anchor: { left: number; right: number; top: number },
  tip: Size,
  box: Size,
  gap = 10,
): { left: number; top: number } {
  const beside = Math.min(Math.max(0, anchor.top - 20), Math.max(0, box.height - tip.height));
  if (anchor.right + gap + tip.width <= box.width) return { left: anchor.right + gap, top: beside };
  if (anchor.left - gap - tip.width >= 0) return { left: anchor.left - gap - tip.width, top: beside };
  const centre = (anchor.left + anchor.right) / 2 - tip.width / 2;
  const left = Math.min(Math.max(0, centre), Math.max(0, box.width - tip.width));
  const above = anchor.top - gap - tip.height;
  return { left, top: above >= 0 ? above : beside };
}

/**
 * The mark that an arrow key moves to among `count` marks laid out `columns` to a row (a row of bars:
 * columns = count), or undefined for any other key.
 */
export function nextIndex(key: string, index: number, count: number, columns = count): number | undefined {
  const row = Math.floor(index / columns);
  const clamp = (i: number) => Math.min(Math.max(0, i), count - 1);
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return index + columns < count ? index + columns : index;
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'Home':
      return row * columns;
    case 'End':
      return clamp(row * columns + columns - 1);
    default:
      return undefined;
  }
}

/** A rectangle with its top corners rounded (a bar's top), as an SVG path. */
export function topRoundedRect(x: number, y: number, width: number, height: number, radius: number): string {
  const r = Math.max(0, Math.min(radius, width / 2, height));
  return `M${x},${y + height}V${y + r}Q${x},${y} ${x + r},${y}H${x + width - r}Q${x + width},${y} ${x + width},${y + r}V${y + height}Z`;
}

export interface RadarLayout {
  cx: number;
  cy: number;
  radius: number;
  fontSize: number;
}

/** The direction of axis `i` of `count`, clockwise from the top. */
export function axisDirection(i: number, count: number): { dx: number; dy: number } {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
  // Rounded so that the top and bottom axes are exactly vertical (their labels centred).
  return { dx: Math.round(Math.cos(angle) * 1e6) / 1e6, dy: Math.round(Math.sin(angle) * 1e6) / 1e6 };
}

/** The gap between the outer ring and an axis's label. */
export const RADAR_LABEL_GAP = 8;

/**
 * The largest radar that leaves every axis label whole inside `box`: a side label needs its own width
 * beside the ring, the top and bottom labels a line's height; smaller type on a phone.
 */
export function radarLayout(labels: string[], box: Size, largest = 110): RadarLayout {
  const fontSize = box.width < 420 ? 11 : 12;
  let radius = Math.min(largest, box.height / 2 - fontSize - RADAR_LABEL_GAP - 4);
  labels.forEach((label, i) => {
    const { dx, dy } = axisDirection(i, labels.length);
    const room = box.width / 2 - 4 - RADAR_LABEL_GAP - (Math.abs(dx) > 0.01 ? textWidth(label, fontSize) : 0);
    if (Math.abs(dx) > 0.01) radius = Math.min(radius, room / Math.abs(dx));
    if (Math.abs(dy) > 0.01)
      radius = Math.min(radius, (box.height / 2 - 4 - RADAR_LABEL_GAP - fontSize) / Math.abs(dy));
  });
  return { cx: box.width / 2, cy: box.height / 2, radius: Math.max(0, Math.floor(radius)), fontSize };
}

/** The point of axis `i` at `fraction` (0 = centre, 1 = outer ring). */
export function radarPoint(
  layout: RadarLayout,
  i: number,
  count: number,
  fraction: number,
): [number, number] {
  const { dx, dy } = axisDirection(i, count);
  const r = layout.radius * fraction;
  return [layout.cx + dx * r, layout.cy + dy * r];
}

/** A closed outline through one point per axis, as SVG polygon points. */
export function radarOutline(layout: RadarLayout, fractions: number[]): string {
  return fractions
    .map((f, i) =>
      radarPoint(layout, i, fractions.length, f)
        .map((n) => n.toFixed(1))
        .join(','),
    )
    .join(' ');
}
