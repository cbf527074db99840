import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { ApiQuery } from '../../client/index.ts';
import { ApiClient, CliError } from '../client.ts';
import { print } from '../output.ts';
import { accountsOf, findAccount } from './accounts.ts';

type PackFormat = NonNullable<ApiQuery<'/accounts/{id}/handover', 'get'>['format']>;
const PACK_FORMATS = ['md', 'html', 'pdf'] as const satisfies PackFormat[];

export function registerHandover(program: Command): void {
  program
    .command('handover')
    .description('The handover pack of an account, dated: Markdown, printable HTML or PDF')
    .argument('<account>', 'the account (any case; a unique part of the name is enough)')
    .addOption(new Option('--format <format>', 'pack format').choices(PACK_FORMATS).default('md'))
    .option('--out <file>', 'write to this file (a PDF always needs one)')
    .action(async (name: string, options: { format: PackFormat; out?: string }) => {
      if (options.format === 'pdf' && !options.out) throw new CliError('a PDF needs --out FILE');
      const api = ApiClient.fromConfig();
      const account = findAccount(await accountsOf(api, 'all'), name);
      const pack = await api.GET('/accounts/{id}/handover', {
        params: { path: { id: account.id }, query: { format: options.format } },
        parseAs: 'arrayBuffer',
      });
      const bytes = Buffer.from(pack);
      if (options.out) {
        writeFileSync(options.out, bytes);
        print(
          `Wrote the ${account.name} handover pack to ${options.out} (${Math.ceil(bytes.length / 1024)} KB)`,
        );
      } else {
        process.stdout.write(bytes);
      }
    });
}
