import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import { packMarkdown } from './markdown.ts';
import { escapeHtml, markdownToHtml } from './markdown-html.ts';
import { OFFLINE_POLICY } from './offline.ts';
import type { HandoverPack } from './pack.ts';

const QUADRANT_COLOURS = { q1: '#e0524a', q2: '#1f9d74', q3: '#e59a2f', q4: '#8b95a5' } as const;
const QUADRANT_NAMES = {
  q1: 'Q1 Respond',
  q2: 'Q2 Build the legacy',
  q3: 'Q3 Challenge',
  q4: 'Q4 Drop or delegate',
};

// ECharts (~40 MB in memory) is loaded by the first pack that draws a chart, not by every start.
let echarts: typeof Echarts | undefined;
const loadEcharts = () => (echarts ??= createRequire(import.meta.url)('echarts') as typeof Echarts);

/** The 12 months of time by quadrant as an SVG drawn by ECharts on the server (no script in the page). */
export function timeChartSvg(time: HandoverPack['time']): string {
  const chart = loadEcharts().init(null, null, { renderer: 'svg', ssr: true, width: 680, height: 240 });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 8, top: 30, bottom: 4, containLabel: true },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    xAxis: { type: 'category', data: time.months.map((m) => m.month.slice(2)), axisTick: { show: false } },
    yAxis: { type: 'value', axisLabel: { formatter: '{value} h' } },
    series: (['q1', 'q2', 'q3', 'q4'] as const).map((q) => ({
      type: 'bar',
      stack: 'all',
      name: QUADRANT_NAMES[q],
      color: QUADRANT_COLOURS[q],
      barMaxWidth: 28,
      data: time.months.map((m) => Math.round((m[q] / 60) * 10) / 10),
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const STYLE = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1f2933; font-size: 10.5pt; line-height: 1.45; max-width: 180mm; margin: 0 auto; }
  h1 { font-size: 20pt; margin: 0 0 4pt; }
  h1 + p { color: #66707d; margin-top: 0; }
  h2 { font-size: 13pt; margin: 18pt 0 6pt; padding-bottom: 3pt; border-bottom: 2px solid #1f9d74; break-after: avoid; }
  h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; }
  blockquote { margin: 6pt 0; padding: 6pt 10pt; border-left: 3px solid #1f9d74; background: #ebf7f2; }
  table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 9.5pt; break-inside: avoid; }
  th, td { border-bottom: 1px solid #e3e6eb; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  th { color: #66707d; font-weight: 600; }
  ul { padding-left: 14pt; } li { margin: 2pt 0; }
  em { color: #66707d; }
  .chart { margin: 6pt 0; }
`;

/**
 * A printable HTML document: the Markdown pack rendered by `markdownToHtml` (raw HTML shown as
 * text, no images, only http(s)/mailto links) with the time chart under its section. No scripts,
 * no external resources, and a Content-Security-Policy in the document that says so to a browser
 * opening the downloaded file.
 */
export function packHtml(pack: HandoverPack): string {
  let body = markdownToHtml(packMarkdown(pack));
  const chart = `<div class="chart">${timeChartSvg(pack.time)}</div>`;
  body = body.replace(/(<h2[^>]*>Time invested[^<]*<\/h2>)/, `$1\n${chart}`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${OFFLINE_POLICY}">
<title>${escapeHtml(`Handover pack: ${pack.account.name} (${pack.preparedOn})`)}</title>
<style>${STYLE}</style></head>
<body>
${body}
</body></html>
`;
}
