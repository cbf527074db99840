import { describe, expect, it } from 'vitest';
import {
  axisDirection,
  labelStride,
  nextIndex,
  niceScale,
  placeTip,
  RADAR_LABEL_GAP,
  radarLayout,
  radarOutline,
  radarPoint,
  showsLabel,
  textWidth,
  ticksOf,
  topRoundedRect,
} from './geometry.ts';

describe('value axes', () => {
  it.each([
    [42.2, { max: 50, step: 10 }],
    [203, { max: 250, step: 50 }],
    [17, { max: 20, step: 5 }],
    [50, { max: 50, step: 10 }],
    [0.4, { max: 0.4, step: 0.1 }],
    [1.3, { max: 1.5, step: 0.5 }],
  ])('runs from 0 past %d in round steps', (largest, scale) => {
    expect(niceScale(largest)).toEqual(scale);
  });

  it('has an axis without figures too', () => {
    expect(niceScale(0)).toEqual({ max: 5, step: 1 });
    expect(niceScale(Number.NaN)).toEqual({ max: 5, step: 1 });
  });

  it('lists its ticks without float noise', () => {
    expect(ticksOf({ max: 0.4, step: 0.1 })).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(ticksOf({ max: 60, step: 30 })).toEqual([0, 30, 60]);
  });
});

describe('category labels', () => {
  it('shows every label that fits and thins out the rest from the last one back', () => {
    expect(labelStride(40, textWidth('W47'))).toBe(1);
    const stride = labelStride(18, textWidth('W47'));
    expect(stride).toBe(2);
    const shown = Array.from({ length: 12 }, (_, i) => i).filter((i) => showsLabel(i, 12, stride));
    expect(shown).toEqual([1, 3, 5, 7, 9, 11]);
  });

  it('shows one label per bar before the chart is measured', () => {
    expect(labelStride(0, 20)).toBe(1);
  });
});

describe('tips', () => {
  const box = { width: 300, height: 260 };
  const tip = { width: 120, height: 80 };

  it('open right of the mark, or left of it near the right edge', () => {
    expect(placeTip({ left: 40, right: 60, top: 100 }, tip, box)).toEqual({ left: 70, top: 80 });
    expect(placeTip({ left: 240, right: 260, top: 100 }, tip, box)).toEqual({ left: 110, top: 80 });
  });

  it('stay inside the chart when they fit on neither side (a phone), above the mark if there is room', () => {
    const wide = { width: 270, height: 120 };
    expect(placeTip({ left: 140, right: 160, top: 150 }, wide, box)).toEqual({ left: 15, top: 20 });
    expect(placeTip({ left: 10, right: 30, top: 40 }, wide, box)).toEqual({ left: 0, top: 20 });
    expect(placeTip({ left: 280, right: 298, top: 250 }, { width: 280, height: 120 }, box)).toEqual({
      left: 20,
      top: 120,
    });
  });

  it('never start above the chart or run below it', () => {
    expect(placeTip({ left: 40, right: 60, top: 5 }, tip, box).top).toBe(0);
    expect(placeTip({ left: 40, right: 60, top: 250 }, tip, box).top).toBe(180);
  });
});

describe('keyboard moves', () => {
  it('go along a row of bars and stop at its ends', () => {
    expect(nextIndex('ArrowRight', 3, 12)).toBe(4);
    expect(nextIndex('ArrowRight', 11, 12)).toBe(11);
    expect(nextIndex('ArrowLeft', 0, 12)).toBe(0);
    expect(nextIndex('Home', 5, 12)).toBe(0);
    expect(nextIndex('End', 5, 12)).toBe(11);
    expect(nextIndex('Enter', 5, 12)).toBeUndefined();
  });

  it('go up and down the rows of a grid and to a row’s ends', () => {
    expect(nextIndex('ArrowDown', 2, 36, 12)).toBe(14);
    expect(nextIndex('ArrowDown', 30, 36, 12)).toBe(30);
    expect(nextIndex('ArrowUp', 14, 36, 12)).toBe(2);
    expect(nextIndex('ArrowUp', 2, 36, 12)).toBe(2);
    expect(nextIndex('Home', 14, 36, 12)).toBe(12);
    expect(nextIndex('End', 14, 36, 12)).toBe(23);
  });
});

describe('bars', () => {
  it('round only their top corners, never more than they are tall', () => {
    expect(topRoundedRect(0, 10, 20, 30, 3)).toBe('M0,40V13Q0,10 3,10H17Q20,10 20,13V40Z');
    expect(topRoundedRect(0, 10, 20, 1, 3)).toBe('M0,11V11Q0,10 1,10H19Q20,10 20,11V11Z');
  });
});

describe('the radar', () => {
  const axes = ['Trading', 'Credibility', 'Connectivity', 'Collaboration', 'Opportunity', 'Investment'];

  it('runs its axes clockwise from the top', () => {
    expect(axisDirection(0, 6)).toEqual({ dx: 0, dy: -1 });
    expect(axisDirection(3, 6)).toEqual({ dx: 0, dy: 1 });
    expect(axisDirection(1, 6).dx).toBeGreaterThan(0);
  });

  it('keeps every label inside the box, on a phone too', () => {
    for (const box of [
      { width: 560, height: 320 },
      { width: 300, height: 320 },
      { width: 260, height: 320 },
    ]) {
      const layout = radarLayout(axes, box);
      expect(layout.radius).toBeGreaterThan(40);
      axes.forEach((label, i) => {
        const [x] = radarPoint(layout, i, axes.length, 1);
        const { dx } = axisDirection(i, axes.length);
        const from = x + dx * RADAR_LABEL_GAP;
        const width = textWidth(label, layout.fontSize);
        if (dx > 0.01) expect(from + width).toBeLessThanOrEqual(box.width);
        if (dx < -0.01) expect(from - width).toBeGreaterThanOrEqual(0);
      });
      expect(layout.cy - layout.radius - RADAR_LABEL_GAP - layout.fontSize).toBeGreaterThanOrEqual(0);
    }
  });

  it('draws an unanswered axis through the centre', () => {
    const layout = { cx: 100, cy: 100, radius: 50, fontSize: 12 };
    expect(radarOutline(layout, [1, 0, 0.5, 0])).toBe('100.0,50.0 100.0,100.0 100.0,125.0 100.0,100.0');
  });
});
