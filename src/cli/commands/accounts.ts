import { type Command, Option } from 'commander';
import type { AccountView } from '../../core/accounts/schemas.ts';
import { STAKEHOLDER_LEVELS } from '../../core/db/schema/index.ts';
import type { Connectivity } from '../../core/stakeholders/connectivity.ts';
import type { StakeholderView } from '../../core/stakeholders/schemas.ts';
import { ApiClient, CliError } from '../client.ts';
import { FORMATS, type Format, print, table } from '../output.ts';

const formatOption = () =>
  new Option('--format <format>', 'output format')
    .choices(FORMATS.filter((f) => f !== 'csv'))
    .default('table');

async function accountsOf(api: ApiClient): Promise<AccountView[]> {
  return (await api.get<{ items: AccountView[] }>('/accounts')).items;
}

/** An account by name: exact (any case) first, else the only one whose name contains it. */
function findAccount(accounts: AccountView[], name: string): AccountView {
  const wanted = name.trim().toLowerCase();
  const exact = accounts.find((a) => a.name.toLowerCase() === wanted);
  if (exact) return exact;
  const partial = accounts.filter((a) => a.name.toLowerCase().includes(wanted));
  if (partial.length === 1 && partial[0]) return partial[0];
  if (partial.length > 1)
    throw new CliError(`"${name}" matches ${partial.map((a) => a.name).join(', ')}; be more precise`);
  throw new CliError(`no account named "${name}"; see \`linchpin accounts\``);
}

export function registerAccounts(program: Command): void {
  program
    .command('accounts')
    .description('Your workspace’s accounts with their stakeholders and single-threaded warnings')
    .addOption(formatOption())
    .action(async (options: { format: Format }) => {
      const api = ApiClient.fromConfig();
      const accounts = await accountsOf(api);
      const rows = await Promise.all(
        accounts.map(async (account) => ({
          account,
          stakeholders: (await api.get<{ items: StakeholderView[] }>(`/accounts/${account.id}/stakeholders`))
            .items,
          connectivity: await api.get<Connectivity>(`/accounts/${account.id}/connectivity`),
        })),
      );
      if (options.format === 'json') {
        print(
          JSON.stringify(
            rows.map((r) => ({
              ...r.account,
              stakeholders: r.stakeholders.length,
              warnings: r.connectivity.warnings,
            })),
            null,
            2,
          ),
        );
        return;
      }
      if (rows.length === 0) {
        print(
          'No accounts yet. Add one in the web app (Rules → Accounts & domains) or log an activity with --account.',
        );
        return;
      }
      print(
        table(
          ['Account', 'Domains', 'Stakeholders', 'Functions', 'Warnings'],
          rows.map(({ account, stakeholders, connectivity }) => [
            account.name,
            account.domains.join(', '),
            stakeholders.length,
            connectivity.breadth.functions,
            connectivity.warnings.map((w) => w.kind.replaceAll('_', ' ')).join('; '),
          ]),
        ),
      );
    });

  program
    .command('account')
    .description('One account: stakeholders, coverage by function and level, warnings, losing touch')
    .argument('<name>', 'the account (any case; a unique part of the name is enough)')
    .option('--losing-touch-days <days>', 'no contact for this many days counts as losing touch', '60')
    .addOption(formatOption())
    .action(async (name: string, options: { format: Format; losingTouchDays: string }) => {
      const api = ApiClient.fromConfig();
      const account = findAccount(await accountsOf(api), name);
      const [{ items: people }, connectivity] = await Promise.all([
        api.get<{ items: StakeholderView[] }>(`/accounts/${account.id}/stakeholders`),
        api.get<Connectivity>(
          `/accounts/${account.id}/connectivity?losingTouchDays=${encodeURIComponent(options.losingTouchDays)}`,
        ),
      ]);
      if (options.format === 'json') {
        print(JSON.stringify({ account, stakeholders: people, connectivity }, null, 2));
        return;
      }
      const lines = [
        `${account.name}${account.domains.length ? ` (${account.domains.join(', ')})` : ''}`,
        '',
      ];
      if (people.length > 0) {
        lines.push(
          table(
            ['Stakeholder', 'Title', 'Function', 'Level', 'Strength', 'Last contact', 'Owners'],
            people.map((p) => [
              `${p.name}${p.buyingOffice ? ' (buying office)' : ''}`,
              p.title,
              p.function.replaceAll('_', ' '),
              p.level,
              `${p.strength}/5`,
              p.lastContactAt?.slice(0, 10) ?? 'never',
              p.owners.map((o) => o.name).join(', '),
            ]),
          ),
          '',
        );
        const covered = connectivity.coverage.filter((c) => c.stakeholders > 0);
        lines.push(
          table(
            ['Function', ...STAKEHOLDER_LEVELS],
            [...new Set(covered.map((c) => c.function))].map((fn) => [
              fn.replaceAll('_', ' '),
              ...STAKEHOLDER_LEVELS.map((level) => {
                const cell = covered.find((c) => c.function === fn && c.level === level);
                return cell ? `${cell.stakeholders} (${cell.strength}/5)` : '–';
              }),
            ]),
          ),
          '',
        );
      }
      for (const warning of connectivity.warnings) lines.push(`! ${warning.message}`);
      if (connectivity.losingTouch.length > 0) {
        lines.push(
          `Losing touch (${options.losingTouchDays}+ days): ${connectivity.losingTouch
            .map(
              (p) =>
                `${p.name} (${p.daysSinceContact === null ? 'never contacted' : `${p.daysSinceContact} days`})`,
            )
            .join(', ')}`,
        );
      }
      print(lines.join('\n'));
    });
}
