import type { Command } from 'commander';
import { formatHours as hours } from '../../core/reports/format.ts';
import { currentWeek } from '../../core/reports/week-report.ts';
import { ApiClient } from '../client.ts';
import { type Format, print, table } from '../output.ts';
import { formatOption } from './accounts.ts';

async function currentWeekOf(api: ApiClient): Promise<string> {
  return currentWeek((await api.GET('/me')).timeZone);
}

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description("This week's plan: Q2 big rocks with budgets, what is scheduled and done, planned vs actual")
    .option('--week <week>', 'ISO week, e.g. 2026-W48 (default: this week)')
    .addOption(formatOption())
    .action(async (options: { week?: string; format: Format }) => {
      const api = ApiClient.fromConfig();
      const week = options.week ?? (await currentWeekOf(api));
      const plan = await api.GET('/plans/{week}', { params: { path: { week } } });
      if (options.format === 'json') return print(JSON.stringify(plan, null, 2));
      const q2 = plan.plannedVsActual.quadrants.q2;
      const lines = [`Plan ${plan.week} (${plan.from} to ${plan.to})`, ''];
      if (plan.rocks.length === 0)
        lines.push('No big rocks yet. Pick the Q2 work that must not be crowded out.');
      else
        lines.push(
          table(
            ['Big rock', 'Account / goal', 'Budget', 'Scheduled', 'Done', 'Status'],
            plan.rocks.map((r) => [
              r.title,
              [r.accountName, r.goalTitle].filter(Boolean).join(' / '),
              hours(r.budgetMinutes),
              hours(r.scheduledMinutes),
              hours(r.doneMinutes),
              r.status,
            ]),
          ),
        );
      lines.push('', `Q2 planned ${hours(q2.planned ?? 0)}, actual ${hours(q2.actual)}`);
      if (plan.suggestions.length)
        lines.push('', 'Suggestions:', ...plan.suggestions.map((s) => `- ${s.title}`));
      print(lines.join('\n'));
    });

  program
    .command('today')
    .description(
      "Today's planned actions; unfinished ones from earlier days roll over (with how often they slipped)",
    )
    .addOption(formatOption())
    .action(async (options: { format: Format }) => {
      const { day, items } = await ApiClient.fromConfig().GET('/today');
      if (options.format === 'json') return print(JSON.stringify({ day, items }, null, 2));
      if (items.length === 0) return print(`Nothing planned for ${day}.`);
      print(
        [
          `Today, ${day}`,
          table(
            ['', 'Time', 'Action', 'Minutes', 'Slipped'],
            items.map((i) => [
              i.done ? '[x]' : '[ ]',
              i.startTime ?? '',
              i.title,
              i.minutes,
              i.slipped ? `${i.slipped}×` : '',
            ]),
          ),
        ].join('\n'),
      );
    });
}
