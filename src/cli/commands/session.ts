import type { Command } from 'commander';
import { ApiClient, CliError } from '../client.ts';
import { saveConfig } from '../config.ts';

interface Me {
  name: string;
  email: string;
  role: string;
  timeZone: string;
  workspace: { name: string };
}

export function registerSession(program: Command): void {
  program
    .command('login')
    .description('Save the server and token the CLI uses (checked against the server first)')
    .requiredOption('--server <url>', 'e.g. http://localhost:3000')
    .requiredOption('--token <token>', 'from `linchpin admin create-token`')
    .action(async (options: { server: string; token: string }) => {
      if (!URL.canParse(options.server))
        throw new CliError('--server must be a URL such as http://localhost:3000');
      const me = await new ApiClient(options).get<Me>('/me');
      const path = saveConfig(options);
      console.log(
        `Logged in to ${options.server} as ${me.name} <${me.email}> (${me.workspace.name}). Saved in ${path}.`,
      );
    });

  program
    .command('whoami')
    .description('Show who the saved token acts as')
    .action(async () => {
      const me = await ApiClient.fromConfig().get<Me>('/me');
      console.log(`${me.name} <${me.email}>, ${me.role} in ${me.workspace.name}, time zone ${me.timeZone}`);
    });

  program
    .command('demo')
    .description("Load 12 weeks of a Customer Manager's demo activities into your empty history")
    .action(async () => {
      const result = await ApiClient.fromConfig().post<{ activities: number }>('/demo');
      console.log(`Loaded ${result.activities} demo activities over the last 12 weeks.`);
    });
}
