import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { ApiAnswer } from '../../client/index.ts';
import { ApiClient } from '../client.ts';
import { print } from '../output.ts';
import { accountsOf, findAccount } from './accounts.ts';
import { importableSize } from './import.ts';

type ContactsSummary = ApiAnswer<'/imports/contacts', 'post'>;

export function registerContacts(program: Command): void {
  program
    .command('import-contacts')
    .description(
      'Import stakeholders from a Salesforce, HubSpot, Outlook or Google contacts CSV or a vCard (.vcf)',
    )
    .argument('<file>', 'the .csv or .vcf file')
    .option(
      '--account <name>',
      'put every contact on this account (default: by company name or e-mail domain)',
    )
    .option('--dry-run', 'show what would change without writing anything')
    .action(async (file: string, options: { account?: string; dryRun?: boolean }) => {
      importableSize(file);
      const api = ApiClient.fromConfig();
      const query = new URLSearchParams();
      if (options.account) query.set('accountId', findAccount(await accountsOf(api), options.account).id);
      if (options.dryRun) query.set('dryRun', 'true');
      const response = await api.stream('POST', `/imports/contacts?${query}`, {
        headers: { 'content-type': 'application/octet-stream' },
        body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      });
      print(describeContacts((await response.json()) as ContactsSummary));
    });
}

/** The summary as a person reads it: the counts, each skipped line, and the accounts to create. */
export function describeContacts(summary: ContactsSummary): string {
  const out = [
    `${summary.dryRun ? 'Dry run, nothing written. ' : ''}${summary.format}: ${summary.added} added, ` +
      `${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.skipped.length} skipped.`,
  ];
  for (const skipped of summary.skipped) out.push(`  line ${skipped.line}: ${skipped.reason}`);
  if (summary.unknownCompanies.length > 0) {
    out.push(
      `No account for ${summary.unknownCompanies.join(', ')}: add them with \`linchpin accounts add NAME\` or pass --account, then import again.`,
    );
  }
  return out.join('\n');
}
