import { type Command, Option } from 'commander';
import type { ApiAnswer } from '../../client/index.ts';
import { QUADRANT_NAMES, QUADRANTS } from '../../core/activities/quadrant.ts';
import { ApiClient } from '../client.ts';
import { type Cell, csv, FORMATS, type Format, print, table } from '../output.ts';

type WeekReport = ApiAnswer<'/reports/week', 'get'>;

const hours = (minutes: number) => (minutes / 60).toFixed(1);
const percent = (share: number) => `${Math.round(share * 100)} %`;

function targetText(target: WeekReport['targets'][keyof WeekReport['targets']]): string {
  if (!target) return '';
  const bound = [
    target.min !== undefined ? `≥ ${percent(target.min)}` : '',
    target.max !== undefined ? `≤ ${percent(target.max)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${bound} ${target.met ? 'met' : 'missed'}`;
}

function quadrantRows(report: WeekReport): Cell[][] {
  return QUADRANTS.map((q) => [
    q.toUpperCase(),
    QUADRANT_NAMES[q],
    hours(report.quadrants[q].minutes),
    percent(report.quadrants[q].share),
    targetText(report.targets[q]),
  ]);
}

export function renderWeek(report: WeekReport, format: Format): string {
  if (format === 'json') return JSON.stringify(report, null, 2);
  if (format === 'csv') {
    return csv(
      ['week', 'quadrant', 'name', 'minutes', 'share', 'target_min', 'target_max', 'met'],
      QUADRANTS.map((q) => [
        report.week,
        q,
        QUADRANT_NAMES[q],
        report.quadrants[q].minutes,
        report.quadrants[q].share,
        report.targets[q]?.min ?? null,
        report.targets[q]?.max ?? null,
        report.targets[q] ? report.targets[q].met : null,
      ]),
    );
  }
  const lines = [
    `Week ${report.week} (${report.from.slice(0, 10)} – ${report.to.slice(0, 10)}, ${report.timeZone}): ${hours(report.totalMinutes)} h`,
    '',
    table(['', 'Quadrant', 'Hours', 'Share', 'Target'], [...quadrantRows(report)]),
  ];
  if (report.byAccount.length > 0) {
    lines.push(
      '',
      table(
        ['Account', 'Hours', ...QUADRANTS.map((q) => q.toUpperCase())],
        report.byAccount.map((a) => [
          a.name,
          hours(a.minutes),
          ...QUADRANTS.map((q) => hours(a.quadrants[q].minutes)),
        ]),
      ),
    );
  }
  lines.push('', report.summary);
  return lines.join('\n');
}

export function registerWeek(program: Command): void {
  program
    .command('week')
    .description('Where the week went, per quadrant and account')
    .option('--week <week>', 'ISO week such as 2026-W47 (default: this week)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .action(async (options: { week?: string; format: Format }) => {
      const report = await ApiClient.fromConfig().GET('/reports/week', {
        params: { query: { week: options.week } },
      });
      print(renderWeek(report, options.format));
    });
}
