import { type Command, Option } from 'commander';
import type { ApiAnswer, ApiQuery } from '../../client/index.ts';
import { ACCOUNT_TIERS, type AccountTier, STAKEHOLDER_LEVELS } from '../../core/db/schema/values.ts';
import { formatHours as hours } from '../../core/reports/format.ts';
import { daysAgoLabel } from '../../core/time/days.ts';
import { ApiClient, CliError } from '../client.ts';
import { FORMATS, type Format, print, table } from '../output.ts';

export const formatOption = () =>
  new Option('--format <format>', 'output format')
    .choices(FORMATS.filter((f) => f !== 'csv'))
    .default('table');

/** An account as the list shows it (GET /api/accounts). */
export type AccountSummary = ApiAnswer<'/accounts', 'get'>['items'][number];
type AccountStatus = NonNullable<ApiQuery<'/accounts', 'get'>['status']>;

export async function accountsOf(
  api: ApiClient,
  status: AccountStatus = 'active',
): Promise<AccountSummary[]> {
  return (await api.GET('/accounts', { params: { query: { status } } })).items;
}

/** An account by name: exact (any case) first, else the only one whose name contains it. */
export function findAccount(accounts: AccountSummary[], name: string): AccountSummary {
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
  const accounts = program
    .command('accounts')
    .description('Your workspace’s accounts: tier, owner, stakeholders and single-threaded warnings')
    .option('--archived', 'list archived accounts instead')
    .addOption(formatOption())
    .action(async (options: { format: Format; archived?: boolean }) => {
      const api = ApiClient.fromConfig();
      const rows = await accountsOf(api, options.archived ? 'archived' : 'active');
      if (options.format === 'json') {
        print(JSON.stringify(rows, null, 2));
        return;
      }
      if (rows.length === 0) {
        print(
          options.archived
            ? 'No archived accounts.'
            : 'No accounts yet. Add one with `linchpin accounts add NAME --domain customer.com`.',
        );
        return;
      }
      print(
        table(
          ['Account', 'Tier', 'Owner', 'Domains', 'Stakeholders', 'Warnings'],
          rows.map((account) => [
            account.name,
            account.tier,
            account.owner?.name ?? '–',
            account.domains.join(', '),
            account.stakeholders,
            account.warnings.map((w) => w.replaceAll('_', ' ')).join('; '),
          ]),
        ),
      );
    });

  accounts
    .command('add')
    .description('Add a customer account; you own it')
    .argument('<name>', 'the account’s name')
    .option('--domain <domain...>', 'the customer’s email domains, e.g. northwind.com')
    .addOption(
      new Option('--tier <tier>', 'how much attention it gets').choices(ACCOUNT_TIERS).default('key'),
    )
    .action(async (name: string, options: { domain?: string[]; tier: AccountTier }) => {
      const account = await ApiClient.fromConfig().POST('/accounts', {
        body: { name, domains: options.domain ?? [], tier: options.tier },
      });
      print(
        `Added ${account.name} (${account.tier})${account.domains.length ? `: ${account.domains.join(', ')}` : ''}`,
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
      const account = findAccount(await accountsOf(api, 'all'), name);
      const byId = { params: { path: { id: account.id } } };
      const [{ items: people }, connectivity, { items: goals }, time] = await Promise.all([
        api.GET('/accounts/{id}/stakeholders', byId),
        api.GET('/accounts/{id}/connectivity', {
          params: { path: { id: account.id }, query: { losingTouchDays: Number(options.losingTouchDays) } },
        }),
        api.GET('/accounts/{id}/goals', byId),
        api.GET('/accounts/{id}/time', byId),
      ]);
      if (options.format === 'json') {
        print(JSON.stringify({ account, goals, time, stakeholders: people, connectivity }, null, 2));
        return;
      }
      const team = account.members.map((m) => m.name).join(', ');
      const lines = [
        `${account.name}${account.domains.length ? ` (${account.domains.join(', ')})` : ''}`,
        `Tier ${account.tier} · owner ${account.owner?.name ?? 'nobody'}${team ? ` · team ${team}` : ''}${account.archivedAt ? ' · archived' : ''}`,
        '',
      ];
      if (account.legacyStatement) lines.push(`Legacy: ${account.legacyStatement}`, '');
      if (goals.length > 0) {
        lines.push(
          table(
            ['Goal', 'Dimension', 'Status', 'Target', 'Time', 'Last 30 days'],
            goals.map((g) => [
              g.title,
              g.dimension.replaceAll('_', ' '),
              g.status,
              g.targetDate ?? '',
              hours(g.minutes),
              hours(g.minutesLast30Days),
            ]),
          ),
          '',
        );
      }
      const byQuadrant = (['q1', 'q2', 'q3', 'q4'] as const).map(
        (q) => `${q.toUpperCase()} ${hours(time.months.reduce((sum, m) => sum + m[q], 0))}`,
      );
      lines.push(
        `Last 12 months (${time.scope === 'team' ? 'the team' : 'you'}): ${hours(time.totalMinutes)} — ${byQuadrant.join(', ')}`,
        '',
      );
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
                `${p.name} (${p.daysSinceContact === null ? 'never contacted' : daysAgoLabel(p.daysSinceContact)})`,
            )
            .join(', ')}`,
        );
      }
      print(lines.join('\n'));
    });
}
