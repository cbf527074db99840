import { beforeEach, describe, expect, it } from 'vitest';
import { writeIcs } from '../test/ics.ts';
import { screenshot } from './browser.ts';
import { compactDay, dayFromToday, isoDay, isoWeek } from './dates.ts';
import { fileHarness, type Person, tempDir } from './harness.ts';
import { AccountPage, AccountsPage, type StakeholderDraft } from './pages/accounts.ts';
import { ImportPage } from './pages/calendar.ts';
import { WeekPage } from './pages/week.ts';

const app = fileHarness({ name: 'accounts', context: { viewport: { width: 1440, height: 1100 } } });
// Every test starts from a workspace without accounts (names are unique in a workspace).
beforeEach(() => app.deleteAccounts());

const NORTHWIND = 'Northwind Traders';
const MEETING = 'Supply review with Northwind';
const PAULA: StakeholderDraft = {
  name: 'Paula Buyer',
  title: 'Head of Procurement',
  email: 'paula@northwind.com',
  fn: 'procurement',
  level: 'senior',
};
const FRANK: StakeholderDraft = {
  name: 'Frank Finance',
  title: 'CFO',
  email: 'frank@northwind.com',
  fn: 'finance',
  level: 'executive',
};
const twoDaysAgo = dayFromToday(-2);

/** A new Customer Manager's Northwind Traders (with these stakeholders), made through the API. */
async function northwind(...stakeholders: StakeholderDraft[]) {
  const person = await app.person('Carla Manager');
  const account = await person.post('/accounts', { name: NORTHWIND, domains: ['northwind.com'] });
  for (const { fn, ...s } of stakeholders) {
    await person.post(`/accounts/${account.id}/stakeholders`, { ...s, function: fn, strength: 4 });
  }
  return { person, id: account.id as string };
}

/** Opens the account's page as that person. */
async function accountPage(person: Person, id: string): Promise<AccountPage> {
  const page = new AccountPage(await app.page(person));
  await page.open(id);
  await page.heading(NORTHWIND).waitFor();
  return page;
}

/** The hour of the meeting two days ago, logged on the account through the API. */
const logMeeting = (person: Person, accountId: string) =>
  person.post('/activities', {
    title: MEETING,
    startsAt: `${isoDay(twoDaysAgo)}T09:00`,
    minutes: 60,
    urgent: false,
    important: true,
    accountId,
  });

