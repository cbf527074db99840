import { type Command, Option } from 'commander';
import type { ApiAnswer } from '../../client/index.ts';
import { ApiClient } from '../client.ts';
import { print, table } from '../output.ts';

type Notifications = ApiAnswer<'/notifications', 'get'>;

const OUTPUTS = ['table', 'json'] as const;
type Output = (typeof OUTPUTS)[number];
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Unread (or all) notifications as a table: when, what, and the web address to act on it. */
export function renderNotifications(
  list: Notifications,
  options: { all: boolean; server: string; timeZone?: string },
): string {
  if (list.items.length === 0)
    return options.all ? 'No notifications yet.' : 'Nothing unread: you are on top of things.';
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: options.timeZone ?? localZone(),
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const rows = list.items.map((n) => [
    when.format(new Date(n.createdAt)),
    `${n.readAt ? '' : '• '}${n.title}`,
    `${options.server}${n.url}`,
  ]);
  const heading = `${list.unread} unread`;
  return [heading, '', table(['When', 'What', 'Open'], rows)].join('\n');
}

export function registerNotifications(program: Command): void {
  program
    .command('notifications')
    .description('What is due: your unread notifications (decisions to review, follow-ups, people drifting…)')
    .option('--all', 'also those already read (the latest 100)')
    .option('--read', 'then mark the listed ones read')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUTS).default('table'))
    .action(async (options: { all?: boolean; read?: boolean; format: Output }) => {
      const api = ApiClient.fromConfig();
      const list = await api.GET('/notifications', {
        params: { query: { unread: options.all ? 'false' : 'true' } },
      });
      print(
        options.format === 'json'
          ? JSON.stringify(list, null, 2)
          : renderNotifications(list, { all: Boolean(options.all), server: api.server }),
      );
      const ids = list.items.filter((n) => !n.readAt).map((n) => n.id);
      if (options.read && ids.length > 0) {
        await api.POST('/notifications/read', { body: { ids } });
        // On stderr, so --format json stays JSON.
        console.error(`Marked ${ids.length} read.`);
      }
    });

  program
    .command('digest')
    .description('The digest e-mail Linchpin would send you next (Settings → Notifications chooses which)')
    .requiredOption(
      '--preview',
      'print it instead of sending (the only mode: digests are sent by the server)',
    )
    .addOption(
      new Option('--format <format>', 'plain text, or the HTML of the mail')
        .choices(['text', 'html'])
        .default('text'),
    )
    .action(async (options: { format: 'text' | 'html' }) => {
      const api = ApiClient.fromConfig();
      const digest = await api.GET('/me/digest/preview');
      print(options.format === 'html' ? digest.html : `Subject: ${digest.subject}\n\n${digest.text}`);
    });
}
