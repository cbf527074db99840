import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { editableAccount, editableAccounts } from '../accounts/service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { accounts, stakeholderOwners, stakeholders } from '../db/schema/index.ts';
import { AppError, isForeignKeyViolation, isUniqueViolation } from '../errors.ts';
import { now } from '../time/clock.ts';
import type { ContactProblem, ImportedContact } from './contact.ts';
import { parseContacts } from './parse.ts';
import { type ContactsPlan, type KnownStakeholder, planContacts, type TargetAccount } from './plan.ts';
import type { ContactChoices, ContactsSummary } from './schemas.ts';

/** More contacts than any address book; a file beyond it is refused (413) before anything is matched. */
export const MAX_CONTACTS = 100_000;
const BATCH = 1000;

export interface ContactsImport {
  text: string;
  /** Every contact goes on this account (404 when it is not the workspace's, 403 when not editable). */
  accountId?: string;
  dryRun?: boolean;
  /** Level, function and buying office as corrected in the preview, by line. */
  choices?: ContactChoices;
}

function unreadable(problems: ContactProblem[]): AppError {
  const fields: Record<string, string> = {};
  for (const problem of problems.slice(0, 50)) fields[`line ${problem.line}`] = problem.reason;
  const first = problems[0];
  const what = problems.length === 1 ? 'contact' : 'contacts';
  return new AppError(
    'validation_failed',
    `${problems.length} ${what} could not be read (first: line ${first?.line}: ${first?.reason}); nothing was imported`,
    fields,
  );
}

/** The file's contacts, or the reason none is imported: unreadable rows, none at all, too many. */
function readContacts(text: string) {
  const { format, items } = parseContacts(text);
  const problems: ContactProblem[] = [];
  const contacts: ImportedContact[] = [];
  for (const item of items) {
    if ('problem' in item) problems.push(item.problem);
    else if (Object.values(item.contact).some((v) => typeof v === 'string' && v.includes('\u0000')))
      // A NUL (e.g. quoted-printable "=00") is no text a database keeps.
      problems.push({ line: item.contact.line, reason: 'holds a NUL character, which is not text' });
    else contacts.push(item.contact);
  }
  if (problems.length > 0) throw unreadable(problems);
  if (contacts.length === 0) throw new AppError('bad_request', 'the file holds no contacts');
  if (contacts.length > MAX_CONTACTS) {
    throw new AppError(
      'too_large',
      `the file holds ${contacts.length} contacts; one import takes at most ${MAX_CONTACTS.toLocaleString('en')}`,
    );
  }
  return { format, contacts };
}

/** The accounts contacts may land on: the one given, or every active one (to match by name or domain). */
async function targets(db: Db, actor: Actor, accountId?: string) {
  if (accountId) {
    const account = await editableAccount(db, actor, accountId);
    const fixed = { id: account.id, name: account.name, domains: account.domains, editable: true };
    return { all: [fixed], fixed };
  }
  const editable = new Set((await editableAccounts(db, actor)).map((a) => a.id));
  const rows = await db
    .select({ id: accounts.id, name: accounts.name, domains: accounts.domains })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, actor.workspaceId), isNull(accounts.archivedAt)));
  const all: TargetAccount[] = rows.map((row) => ({ ...row, editable: editable.has(row.id) }));
  return { all };
}

async function knownStakeholders(
  db: Db,
  workspaceId: string,
  accountIds: string[],
): Promise<KnownStakeholder[]> {
  if (accountIds.length === 0) return [];
  return db
    .select({
      id: stakeholders.id,
      accountId: stakeholders.accountId,
      name: stakeholders.name,
      title: stakeholders.title,
      email: stakeholders.email,
      level: stakeholders.level,
      function: stakeholders.function,
      buyingOffice: stakeholders.buyingOffice,
    })
    .from(stakeholders)
    .where(and(eq(stakeholders.workspaceId, workspaceId), inArray(stakeholders.accountId, accountIds)));
}

/** The plan written in one transaction: every new stakeholder (owned by the actor) and every fill. */
async function write(tx: Tx, actor: Actor, plan: ContactsPlan) {
  const added = plan.rows
    .filter((row) => row.action === 'added' && row.account)
    .map((row) => ({
      id: randomUUID(),
      workspaceId: actor.workspaceId,
      accountId: row.account?.id ?? '',
      name: row.name,
      title: row.title,
      email: row.email,
      level: row.level,
      function: row.function,
      buyingOffice: row.buyingOffice,
    }));
  for (let i = 0; i < added.length; i += BATCH) {
    const batch = added.slice(i, i + BATCH);
    await tx.insert(stakeholders).values(batch);
    await tx
      .insert(stakeholderOwners)
      .values(
        batch.map((s) => ({ stakeholderId: s.id, userId: actor.userId, workspaceId: actor.workspaceId })),
      );
  }
  if (plan.fills.length > 0) {
    // One statement for every fill; coalesce keeps a value someone typed meanwhile.
    await tx.execute(sql`
      update stakeholders s
      set title = coalesce(s.title, f.title), email = coalesce(s.email, f.email),
          updated_at = ${now().toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(plan.fills)}::jsonb) as f(id text, title text, email text)
      where s.id = f.id and s.workspace_id = ${actor.workspaceId}`);
  }
}

/**
 * Imports a contacts file (Salesforce, HubSpot, Outlook or Google CSV, or vCard) as stakeholders:
 * see planContacts for how accounts and people are matched. A row that cannot be read stops the whole
 * import (400, each problem by line); the rest is one transaction. A dry run writes nothing and
 * answers exactly what the import would do.
 */
export async function importContacts(db: Db, actor: Actor, input: ContactsImport): Promise<ContactsSummary> {
  const { format, contacts } = readContacts(input.text);
  const accountsFor = await targets(db, actor, input.accountId);
  const ids = accountsFor.all.filter((a) => a.editable).map((a) => a.id);
  const plan = planContacts(
    contacts,
    accountsFor,
    await knownStakeholders(db, actor.workspaceId, ids),
    input.choices,
  );
  if (!input.dryRun) {
    try {
      await db.transaction((tx) => write(tx, actor, plan));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(
          'conflict',
          'a stakeholder with one of these e-mails was added meanwhile; import again',
        );
      }
      if (isForeignKeyViolation(error)) {
        throw new AppError('conflict', 'one of the accounts was removed meanwhile; import again');
      }
      throw error;
    }
  }
  const count = (action: string) => plan.rows.filter((row) => row.action === action).length;
  return {
    format,
    dryRun: Boolean(input.dryRun),
    added: count('added'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    skipped: plan.rows
      .filter((row) => row.action === 'skipped')
      .map(({ line, reason }) => ({ line, reason })),
    rows: plan.rows,
    unknownCompanies: plan.unknownCompanies,
  };
}
