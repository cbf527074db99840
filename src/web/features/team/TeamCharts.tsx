import '../../styles/charts.css';
import { type KeyboardEvent, useState } from 'react';
import type { TeamPerson, TeamTrendPoint } from '../../api/types.ts';
import { BarChart } from '../../shared/charts/BarChart.tsx';
import { ChartTip, type TipAnchor } from '../../shared/charts/ChartTip.tsx';
import { labelStride, nextIndex, showsLabel, textWidth } from '../../shared/charts/geometry.ts';
import { useBox } from '../../shared/charts/useBox.ts';
import { formatHours, formatShare } from '../../shared/format.ts';
import { heatColour, weekLabel } from './heat.ts';

/** A week's figures: its Q2 share and hours, or that nobody logged time. */
const weekFigures = (point: { share: number | null; totalMinutes?: number | null }) =>
  point.share === null
    ? ['No time logged']
    : [`Q2 ${formatShare(point.share)}`, `${formatHours(point.totalMinutes ?? 0)} logged`];

function TipLines({ title, lines }: { title: string; lines: string[] }) {
  return (
    <>
      <div className="chart-tip__title">{title}</div>
      {lines.map((line) => (
        <div key={line} className="chart-tip__row">
          {line}
        </div>
      ))}
    </>
  );
}

/** Where the numbers fit in the cells and the names at full width. */
const WIDE = 560;

/**
 * People × the 12 weeks, each cell shaded by that week's Q2 share (grey: no time logged): a table of
 * buttons, so it reads as a table too. Clicking a cell (or Enter on it; arrow keys move between
 * cells) opens that week with the person's row picked out.
 */
export function TeamHeatmap({
  people,
  weeks,
  week,
  selected,
  onSelect,
}: {
  people: TeamPerson[];
  weeks: string[];
  week: string;
  selected?: string;
  onSelect: (userId: string, week: string) => void;
}) {
  const [container, box] = useBox<HTMLDivElement>();
  const [tip, setTip] = useState<{ anchor: TipAnchor; title: string; lines: string[] } | null>(null);
  const [stop, setStop] = useState(0);
  const wide = box.width >= WIDE;
  // A phone keeps room for most names and still gives each week a cell it can be tapped on.
  const nameColumn = wide ? 150 : Math.min(110, Math.round(box.width * 0.34));
  const band = (box.width - nameColumn) / Math.max(1, weeks.length);
  const stride = labelStride(band, Math.max(0, ...weeks.map((w) => textWidth(weekLabel(w)))), 6);
  const count = people.length * weeks.length;

  const show = (cell: HTMLElement, title: string, lines: string[]) => {
    const frame = container.current?.getBoundingClientRect();
    const at = cell.getBoundingClientRect();
    if (!frame) return;
    setTip({
      anchor: { left: at.left - frame.left, right: at.right - frame.left, top: at.top - frame.top },
      title,
      lines,
    });
  };
  const onKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = nextIndex(event.key, index, count, weeks.length);
    if (next === undefined) return;
    event.preventDefault();
    setStop(next);
    container.current?.querySelector<HTMLButtonElement>(`[data-cell="${next}"]`)?.focus();
  };

  return (
    <div className="trend" ref={container}>
      <table className="heatmap" data-testid="team-heatmap">
        <caption className="sr-only">
          Q2 share of each person's week, {weeks[0]} to {weeks.at(-1)}; pick a cell to open that week
        </caption>
        <colgroup>
          <col style={{ width: nameColumn }} />
          {weeks.map((w) => (
            <col key={w} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td />
            {weeks.map((w, i) => (
              <th key={w} scope="col" className={w === week ? 'heatmap__week--current' : undefined}>
                {w === week ||
                (showsLabel(i, weeks.length, stride) && Math.abs(weeks.indexOf(week) - i) >= stride) ? (
                  weekLabel(w)
                ) : (
                  <span className="sr-only">{weekLabel(w)}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((person, row) => (
            <tr key={person.userId}>
              <th scope="row" title={person.name}>
                {person.name}
              </th>
              {weeks.map((cellWeek, column) => {
                const point = person.q2Trend[column] ?? { week: cellWeek, share: null, totalMinutes: null };
                const index = row * weeks.length + column;
                const title = `${person.name} · ${cellWeek}`;
                const lines = weekFigures(point);
                const isSelected = person.userId === selected && cellWeek === week;
                return (
                  <td key={cellWeek}>
                    <button
                      type="button"
                      data-cell={index}
                      className={isSelected ? 'heatmap__cell heatmap__cell--selected' : 'heatmap__cell'}
                      style={{
                        background: heatColour(point.share),
                        color: point.share !== null && point.share >= 0.35 ? 'var(--heat-on)' : 'var(--text)',
                      }}
                      tabIndex={index === stop ? 0 : -1}
                      aria-label={`${title}: ${lines.join(', ')}`}
                      aria-pressed={isSelected}
                      onClick={() => onSelect(person.userId, cellWeek)}
                      onKeyDown={(event) => onKey(event, index)}
                      onPointerEnter={(event) => show(event.currentTarget, title, lines)}
                      onPointerLeave={() => setTip(null)}
                      onFocus={(event) => {
                        setStop(index);
                        show(event.currentTarget, title, lines);
                      }}
                      onBlur={() => setTip(null)}
                    >
                      {wide && point.share !== null ? Math.round(point.share * 100) : ''}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {tip && (
        <ChartTip anchor={tip.anchor} box={box}>
          <TipLines title={tip.title} lines={tip.lines} />
        </ChartTip>
      )}
    </div>
  );
}

/** The team's Q2 share over the 12 weeks, a bar per week (none where nobody logged time). */
export function Q2TrendLine({
  trend,
  week,
  onSelect,
}: {
  trend: TeamTrendPoint[];
  week: string;
  onSelect: (week: string) => void;
}) {
  const top = Math.max(50, ...trend.map((p) => Math.ceil(((p.share ?? 0) * 100) / 10) * 10));
  const byWeek = new Map(trend.map((p) => [p.week, p]));
  const known = trend.filter((p) => p.share !== null);
  const description = known.length
    ? `The team's Q2 share for ${trend.length} weeks: ${trend.map((p) => (p.share === null ? 'none' : formatShare(p.share))).join(', ')}`
    : 'No time logged by the team in these 12 weeks';
  return (
    <BarChart
      bars={trend.map((p) => ({
        key: p.week,
        label: weekLabel(p.week),
        name: `${p.week}: ${weekFigures(p).join(', ')}`,
        segments:
          p.share === null
            ? []
            : [{ id: 'q2', value: Math.round(p.share * 1000) / 10, className: 'chart-fill--q2' }],
      }))}
      highlight={week}
      onSelect={onSelect}
      scale={{ max: top, step: top / 2 }}
      formatTick={(share) => `${share} %`}
      description={description}
      testId="team-trend"
      className="team-trend__chart"
      maxBarWidth={22}
      dim={0.7}
      radius={3}
      tip={(bar) => {
        const point = byWeek.get(bar.key);
        return point && <TipLines title={point.week} lines={weekFigures(point)} />;
      }}
    />
  );
}
