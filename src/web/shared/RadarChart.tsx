import '../styles/charts.css';
import { axisDirection, RADAR_LABEL_GAP, radarLayout, radarOutline, radarPoint } from './charts/geometry.ts';
import { useBox } from './charts/useBox.ts';

export interface RadarSeries {
  name: string;
  color: string;
  /** One per axis; null where nobody answered: no point is drawn there (the outline passes the centre). */
  values: (number | null)[];
}

const MAX = 5;
const RINGS = [5, 4, 3, 2, 1];

/**
 * Scores 1–5 on each axis, one outline per series, as SVG sized to its box (the labels stay whole on
 * a phone). Its text alternative is `description`, a sentence with every score.
 */
export default function RadarChart({
  axes,
  series,
  description,
  testId,
}: {
  axes: string[];
  series: RadarSeries[];
  description: string;
  testId?: string;
}) {
  const [container, box] = useBox<HTMLDivElement>();
  const layout = radarLayout(axes, box);
  const ring = (level: number) =>
    radarOutline(
      layout,
      axes.map(() => level / MAX),
    );
  return (
    <div
      ref={container}
      className="chart-frame radar-chart"
      data-testid={testId}
      role="img"
      aria-label={description}
    >
      {box.width > 0 && axes.length > 2 && (
        <svg className="chart" width={box.width} height={box.height} aria-hidden="true">
          {RINGS.map((level) => (
            <polygon
              key={level}
              className={level % 2 ? 'radar__ring' : 'radar__ring radar__ring--shaded'}
              points={ring(level)}
            />
          ))}
          {axes.map((axis, i) => {
            const [x, y] = radarPoint(layout, i, axes.length, 1);
            const { dx, dy } = axisDirection(i, axes.length);
            const anchor = dx > 0.01 ? 'start' : dx < -0.01 ? 'end' : 'middle';
            return (
              <g key={axis}>
                <line className="radar__spoke" x1={layout.cx} y1={layout.cy} x2={x} y2={y} />
                <text
                  className="radar__label"
                  x={x + dx * RADAR_LABEL_GAP}
                  y={y + dy * RADAR_LABEL_GAP}
                  textAnchor={anchor}
                  dy={dy < -0.5 ? '-0.2em' : dy > 0.5 ? '0.9em' : '0.35em'}
                  fontSize={layout.fontSize}
                >
                  {axis}
                </text>
              </g>
            );
          })}
          {series.map((s) => (
            <g key={s.name}>
              <polygon
                className="radar__outline"
                points={radarOutline(
                  layout,
                  s.values.map((v) => (v ?? 0) / MAX),
                )}
                style={{ fill: s.color, stroke: s.color }}
              />
              {s.values.map((v, i) => {
                if (v === null) return null;
                const [x, y] = radarPoint(layout, i, axes.length, v / MAX);
                return <circle key={axes[i]} cx={x} cy={y} r={2.5} style={{ fill: s.color }} />;
              })}
            </g>
          ))}
        </svg>
      )}
    </div>
  );
}
