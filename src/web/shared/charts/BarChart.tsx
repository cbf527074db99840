import '../../styles/charts.css';
import { type KeyboardEvent, type ReactNode, useState } from 'react';
import { ChartTip } from './ChartTip.tsx';
import {
  labelStride,
  nextIndex,
  niceScale,
  type Scale,
  showsLabel,
  textWidth,
  ticksOf,
  topRoundedRect,
} from './geometry.ts';
import { useBox } from './useBox.ts';

/** One part of a stacked bar; its class gives the fill (`chart-fill--q1`…, charts.css). */
export interface ChartSegment {
  id: string;
  value: number;
  className: string;
}

export interface ChartBar {
  key: string;
  /** Under the bar (some are left out when they do not all fit). */
  label: string;
  /** What a screen reader says for the bar: its figures. */
  name: string;
  /** Bottom first; none for a bar without figures (it still shows its tip). */
  segments: ChartSegment[];
}

const PAD = { top: 12, right: 8, bottom: 26, axisGap: 8 };

/**
 * Bars (stacked when a bar has several segments) over a value axis, drawn as SVG at the width the
 * container gets. Every bar shows its tip on hover and on keyboard focus (one tab stop, arrow keys
 * between bars); with `onSelect`, a click, Enter or Space picks it.
 */
