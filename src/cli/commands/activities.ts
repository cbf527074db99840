import { type Command, Option } from 'commander';
import { ACTIVITY_KINDS, type ActivityKind } from '../../core/db/schema/values.ts';
import { now } from '../../core/time/clock.ts';
import { ApiClient, CliError } from '../client.ts';

interface LogOptions {
  q1?: boolean;
  q2?: boolean;
  q3?: boolean;
  q4?: boolean;
  urgent?: boolean;
  important?: boolean;
  minutes: number;
  at?: string;
  account?: string;
  kind?: ActivityKind;
  notes?: string;
  planned?: boolean;
}

function flagsFrom(options: LogOptions): { urgent: boolean; important: boolean } {
  const quadrants = (['q1', 'q2', 'q3', 'q4'] as const).filter((q) => options[q]);
  if (quadrants.length > 1) throw new CliError('give one quadrant: --q1, --q2, --q3 or --q4');
  const [quadrant] = quadrants;
  if (quadrant)
    return {
      urgent: quadrant === 'q1' || quadrant === 'q3',
      important: quadrant === 'q1' || quadrant === 'q2',
    };
  return { urgent: options.urgent ?? false, important: options.important ?? false };
}

/** Now, to the minute, as an exact instant (this machine's zone may not be the user's). */
function nowToTheMinute(): string {
  const at = now();
  at.setSeconds(0, 0);
  return at.toISOString();
}

export function registerActivities(program: Command): void {
  program
    .command('log')
    .description(
      'Log an activity, e.g. linchpin log "Joint plan with buyer" --q2 --minutes 90 --account Northwind',
    )
    .argument('<title>', 'what you did')
    .option('--q1', 'urgent and important (Respond)')
    .option('--q2', 'important, not urgent (Build the legacy)')
    .option('--q3', 'urgent, not important (Challenge)')
    .option('--q4', 'neither (Drop or delegate)')
    .option('--urgent', 'mark urgent (instead of --q1…--q4)')
    .option('--important', 'mark important (instead of --q1…--q4)')
    .option('-m, --minutes <minutes>', 'duration in minutes', (v) => Number.parseInt(v, 10), 60)
    .option(
      '--at <datetime>',
      'start, e.g. 2026-11-20T10:00 (your time zone) or with an offset; default: now',
    )
    .option('--account <name>', 'an existing customer account (see `linchpin accounts`)')
    .addOption(new Option('--kind <kind>', 'kind of activity').choices(ACTIVITY_KINDS))
    .option('--notes <text>', 'notes')
    .option('--planned', 'it is planned, not done yet')
    .action(async (title: string, options: LogOptions) => {
      if (!Number.isInteger(options.minutes)) throw new CliError('--minutes must be a whole number');
      const activity = await ApiClient.fromConfig().POST('/activities', {
        body: {
          title,
          ...flagsFrom(options),
          startsAt: options.at ?? nowToTheMinute(),
          minutes: options.minutes,
          account: options.account,
          kind: options.kind,
          notes: options.notes,
          status: options.planned ? 'planned' : undefined,
          source: 'cli',
        },
      });
      const where = activity.accountName ? ` at ${activity.accountName}` : '';
      console.log(
        `Logged "${activity.title}"${where}: ${activity.minutes} min in ${activity.quadrant.toUpperCase()}, starting ${activity.startsAt}.`,
      );
    });
}
