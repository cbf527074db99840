import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { AccountSummary } from '../../core/accounts/schemas.ts';
import { ApiClient, CliError } from '../client.ts';
import { print } from '../output.ts';
import { findAccount } from './accounts.ts';

export function registerHandover(program: Command): void {
  program
    .command('handover')
    .description('The handover pack of an account, dated: Markdown, printable HTML or PDF')
    .argument('<account>', 'the account (any case; a unique part of the name is enough)')
    .addOption(new Option('--format <format>', 'pack format').choices(['md', 'html', 'pdf']).default('md'))
    .option('--out <file>', 'write to this file (a PDF always needs one)')
    .action(async (name: string, options: { format: 'md' | 'html' | 'pdf'; out?: string }) => {
      if (options.format === 'pdf' && !options.out) throw new CliError('a PDF needs --out FILE');
      const api = ApiClient.fromConfig();
      const account = findAccount(
        (await api.get<{ items: AccountSummary[] }>('/accounts?status=all')).items,
        name,
      );
      const response = await api.raw('GET', `/accounts/${account.id}/handover?format=${options.format}`);
      const bytes = Buffer.from(await response.arrayBuffer());
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
