import { Command } from 'commander';
import { AppError } from '../core/errors.ts';
import { CliError } from './client.ts';
import { registerAccounts } from './commands/accounts.ts';
import { registerActivities } from './commands/activities.ts';
import { registerAdmin } from './commands/admin.ts';
import { registerBackup } from './commands/backup.ts';
import { registerContacts } from './commands/contacts.ts';
import { registerExport } from './commands/export.ts';
import { registerHandover } from './commands/handover.ts';
import { registerImport } from './commands/import.ts';
import { registerNotifications } from './commands/notifications.ts';
import { registerPlan } from './commands/plan.ts';
import { registerScorecard } from './commands/scorecard.ts';
import { registerServe } from './commands/serve.ts';
import { registerSession } from './commands/session.ts';
import { registerTeam } from './commands/team.ts';
import { registerWeek } from './commands/week.ts';

const program = new Command()
  .name('linchpin')
  .description('Plan and see the legacy you leave at each customer.')
  .showHelpAfterError();

registerServe(program);
registerSession(program);
registerActivities(program);
registerWeek(program);
registerImport(program);
registerContacts(program);
registerExport(program);
registerAccounts(program);
registerScorecard(program);
registerHandover(program);
registerPlan(program);
registerTeam(program);
registerNotifications(program);
registerAdmin(program);
registerBackup(program);

/** Zod's error, recognised without loading zod on every start. */
function isZodError(error: unknown): error is Error & { issues: { path: PropertyKey[]; message: string }[] } {
  return (
    error instanceof Error &&
    error.name === 'ZodError' &&
    Array.isArray((error as { issues?: unknown }).issues)
  );
}

// Expected failures are one line on stderr and exit code 1; anything else is a bug and keeps its stack.
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CliError || error instanceof AppError) {
    const fields =
      error instanceof AppError && error.fields
        ? ` (${Object.entries(error.fields)
            .map(([f, p]) => `${f}: ${p}`)
            .join(', ')})`
        : '';
    console.error(`linchpin: ${error.message}${fields}`);
    process.exit(1);
  }
  if (isZodError(error)) {
    const issues = error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || 'input'}: ${issue.message}`,
    );
    console.error(`linchpin: ${issues.join(', ')}`);
    process.exit(1);
  }
  throw error;
}
