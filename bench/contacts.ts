// npm run bench -- contacts: a vCard of 10,000 contacts imported as stakeholders (goal: < 10 s on PostgreSQL).
import { createAccount } from '../src/core/accounts/service.ts';
import { importContacts } from '../src/core/contacts/service.ts';
import type { Core } from '../src/core/index.ts';
import { buildPerson } from '../test/factories.ts';
import { againstBaseline, onEachDatabase, printTable } from './stats.ts';

const CONTACTS = 10_000;
const BASELINE = 1_000;
const GOAL_MS = 10_000;
const TITLES = [
  'Head of Category Management',
  'Senior Buyer',
  'Chief Financial Officer',
  'VP Supply Chain',
  'Engineer',
];

/** A vCard 3.0 address book as Apple Contacts writes it: non-ASCII names, folded lines, ORG with a department. */
export function generateVcards(count: number, tag: string): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const title = TITLES[i % TITLES.length] ?? '';
    lines.push(
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Apple Inc.//macOS 14.1//EN',
      `N:Müller-${i};Jürgen;;;`,
      `FN:Jürgen Müller-${i}`,
      'ORG:Northwind;Einkauf;',
      `TITLE:${title} for the central European region and its`,
      ' subsidiaries',
      `EMAIL;type=INTERNET;type=WORK;type=pref:j.mueller.${i}.${tag}@northwind.example`,
      `TEL;type=CELL;type=VOICE;type=pref:+49 170 ${String(1_000_000 + i)}`,
      'END:VCARD',
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function measure(label: string, core: Core) {
  const person = await buildPerson(core, { role: 'owner' });
  let runs = 0;
  // Each run imports into an account of its own, so every contact is new (the costly case).
  const importInto = async (count: number) => {
    const account = await createAccount(core.db, person.actor, { name: `Northwind ${label} ${runs++}` });
    const summary = await importContacts(core.db, person.actor, {
      text: generateVcards(count, String(runs)),
      accountId: account.id,
    });
    if (summary.added !== count) throw new Error(`added ${summary.added} of ${count}`);
    return account.id;
  };
  const figures = await againstBaseline(
    { warmUps: [0], runs: [1, 2, 3] },
    () => importInto(CONTACTS),
    () => importInto(BASELINE),
  );
  // Once more, unchanged: the re-import a person does after fixing their CRM export.
  const accountId = await importInto(CONTACTS);
  const text = generateVcards(CONTACTS, String(runs - 1));
  const start = performance.now();
  const again = await importContacts(core.db, person.actor, { text, accountId });
  const unchanged = performance.now() - start;
  if (again.unchanged !== CONTACTS) throw new Error(`unchanged ${again.unchanged} of ${CONTACTS}`);
  return [
    label,
    `${(figures.median / 1000).toFixed(2)} s`,
    `${(figures.p95 / 1000).toFixed(2)} s`,
    `${(figures.bareMedian / 1000).toFixed(2)} s`,
    figures.ratio.toFixed(1),
    `${(unchanged / 1000).toFixed(2)} s`,
    figures.median < GOAL_MS ? 'yes' : 'NO',
  ];
}

export async function run(): Promise<void> {
  const rows = await onEachDatabase(measure);
  printTable(
    `Contacts import: a vCard of ${CONTACTS.toLocaleString('en')} contacts, against ${BASELINE.toLocaleString('en')} in the same run`,
    [
      'database',
      'median',
      'p95',
      `${BASELINE} median`,
      'ratio',
      're-import (unchanged)',
      `< ${GOAL_MS / 1000} s`,
    ],
    rows,
  );
}
