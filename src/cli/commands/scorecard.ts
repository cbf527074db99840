import { type Command, Option } from 'commander';
import type { AccountSummary } from '../../core/accounts/schemas.ts';
import type { RoundDetail, RoundSummary } from '../../core/scorecard/schemas.ts';
import { ApiClient } from '../client.ts';
import { FORMATS, type Format, print, table } from '../output.ts';
import { findAccount } from './accounts.ts';

const score = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toFixed(1));
const gap = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${n.toFixed(1)}`);

export function registerScorecard(program: Command): void {
  program
    .command('scorecard')
    .description("The latest honest-conversation round of an account: the gaps between both sides' views")
    .argument('<account>', 'the account (any case; a unique part of the name is enough)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(FORMATS.filter((f) => f !== 'csv'))
        .default('table'),
    )
    .action(async (name: string, options: { format: Format }) => {
      const api = ApiClient.fromConfig();
      const account = findAccount(
        (await api.get<{ items: AccountSummary[] }>('/accounts?status=all')).items,
        name,
      );
      const { items } = await api.get<{ items: RoundSummary[] }>(`/accounts/${account.id}/scorecard`);
      const latest = items[0];
      if (!latest) {
        print(`${account.name} has no scorecard round yet. Open one on the account page.`);
        return;
      }
      const round = await api.get<RoundDetail>(`/scorecard/rounds/${latest.id}`);
      if (options.format === 'json') {
        print(JSON.stringify(round, null, 2));
        return;
      }
      const at = (view: keyof RoundDetail['views'], subject: string) =>
        round.views[view].subjects.find((s) => s.subject === subject)?.average;
      const raters = (view: keyof RoundDetail['views']) => round.views[view].raters;
      print(
        [
          `${account.name} · ${round.name}${round.stale ? ' (stale: older than 90 days)' : ''}`,
          `Raters: we rate us ${raters('usOnUs')}, we rate them ${raters('usOnThem')}, they rate us ${raters('themOnUs')}, they rate them ${raters('themOnThem')}`,
          '',
          table(
            [
              'Subject',
              'We rate us',
              'They rate us',
              'Gap about us',
              'We rate them',
              'They rate them',
              'Gap about them',
            ],
            round.gaps.map((g) => [
              g.subject,
              score(at('usOnUs', g.subject)),
              score(at('themOnUs', g.subject)),
              gap(g.aboutUs),
              score(at('usOnThem', g.subject)),
              score(at('themOnThem', g.subject)),
              gap(g.aboutThem),
            ]),
          ),
          'Largest gaps first: the agenda of the next conversation.',
        ].join('\n'),
      );
    });
}
