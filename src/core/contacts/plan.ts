import { z } from 'zod';
import { domainsOf } from '../accounts/domains.ts';
import type { StakeholderFunction, StakeholderLevel } from '../db/schema/index.ts';
import type { ImportedContact } from './contact.ts';
import type { ContactChoices, ContactRow } from './schemas.ts';
import { suggestFromTitle } from './titles.ts';

/** An account contacts may land on. */
export interface TargetAccount {
  id: string;
  name: string;
  domains: string[];
  /** The actor may add stakeholders to it (canEditAccount). */
  editable: boolean;
}

/** A stakeholder already there, as far as matching and filling need it. */
export interface KnownStakeholder {
  id: string;
  accountId: string;
  name: string;
  title: string | null;
  email: string | null;
  level: StakeholderLevel;
  function: StakeholderFunction;
  buyingOffice: boolean;
}

/** What the import writes: new stakeholders, and empty fields of existing ones filled. */
export interface ContactsPlan {
  rows: ContactRow[];
  unknownCompanies: string[];
  fills: { id: string; title: string | null; email: string | null }[];
}

/** Names compared as people type them: case, accents' composition and runs of spaces do not matter. */
export const nameKey = (name: string): string =>
  name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

const isEmail = (text: string) => z.email().safeParse(text).success;
const MAX_TEXT = 200;

/**
 * Decides each contact, without touching the database (pure, so the preview is exactly the import):
 * - the account: `fixed` when given, else the one named like the company, else the one with the
 *   e-mail's domain; a company no account is named after is skipped and listed in unknownCompanies;
 * - the stakeholder: the account's one with that e-mail, else with that name; the same person twice in
 *   the file is skipped the second time;
 * - an existing stakeholder only has its empty title and e-mail filled: whatever the person typed or
 *   changed (name, title, level, function, …) is theirs and is never overwritten.
 */
export function planContacts(
  contacts: ImportedContact[],
  accounts: { all: TargetAccount[]; fixed?: TargetAccount },
  known: KnownStakeholder[],
  choices: ContactChoices = [],
): ContactsPlan {
  const byName = new Map<string, TargetAccount>();
  const byDomain = new Map<string, TargetAccount>();
  for (const account of accounts.all) {
    if (!byName.has(nameKey(account.name))) byName.set(nameKey(account.name), account);
    for (const domain of account.domains) if (!byDomain.has(domain)) byDomain.set(domain, account);
  }
  const existing = new Map<string, KnownStakeholder>();
  for (const person of known) {
    if (person.email) existing.set(`${person.accountId} ${person.email.toLowerCase()}`, person);
    const byPersonName = `${person.accountId} name:${nameKey(person.name)}`;
    if (!existing.has(byPersonName)) existing.set(byPersonName, person);
  }
  const chosen = new Map(choices.map((choice) => [choice.line, choice]));
  const seen = new Map<string, number>();
  const unknownCompanies = new Map<string, string>();
  const fills: ContactsPlan['fills'] = [];

  const rows = contacts.map((contact): ContactRow => {
    const email = contact.email.toLowerCase();
    const row: ContactRow = {
      line: contact.line,
      action: 'skipped',
      name: contact.name,
      title: contact.title || null,
      email: email || null,
      company: contact.company || null,
      account: null,
      ...suggestFromTitle(contact.title, contact.department),
      stakeholderId: null,
      reason: '',
    };
    const skip = (reason: string): ContactRow => ({ ...row, reason });
    if (!contact.name) return skip('has no name');
    if (contact.name.length > MAX_TEXT) return skip(`the name is longer than ${MAX_TEXT} characters`);
    if (contact.title.length > MAX_TEXT) return skip(`the title is longer than ${MAX_TEXT} characters`);
    if (email && !isEmail(email)) return skip(`"${email.slice(0, 80)}" is not an e-mail address`);

    const domain = email ? domainsOf(email)[0] : undefined;
    const byCompany = contact.company ? byName.get(nameKey(contact.company)) : undefined;
    const account = accounts.fixed ?? byCompany ?? (domain ? byDomain.get(domain) : undefined);
    if (!account) {
      if (!contact.company) {
        return skip(
          email
            ? `no company, and no account has the e-mail domain ${domain} — add the domain to an account or pass an account`
            : 'no company and no e-mail — pass an account',
        );
      }
      unknownCompanies.set(nameKey(contact.company), contact.company);
      return skip(`no account named ${contact.company} — create it or pass an account`);
    }
    row.account = { id: account.id, name: account.name };
    if (!account.editable) {
      return skip(`only the owner, the team or a leader of ${account.name} can add stakeholders to it`);
    }

    const keys = [email && `${account.id} ${email}`, `${account.id} name:${nameKey(contact.name)}`].filter(
      (key): key is string => Boolean(key),
    );
    const twin = keys.map((key) => seen.get(key)).find((line) => line !== undefined);
    if (twin !== undefined) return skip(`the same person as line ${twin}`);
    for (const key of keys) seen.set(key, contact.line);

    const match = keys.map((key) => existing.get(key)).find(Boolean);
    if (match) {
      const fill = {
        id: match.id,
        title: match.title ? null : row.title,
        email: match.email || !email || existing.has(`${account.id} ${email}`) ? null : email,
      };
      const filled = [fill.title && 'title', fill.email && 'e-mail'].filter(Boolean);
      const kept = { ...row, level: match.level, function: match.function, buyingOffice: match.buyingOffice };
      if (filled.length === 0) {
        return {
          ...kept,
          action: 'unchanged',
          stakeholderId: match.id,
          reason: `already a stakeholder of ${account.name}; what is there is kept`,
        };
      }
      fills.push(fill);
      return {
        ...kept,
        action: 'updated',
        stakeholderId: match.id,
        reason: `fills the empty ${filled.join(' and ')} of ${match.name}; nothing else is changed`,
      };
    }
    const choice = chosen.get(contact.line);
    const how = accounts.fixed
      ? 'the account chosen'
      : byCompany
        ? 'company name'
        : `e-mail domain ${domain}`;
    return {
      ...row,
      level: choice?.level ?? row.level,
      function: choice?.function ?? row.function,
      buyingOffice:
        choice?.buyingOffice ?? (choice?.function ? choice.function === 'procurement' : row.buyingOffice),
      action: 'added',
      reason: `new stakeholder of ${account.name} (by ${how})`,
    };
  });
  return { rows, unknownCompanies: [...unknownCompanies.values()], fills };
}