export function BarChart({
  bars,
  highlight,
  onSelect,
  tip,
  formatTick,
  scale,
  description,
  testId,
  className,
  maxBarWidth = 26,
  dim = 0.78,
  radius = 2,
}: {
  bars: ChartBar[];
  /** The bar in bold and in full colour; the others a little paler. */
  highlight?: string;
  onSelect?: (key: string) => void;
  /** The content of the hovered or focused bar's tip. */
  tip: (bar: ChartBar) => ReactNode;
  formatTick: (value: number) => string;
  /** A fixed axis; otherwise one to the tallest bar, rounded up. */
  scale?: Scale;
  /** The sentence a screen reader hears first (the chart's text alternative). */
  description: string;
  testId?: string;
  /** Sizes the chart (its height comes from CSS). */
  className: string;
  maxBarWidth?: number;
  dim?: number;
  radius?: number;
}) {
  const [container, box] = useBox<HTMLDivElement>();
  const [active, setActive] = useState<{ index: number; ring: boolean } | null>(null);
  const [stop, setStop] = useState<number | null>(null);

  const totals = bars.map((bar) => bar.segments.reduce((sum, s) => sum + s.value, 0));
  const axis = scale ?? niceScale(Math.max(0, ...totals));
  const ticks = ticksOf(axis);
  const left = Math.max(...ticks.map((t) => textWidth(formatTick(t)))) + PAD.axisGap + 4;
  const plotWidth = Math.max(0, box.width - left - PAD.right);
  const plotHeight = Math.max(0, box.height - PAD.top - PAD.bottom);
  const bottom = PAD.top + plotHeight;
  const band = bars.length ? plotWidth / bars.length : 0;
  const barWidth = Math.max(2, Math.min(maxBarWidth, band * 0.68));
  const y = (value: number) => bottom - (Math.min(value, axis.max) / axis.max) * plotHeight;
  const centre = (i: number) => left + band * i + band / 2;
  const stride = labelStride(band, Math.max(0, ...bars.map((b) => textWidth(b.label))));
  const highlighted = bars.findIndex((b) => b.key === highlight);
  const tabStop = stop ?? (highlighted >= 0 ? highlighted : bars.length - 1);
  const shown = (i: number) =>
    i === highlighted ||
    (showsLabel(i, bars.length, stride) && (highlighted < 0 || Math.abs(i - highlighted) >= stride));

  const focusBar = (svg: SVGSVGElement | null, index: number) =>
    svg?.querySelector<SVGGElement>(`[data-bar="${index}"]`)?.focus();
  const onKey = (event: KeyboardEvent<SVGGElement>, index: number) => {
    const bar = bars[index];
    if (onSelect && bar && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      onSelect(bar.key);
      return;
    }
    const next = nextIndex(event.key, index, bars.length);
    if (next === undefined) return;
    event.preventDefault();
    setStop(next);
    focusBar(event.currentTarget.ownerSVGElement, next);
  };

  const activeBar = active ? bars[active.index] : undefined;
  // The shaded band behind the bar pointed at, and the focus ring drawn over it: the same box.
  const bandAround = (index: number, className: string) => (
    <rect
      className={className}
      x={centre(index) - band / 2 + 1}
      y={PAD.top - 4}
      width={Math.max(0, band - 2)}
      height={plotHeight + 4}
      rx={4}
    />
  );
  return (
    <div className="trend">
      <div ref={container} className={`chart-frame ${className}`} data-testid={testId}>
        {box.width > 0 && (
          <svg className="chart" width={box.width} height={box.height}>
            <title>{description}</title>
            {/* The axes and labels, for the eye only: each bar's name carries its figures. */}
            <svg aria-hidden="true" overflow="visible">
              {ticks.map((t) => (
                <g key={t}>
                  {t > 0 && (
                    <line className="chart__grid" x1={left} x2={left + plotWidth} y1={y(t)} y2={y(t)} />
                  )}
                  <text className="chart__tick" x={left - PAD.axisGap} y={y(t)} textAnchor="end" dy="0.35em">
                    {formatTick(t)}
                  </text>
                </g>
              ))}
              {active && bandAround(active.index, 'chart__band')}
              <line
                className="chart__axis"
                x1={left}
                x2={left + plotWidth}
                y1={bottom + 0.5}
                y2={bottom + 0.5}
              />
              {bars.map(
                (bar, i) =>
                  shown(i) && (
                    <text
                      key={bar.key}
                      className={bar.key === highlight ? 'chart__tick chart__tick--current' : 'chart__tick'}
                      x={centre(i)}
                      y={bottom + 17}
                      textAnchor="middle"
                    >
                      {bar.label}
                    </text>
                  ),
              )}
            </svg>
            {bars.map((bar, i) => {
              let base = 0;
              const x = centre(i) - barWidth / 2;
              const last = bar.segments.findLastIndex((s) => s.value > 0);
              const full = highlight === undefined || bar.key === highlight || active?.index === i;
              return (
                // biome-ignore lint/a11y/noStaticElementInteractions: a button (with onSelect) or an image, chosen below.
                <g
                  key={bar.key}
                  data-bar={i}
                  className={onSelect ? 'chart__bar chart__bar--link' : 'chart__bar'}
                  role={onSelect ? 'button' : 'img'}
                  aria-label={bar.name}
                  tabIndex={i === tabStop ? 0 : -1}
                  opacity={full ? 1 : dim}
                  onPointerEnter={() => setActive({ index: i, ring: false })}
                  onPointerLeave={() => setActive((was) => (was?.ring ? was : null))}
                  onFocus={(event) => {
                    setStop(i);
                    setActive({ index: i, ring: event.currentTarget.matches(':focus-visible') });
                  }}
                  onBlur={() => setActive(null)}
                  onClick={() => onSelect?.(bar.key)}
                  onKeyDown={(event) => onKey(event, i)}
                >
                  <rect
                    className="chart__hit"
                    x={centre(i) - band / 2}
                    y={PAD.top}
                    width={band}
                    height={plotHeight}
                  />
                  {bar.segments.map((segment, s) => {
                    if (!(segment.value > 0)) return null;
                    const top = y(base + segment.value);
                    const height = y(base) - top;
                    base += segment.value;
                    return (
                      <path
                        key={segment.id}
                        className={segment.className}
                        d={topRoundedRect(x, top, barWidth, height, s === last ? radius : 0)}
                      />
                    );
                  })}
                </g>
              );
            })}
            {active?.ring && (
              <svg aria-hidden="true" overflow="visible">
                {bandAround(active.index, 'chart__focus')}
              </svg>
            )}
          </svg>
        )}
      </div>
      {active && activeBar && (
        <ChartTip
          anchor={{
            left: centre(active.index) - barWidth / 2,
            right: centre(active.index) + barWidth / 2,
            top: y(totals[active.index] ?? 0),
          }}
          box={box}
        >
          {tip(activeBar)}
        </ChartTip>
      )}
    </div>
  );
}
