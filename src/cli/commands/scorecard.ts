import { type Command, Option } from 'commander';
import { GAP_TABLE_HEADER, gapTableRows } from '../../core/scorecard/gap-table.ts';
import { ApiClient } from '../client.ts';
import { FORMATS, type Format, print, table } from '../output.ts';
import { accountsOf, findAccount } from './accounts.ts';

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
      const account = findAccount(await accountsOf(api, 'all'), name);
      const { items } = await api.GET('/accounts/{id}/scorecard', { params: { path: { id: account.id } } });
      const latest = items[0];
      if (!latest) {
        print(`${account.name} has no scorecard round yet. Open one on the account page.`);
        return;
      }
      const round = await api.GET('/scorecard/rounds/{id}', { params: { path: { id: latest.id } } });
      if (options.format === 'json') {
        print(JSON.stringify(round, null, 2));
        return;
      }
      const raters = (view: keyof typeof round.views) => round.views[view].raters;
      print(
        [
          `${account.name} · ${round.name}${round.stale ? ' (stale: older than 90 days)' : ''}`,
          `Raters: we rate us ${raters('usOnUs')}, we rate them ${raters('usOnThem')}, they rate us ${raters('themOnUs')}, they rate them ${raters('themOnThem')}`,
          '',
          table(GAP_TABLE_HEADER, gapTableRows(round)),
          'Largest gaps first: the agenda of the next conversation.',
        ].join('\n'),
      );
    });
}
