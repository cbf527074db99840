import type { TeamTrendPoint } from '../../api/types.ts';
import { formatShare } from '../../shared/format.ts';

const WIDTH = 96;
const HEIGHT = 26;
const PAD = 3;

/**
 * A person's Q2 share over the 12 weeks as a tiny line (inline SVG: one per row costs nothing,
 * where a chart per row would not); a week without time breaks the line. The viewed week is dotted.
 */
export function Sparkline({ points, label }: { points: TeamTrendPoint[]; label: string }) {
  const shares = points.map((p) => p.share);
  const known = shares.filter((s): s is number => s !== null);
  const top = Math.max(0.5, ...known);
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / Math.max(1, points.length - 1);
  const y = (share: number) => HEIGHT - PAD - (share / top) * (HEIGHT - 2 * PAD);
  // One path per run of weeks with time.
  const runs: string[] = [];
  let run = '';
  shares.forEach((share, i) => {
    if (share === null) {
      if (run) runs.push(run);
      run = '';
      return;
    }
    run += `${run ? 'L' : 'M'}${x(i).toFixed(1)} ${y(share).toFixed(1)}`;
  });
  if (run) runs.push(run);
  const last = shares.at(-1);
  const description = known.length
    ? `${label}: Q2 share over 12 weeks, ${shares.map((s) => (s === null ? 'none' : formatShare(s))).join(', ')}`
    : `${label}: no time logged in the last 12 weeks`;
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={description}
    >
      <line className="sparkline__base" x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} />
      {runs.map((d) => (
        <path key={d} className="sparkline__line" d={d} />
      ))}
      {/* A lone week between gaps has no line: a dot shows it. */}
      {shares.map((share, i) =>
        share !== null && shares[i - 1] == null && shares[i + 1] == null && i !== shares.length - 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: one point per week, in order
          <circle key={i} className="sparkline__point" cx={x(i)} cy={y(share)} r={1.6} />
        ) : null,
      )}
      {last !== null && last !== undefined && (
        <circle className="sparkline__now" cx={x(shares.length - 1)} cy={y(last)} r={2.6} />
      )}
    </svg>
  );
}
