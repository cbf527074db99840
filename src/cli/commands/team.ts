import { type Command, Option } from 'commander';
import type { ApiAnswer, ApiQuery } from '../../client/index.ts';
import { QUADRANTS } from '../../core/activities/quadrant.ts';
import { formatHours as hours } from '../../core/reports/format.ts';
import { daysAgo, daysAgoLabel } from '../../core/time/days.ts';
import { ApiClient, CliError } from '../client.ts';
import { FORMATS, type Format, print, table } from '../output.ts';

export type TeamView = ApiAnswer<'/team', 'get'>;
type TeamPerson = TeamView['people'][number];
type TeamTotals = NonNullable<TeamView['team']>;
type TeamAccount = TeamView['accounts'][number];
type Person = ApiAnswer<'/users', 'get'>['items'][number];
type TeamTable = ApiQuery<'/team/export', 'get'>['table'];
const TEAM_TABLES = ['people', 'accounts'] as const satisfies TeamTable[];

const percent = (share: number) => `${Math.round(share * 100)} %`;
const yesNo = (value: boolean) => (value ? 'yes' : 'no');
/** A total hidden in aggregate mode because too few people make it up. */
const hoursOrNone = (minutes: number | null) => (minutes === null ? '– (too few people)' : hours(minutes));
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The id of the person with this e-mail (any case); a clear error naming the address otherwise. */
export function leaderIdOf(people: Person[], email: string): string {
  const wanted = email.trim().toLowerCase();
  const found = people.find((p) => p.email?.toLowerCase() === wanted);
  if (!found) throw new CliError(`nobody in this workspace has the e-mail ${email}; see the People page`);
  return found.id;
}

function split(figures: Pick<TeamTotals, 'quadrants'>): string {
  return QUADRANTS.map((q) => `${q.toUpperCase()} ${percent(figures.quadrants[q].share)}`).join(' · ');
}

function totalsLines(team: TeamTotals): string[] {
  return [
    `${team.people} people (${team.contributors} logged time): ${hours(team.totalMinutes)} — ${split(team)}`,
    `Planned Q2 ${hoursOrNone(team.plannedQ2Minutes)} · recurring Q3 ${hoursOrNone(team.recurringQ3Minutes)} · ` +
      `${team.reflected} of ${team.people} reflected`,
  ];
}

function q2Target(person: TeamPerson): string {
  const target = person.targets.q2;
  if (!target) return '';
  return `${target.min !== undefined ? `≥ ${percent(target.min)} ` : ''}${target.met ? 'met' : 'missed'}`;
}

function peopleTable(people: TeamPerson[]): string {
  return table(
    ['Person', 'Hours', 'Q1', 'Q2', 'Q3', 'Q4', 'Q2 target', 'Planned Q2', 'Recurring Q3', 'Reflected'],
    people.map((p) => [
      `${p.name}${p.deactivated ? ' (deactivated)' : ''}`,
      hours(p.totalMinutes),
      ...QUADRANTS.map((q) => percent(p.quadrants[q].share)),
      q2Target(p),
      hours(p.plannedQ2Minutes),
      hours(p.recurringQ3Minutes),
      yesNo(p.reflected),
    ]),
  );
}

function lastRound(account: TeamAccount, timeZone: string): string {
  if (!account.lastRoundAt) return 'never';
  const age = daysAgoLabel(daysAgo(new Date(account.lastRoundAt), timeZone));
  return account.stale ? `${age} (stale)` : age;
}

function accountsTable(accounts: TeamAccount[], timeZone: string): string {
  return table(
    [
      'Account',
      'Tier',
      'Owner',
      'Hours (12 weeks)',
      'Warnings',
      'Losing touch',
      'Last round',
      'Decisions due',
      'Needs owner',
    ],
    accounts.map((a) => [
      a.name,
      a.tier,
      a.ownerName ?? '–',
      a.minutes === null ? '–' : hours(a.minutes),
      a.warnings.map((w) => w.replaceAll('_', ' ')).join('; '),
      a.losingTouch,
      lastRound(a, timeZone),
      a.decisionsDue,
      a.needsOwner ? 'yes' : '',
    ]),
  );
}

/**
 * The team page as text: a heading, the team's totals, then people and accounts. In aggregate mode
 * only the totals (or why there are none). `timeZone` counts the days since each scorecard round.
 */
export function renderTeam(view: TeamView, format: Exclude<Format, 'csv'>, timeZone = localZone()): string {
  if (format === 'json') return JSON.stringify(view, null, 2);
  const whose = view.leader ? `Team of ${view.leader.name}` : 'Whole workspace';
  const lines = [`${whose}, week ${view.week}`];
  if (view.privacy === 'aggregate') {
    lines.push(
      `Aggregate mode: team totals only, from groups of ${view.minGroupSize} or more (set by the workspace owner)`,
      '',
      ...(view.team
        ? totalsLines(view.team)
        : [`Fewer than ${view.minGroupSize} people contributed to ${view.week}: no figures to show.`]),
    );
    return lines.join('\n');
  }
  if (view.size === 0)
    return [...lines, '', 'Nobody in this team yet: invite people from Settings → People.'].join('\n');
  if (view.team) lines.push('', ...totalsLines(view.team));
  if (view.people.length > 0) lines.push('', peopleTable(view.people));
  lines.push(
    '',
    view.accounts.length > 0 ? accountsTable(view.accounts, timeZone) : 'No accounts for this team.',
  );
  return lines.join('\n');
}

/** The CSV the server makes for the team page (the same figures and privacy), without Excel's BOM. */
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

export function registerTeam(program: Command): void {
  program
    .command('team')
    .description(
      'Your team for a week (leaders and the owner): totals, each person’s quadrants, the team’s accounts by risk',
    )
    .option('--week <week>', 'ISO week such as 2026-W47 (default: this week)')
    .option(
      '--leader <email>',
      'one leader’s team: any for the owner, one below you for a leader (default: your own team, or everyone)',
    )
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .addOption(
      new Option('--table <table>', 'which table --format csv prints').choices(TEAM_TABLES).default('people'),
    )
    .action(async (options: { week?: string; leader?: string; format: Format; table: TeamTable }) => {
      const api = ApiClient.fromConfig();
      let leaderId: string | undefined;
      if (options.leader) {
        const { items } = await api.GET('/users');
        // Members see no e-mails: the team page's own answer (403) then says why, not a failed look-up.
        if (items.some((p) => p.email)) leaderId = leaderIdOf(items, options.leader);
      }
      const query = { week: options.week, leaderId };
      if (options.format === 'csv') {
        const text = await api.GET('/team/export', {
          params: { query: { ...query, table: options.table } },
          parseAs: 'text',
        });
        print(withoutBom(String(text ?? '')));
        return;
      }
      print(renderTeam(await api.GET('/team', { params: { query } }), options.format));
    });
}