describe('accounts and stakeholders, in a browser', () => {
  it('creates an account from the empty list', async () => {
    const accounts = new AccountsPage(await app.page(await app.person('Carla Manager')));
    await accounts.open();
    await accounts.empty.waitFor();
    const account = await accounts.create({ name: NORTHWIND, domains: 'northwind.com' });
    // Creating opens the new account; back to the list to see its card.
    expect(account.id()).not.toBe('');
    const list = await account.backToList();
    await list.card(NORTHWIND).waitFor();
    await expect.poll(() => list.card(NORTHWIND).textContent()).toMatch(/0 stakeholders/);
    await expect.poll(() => list.card(NORTHWIND).textContent()).toMatch(/No contacts/);
  });

  it('adds a stakeholder: single-threaded, and the grid cell fills', async () => {
    const { person, id } = await northwind();
    const accounts = new AccountsPage(await app.page(person));
    await accounts.open();
    await accounts.follow(NORTHWIND);
    const account = new AccountPage(accounts.page);
    await account.heading(NORTHWIND).waitFor();
    expect(account.page.url()).toContain(`#/accounts/${id}`);
    await account.noStakeholders.waitFor();

    await account.addStakeholder(PAULA);
    await account.singleContact.waitFor();
    await expect.poll(() => account.coverage('procurement', 'senior').getAttribute('data-count')).toBe('1');
    expect(await account.coverage('procurement', 'senior').getAttribute('class')).toContain(
      'coverage-cell--4',
    );
    expect(await account.coverage('finance', 'executive').getAttribute('class')).toContain(
      'coverage-cell--empty',
    );
    await expect.poll(() => account.stakeholder(PAULA.name).textContent()).toMatch(/never/);
  });

  it('adds a second stakeholder in another function and the single-contact warning goes', async () => {
    const { person, id } = await northwind(PAULA);
    const account = await accountPage(person, id);
    await account.singleContact.waitFor();
    await account.addStakeholder(FRANK);
    await expect.poll(() => account.singleContact.count()).toBe(0);
    await expect.poll(() => account.coverage('finance', 'executive').getAttribute('data-count')).toBe('1');
    await expect.poll(() => account.losingTouch.count()).toBe(2);
    await screenshot(account.page, 'accounts-detail');
  });

  it('edits and deletes a stakeholder', async () => {
    const { person, id } = await northwind(PAULA, FRANK);
    const account = await accountPage(person, id);
    await account.setAttitude(FRANK.name, 'champion');
    await expect.poll(() => account.stakeholder(FRANK.name).textContent()).toMatch(/Champion/);

    await account.deleteStakeholder(FRANK.name);
    await expect.poll(() => account.stakeholders.count()).toBe(1);
    await account.singleContact.waitFor();
  });

  it('imports a meeting with Paula: her last contact is derived and she leaves the losing-touch list', async () => {
    // An address no other test's stakeholder has: last contact is derived workspace-wide.
    const paula = { ...PAULA, email: 'paula.buyer@northwind.com' };
    const { person, id } = await northwind(paula);
    const day = compactDay(isoDay(twoDaysAgo));
    const path = writeIcs(tempDir('ics'), 'northwind.ics', [
      {
        uid: 'northwind-review@e2e',
        summary: MEETING,
        start: `${day}T090000Z`,
        end: `${day}T100000Z`,
        lines: [
          `ORGANIZER:mailto:${person.email}`,
          `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${person.email}`,
          `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${paula.email}`,
        ],
      },
    ]);
    const account = await accountPage(person, id);
    await expect.poll(() => account.losingTouch.count()).toBe(1);
    const calendar = new ImportPage(account.page);
    await calendar.openFromHeader();
    await calendar.choose(path);
    await calendar.import();
    await expect.poll(() => calendar.result.textContent(), { timeout: 15_000 }).toMatch(/1\s*added/);

    await account.open(id);
    await expect.poll(() => account.stakeholder(paula.name).textContent()).toMatch(/2 days ago/);
    await expect.poll(() => account.losingTouch.count()).toBe(0);
    // The imported meeting landed on the account by Paula's domain and counts as its time.
    await account.recentActivity(MEETING).waitFor();
    await expect.poll(() => account.timeSums.textContent()).toMatch(/1\.0 h/);
  });

  it('adds a legacy goal, links the meeting to it, and sees the time invested', async () => {
    // Paula, for the relationship map beside the goals.
    const { person, id } = await northwind(PAULA);
    await logMeeting(person, id);
    const account = await accountPage(person, id);
    const goal = 'A sponsor in their executive team';
    await account.addGoal({
      dimension: 'relationships',
      goal,
      success: 'The CFO asks for our view first',
    });
    await expect.poll(() => account.goalTime(goal).textContent()).toMatch(/0\.0 h invested/);

    // From the Week page: open the meeting and link it to the goal.
    const week = new WeekPage(account.page);
    await week.open(isoWeek(twoDaysAgo));
    const edit = await week.edit(MEETING);
    await expect.poll(() => edit.account.inputValue()).toBe(id);
    await edit.legacyGoal.selectOption({ label: `${goal} · Relationships & trust` });
    await edit.save();

    await account.open(id);
    await expect.poll(() => account.goalTime(goal).textContent()).toMatch(/1\.0 h invested/);
    await account.relationshipMap.first().waitFor();
    await screenshot(account.page, 'accounts-legacy');
  });

  it('asks before deleting an account with activities, and archives it instead', async () => {
    const { person, id } = await northwind();
    await logMeeting(person, id);
    const account = await accountPage(person, id);
    const dialog = await account.edit(NORTHWIND);
    await dialog.getByRole('button', { name: 'Delete…' }).click();
    await account.button('Delete account').click();
    await account.page.getByText(/has 1 activity\. Archiving keeps them/).waitFor();
    await account.dialog(`Delete ${NORTHWIND}?`).getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByRole('button', { name: 'Archive' }).click();
    await account.page.getByText('It keeps its history but leaves pickers and rules.').waitFor();
    const list = await account.backToList();
    await list.empty.waitFor();
    await list.showArchived();
    await list.card(NORTHWIND).waitFor();
  });
});
