import { beforeEach, describe, expect, it } from 'vitest';
import { FOUNDER } from './api.ts';
import { screenshot } from './browser.ts';
import { dayFromToday, isoDay, isoWeek } from './dates.ts';
import { fileHarness } from './harness.ts';
import { AccountPage, AccountsPage } from './pages/accounts.ts';
import { DecisionDialog, ReflectionsPage } from './pages/decisions.ts';
import { SignInPage } from './pages/sign-in.ts';
import { WeekPage } from './pages/week.ts';

// The workspace owner only invites; the Customer Managers are members, as the decision log's users.
const app = fileHarness({
  name: 'decisions',
  owner: { ...FOUNDER, name: 'Olga Owner', email: 'olga@acme.test' },
  context: { viewport: { width: 1440, height: 1100 } },
});
beforeEach(() => app.deleteAccounts());

const NORTHWIND = 'Northwind Traders';
const DECISION = 'Free express shipping on late orders this quarter';
const LEGACY_PROMPT = 'If I left today, what legacy would I leave?';
const LEGACY = 'A buyer who trusts us; not yet a partner.';
const today = () => isoDay(new Date());

/** Ann (a member) with Northwind Traders and, made through the API too, its precedent. */
async function annWithPrecedent() {
  const ann = await app.person('Ann Owner');
  const account = await ann.post('/accounts', { name: NORTHWIND });
  await ann.post(`/accounts/${account.id}/decisions`, {
    title: DECISION,
    urgent: true,
    precedent: true,
    agreedByThem: 'Tom Becker',
    reviewBy: today(),
  });
  return { ann, id: account.id as string };
}

describe('decisions and reflection, in a browser', () => {
  it('signs in and creates an account', async () => {
    const ann = await app.person('Ann Owner');
    const signIn = new SignInPage(await app.page());
    await signIn.open();
    await signIn.signIn(ann.email, ann.password);
    await signIn.follow('Accounts');
    await new AccountsPage(signIn.page).create({ name: NORTHWIND });
  });

  it('records a decision from a Q1 activity, asked whether it may set a precedent', async () => {
    const ann = await app.person('Ann Owner');
    await ann.post('/accounts', { name: NORTHWIND });
    const week = new WeekPage(await app.page(ann));
    await week.open();
    const title = 'Escalation: late deliveries at Northwind';
    await week.quickAdd({ title, account: NORTHWIND, urgent: true, important: true });
    const edit = await week.edit(title);
    await edit.recordDecision();

    const record = new DecisionDialog(week.page);
    expect(await record.title.inputValue()).toBe(title);
    await record.title.fill(DECISION);
    // It will not save until the precedent question is answered.
    await record.submit();
    await record.precedentUnanswered.waitFor();
    await record.recordPrecedent({ title: DECISION, agreedByThem: 'Tom Becker', reviewBy: today() });
    await edit.cancel();

    // Due for review this week: beside the week's report.
    await week.dueDecisions.filter({ hasText: 'Free express shipping' }).waitFor();
    await week.follow(DECISION);
    const logged = new AccountPage(week.page).decision('Free express shipping');
    await logged.waitFor();
    expect(await logged.textContent()).toMatch(/May set a precedent.*Q1.*Active.*agreed with Tom Becker/);
    await screenshot(week.page, 'decisions-account');
  });

  it('writes a private reflection on last week and finds it in the history', async () => {
    const week = new WeekPage(await app.page(await app.person('Ann Owner')));
    await week.open();
    await week.previousWeek();
    const reflections = new ReflectionsPage(week.page);
    await reflections.reflect(LEGACY_PROMPT, LEGACY, true);
    await week.page.getByText('Written, private to you.').waitFor();
    await reflections.openFromHeader();
    const entry = reflections.entries.first();
    await expect
      .poll(() => entry.textContent())
      .toMatch(/Private.*A buyer who trusts us; not yet a partner\./);
    await screenshot(week.page, 'decisions-reflections');
  });

  it('generates the handover pack with the precedent and the reflection, as HTML and PDF', async () => {
    const { ann, id } = await annWithPrecedent();
    await ann.put(`/reflections/${isoWeek(dayFromToday(-7))}`, {
      answers: { legacy_today: LEGACY },
      inHandover: true,
    });
    const account = new AccountPage(await app.page(ann));
    await account.open(id);
    const href = (await account.handoverLink.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/handover\?format=html$/);
    const html = await (await account.page.request.get(new URL(href, app.url).toString())).text();
    expect(html).toContain('Handover pack: Northwind Traders');
    expect(html).toMatch(
      /Free express shipping on late orders this quarter<\/strong> — decided \d{4}-\d{2}-\d{2}; under urgency; agreed with Tom Becker/,
    );
    expect(html).toContain(LEGACY);
    expect(html).toMatch(/<div class="chart"><svg/);
    const pdf = await account.page.request.get(
      new URL(href.replace('format=html', 'format=pdf'), app.url).toString(),
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('hands the account to a successor, who works through the inheritance review', async () => {
    const { ann, id } = await annWithPrecedent();
    const ben = await app.person('Ben Successor');
    const account = new AccountPage(await app.page(ann));
    await account.open(id);
    await account.handOver(NORTHWIND, ben.name, 'Tom prefers calls on Fridays.');
    await expect.poll(() => account.team.textContent()).toMatch(/Owner Ben Successor/);
    // Ann still reads the account and her decision, but no longer changes it.
    await account.decision('Free express shipping').waitFor();
    expect(await account.editButton.count()).toBe(0);

    await account.signOut();
    const signIn = new SignInPage(account.page);
    await signIn.open();
    await signIn.signIn(ben.email, ben.password);
    await account.follow('Accounts');
    await account.follow(NORTHWIND);
    await expect
      .poll(() => account.inheritance.textContent())
      .toMatch(/Ann Owner → Ben Successor.*1 to do.*Tom prefers calls on Fridays/);
    await account.decideInherited(DECISION, 'Revisit', 'Only for orders late by a week');
    await expect.poll(() => account.inheritance.textContent()).toMatch(/completed \d{4}-\d{2}-\d{2}/);
    await expect
      .poll(() => account.decision('Free express shipping').textContent())
      .toMatch(/Revisited.*Only for orders late by a week/);
    await screenshot(account.page, 'decisions-inheritance');
  });
});
