import { hostname } from 'node:os';
import type { Command } from 'commander';
import type { ApiAnswer } from '../../client/index.ts';
import { ApiClient, CliError, UnauthorizedError } from '../client.ts';
import { type CliConfig, configPath, saveConfig } from '../config.ts';
import { deviceLogin } from '../device-login.ts';

type Me = ApiAnswer<'/me', 'get'>;

/** The device flow; the token is saved before the check, as the server hands it out only once. */
async function loginInBrowser(server: string): Promise<Me> {
  const { token } = await deviceLogin({
    server,
    clientName: `linchpin CLI on ${hostname()}`,
    say: (line) => console.error(line),
  });
  saveConfig({ server, token });
  return new ApiClient({ server, token }).GET('/me');
}

/** A token given on the command line is saved only once the server accepts it. */
async function checkToken(config: CliConfig): Promise<Me> {
  try {
    const me = await new ApiClient(config).GET('/me');
    saveConfig(config);
    return me;
  } catch (error) {
    if (error instanceof UnauthorizedError) {
      throw new CliError(
        `${config.server} does not accept this token (revoked, expired or from another server).`,
      );
    }
    throw error;
  }
}

export function registerSession(program: Command): void {
  program
    .command('login')
    .description(
      'Sign in to a Linchpin server: approve a one-time code in your browser, or give a token (checked against the server first)',
    )
    .requiredOption('--server <url>', 'e.g. http://localhost:3000 or https://linchpin.example.com')
    .option('--token <token>', 'a token from Settings → Tokens or `linchpin admin create-token`')
    .action(async (options: { server: string; token?: string }) => {
      const server = options.server.replace(/\/+$/, '');
      // `localhost:3000` parses as a URL with the scheme "localhost:"; only http(s) reaches a server.
      if (!URL.canParse(server) || !/^https?:$/.test(new URL(server).protocol)) {
        throw new CliError(`--server must be a URL such as http://localhost:3000 (got "${options.server}")`);
      }
      const me = await (options.token === undefined
        ? loginInBrowser(server)
        : checkToken({ server, token: options.token }));
      console.log(
        `Logged in to ${server} as ${me.name} <${me.email}> (${me.workspace.name}). Saved in ${configPath()}.`,
      );
    });

  program
    .command('whoami')
    .description('Show who the saved token acts as')
    .action(async () => {
      const me = await ApiClient.fromConfig().GET('/me');
      console.log(`${me.name} <${me.email}>, ${me.role} in ${me.workspace.name}, time zone ${me.timeZone}`);
    });

  program
    .command('demo')
    .description("Load 12 weeks of a Customer Manager's demo activities into your empty history")
    .action(async () => {
      const result = await ApiClient.fromConfig().POST('/demo');
      console.log(`Loaded ${result.activities} demo activities over the last 12 weeks.`);
    });
}
