import type { Command } from 'commander';
import type { Role } from '../../core/db/schema/index.ts';
import type { Core } from '../../core/index.ts';
import { CliError } from '../client.ts';

/**
 * Admin commands work on the database directly, with the server's configuration. An embedded
 * (PGlite) data folder opens in one process only; `instead` says what to do while the server runs.
 */
async function withCore<T>(instead: string, work: (core: Core) => Promise<T>): Promise<T> {
  const [{ configFromEnv, createCore }, { DataDirLockedError }] = await Promise.all([
    import('../../core/index.ts'),
    import('../../core/db/lock.ts'),
  ]);
  let core: Core;
  try {
    core = await createCore(configFromEnv());
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const holder = error.pid ? `a running Linchpin server (pid ${error.pid})` : 'another Linchpin process';
    throw new CliError(
      `the data folder ${error.dataDir} is in use by ${holder}. ${instead} or stop the server first.`,
    );
  }
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

export function registerAdmin(program: Command): void {
  const admin = program
    .command('admin')
    .description('Server-side administration (uses DATABASE_URL or LINCHPIN_DATA_DIR like the server)');

  admin
    .command('create-user')
    .description('Create a user (and the workspace, if new)')
    .requiredOption('--workspace <name>', 'workspace name')
    .requiredOption('--email <email>', 'email address to sign in with')
    .requiredOption('--password <password>', 'password (at least 8 characters)')
    .option('--role <role>', 'owner, leader or member', 'member')
    .option('--name <name>', 'display name (default: from the email)')
    .option('--time-zone <zone>', 'IANA time zone', 'UTC')
    .action(async (options: Record<string, string>) => {
      const { createUser, newUserSchema, ROLES } = await import('../../core/auth/users.ts');
      if (!(ROLES as readonly string[]).includes(options.role ?? '')) {
        throw new CliError(`--role must be one of ${ROLES.join(', ')}`);
      }
      const parsed = newUserSchema.safeParse({
        workspaceName: options.workspace,
        email: options.email,
        password: options.password,
        name: options.name ?? options.email?.split('@')[0],
        timeZone: options.timeZone,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new CliError(`${issue?.path.join('.')} ${issue?.message}`);
      }
      const me = await withCore('Invite people from the web app (Settings → People)', (core) =>
        createUser(core.db, { ...parsed.data, role: options.role as Role }),
      );
      console.error(`Created ${me.role} ${me.email} in workspace "${me.workspace.name}".`);
    });

  admin
    .command('create-token')
    .description('Print a new API bearer token for a user (nothing else is printed on stdout)')
    .requiredOption('--email <email>', 'the user the token acts as')
    .option('--name <name>', 'a label for the token', 'cli')
    .action(async (options: { email: string; name: string }) => {
      const { createApiToken } = await import('../../core/auth/tokens.ts');
      const token = await withCore(
        'Sign in with `linchpin login --server URL` (or create a token in the web app, Settings → Tokens)',
        (core) => createApiToken(core.db, options.email, options.name),
      );
      process.stdout.write(`${token}\n`);
    });
}
