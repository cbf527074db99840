import type { Locator } from 'playwright-core';
import { RoundPage } from './scorecard.ts';
import { Screen } from './screen.ts';

/** Accounts: the list of customer accounts (active or archived) and New account. */
export class AccountsPage extends Screen {
  protected override readonly home = { route: 'accounts', link: 'Accounts' };
  readonly empty = this.page.getByText('No accounts yet.');

  card(name: string): Locator {
    return this.page.getByTestId('account-card').filter({ hasText: name });
  }

  /** New account: creates it and waits for its page (where creating leads). */
  async create(account: { name: string; domains?: string }): Promise<AccountPage> {
    await this.button('New account').click();
    const dialog = this.dialog('New account');
    await dialog.getByLabel('Name').fill(account.name);
    if (account.domains) await dialog.getByLabel('Email domains').fill(account.domains);
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await this.heading(account.name).waitFor();
    return new AccountPage(this.page);
  }

  async showArchived(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Archived' }).click();
  }
}

export interface StakeholderDraft {
  name: string;
  title: string;
  fn: string;
  level: string;
  email?: string;
}

export interface GoalDraft {
  dimension: string;
  goal: string;
  success: string;
}

/** One account's page: stakeholders and coverage, time, goals, decisions, handover. */
export class AccountPage extends Screen {
  protected override readonly home = { route: 'accounts' };
  readonly stakeholders = this.page.getByTestId('stakeholder-row');
  readonly noStakeholders = this.page.getByText('No stakeholders yet.').first();
  /** The warning that everything runs through one person. */
  readonly singleContact = this.page.getByTestId('warning-single_contact');
  /** One row per stakeholder not contacted for the chosen number of days. */
  readonly losingTouch = this.page.getByTestId('losing-touch');
  /** Hours on the account in the last 12 months. */
  readonly timeSums = this.page.getByTestId('account-time-sums');
  /** The stakeholders' cards on the relationship map. */
  readonly relationshipMap = this.page.getByTestId('relmap-card');
  /** "Owner … · team of …" under the heading. */
  readonly team = this.page.getByTestId('account-team');
  /** The badge of an account whose owner was deactivated. */
  readonly needsOwner = this.page.getByTestId('needs-owner');
  /** The successor's inheritance review, after a handover. */
  readonly inheritance = this.page.getByTestId('inheritance');
  readonly handoverLink = this.page.getByRole('link', { name: 'Handover pack' });
  readonly editButton = this.button('Edit account');

  /** The account's id, from the address. */
  id(): string {
    return this.location().replace('accounts/', '');
  }

  async backToList(): Promise<AccountsPage> {
    await this.follow('← Accounts');
    return new AccountsPage(this.page);
  }

  stakeholder(name: string): Locator {
    return this.stakeholders.filter({ hasText: name });
  }

  coverage(fn: string, level: string): Locator {
    return this.page.getByTestId(`coverage-${fn}-${level}`);
  }

  recentActivity(title: string): Locator {
    return this.page.getByTestId('recent-activity').filter({ hasText: title });
  }

  goalTime(goal: string): Locator {
    return this.page.getByTestId('goal').filter({ hasText: goal }).getByTestId('goal-time');
  }

  decision(title: string): Locator {
    return this.page.getByTestId('decision').filter({ hasText: title });
  }

  async addStakeholder(person: StakeholderDraft): Promise<void> {
    await this.button('Add stakeholder', true).first().click();
    const dialog = this.dialog('Add stakeholder');
    await dialog.getByLabel('Name').fill(person.name);
    await dialog.getByLabel('Title').fill(person.title);
    if (person.email) await dialog.getByLabel('Email').fill(person.email);
    await dialog.getByLabel('Function').selectOption(person.fn);
    await dialog.getByLabel('Level').selectOption(person.level);
    await dialog.getByLabel('Relationship strength').fill('4');
    await dialog.getByRole('button', { name: 'Add stakeholder' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.stakeholder(person.name).waitFor();
  }

  /** Edit <name>: sets the attitude and saves. */
  async setAttitude(name: string, attitude: string): Promise<void> {
    await this.button(`Edit ${name}`).click();
    const dialog = this.dialog(`Edit ${name}`);
    await dialog.getByLabel('Attitude').selectOption(attitude);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async deleteStakeholder(name: string): Promise<void> {
    await this.button(`Delete ${name}`).click();
    await this.button('Delete stakeholder').click();
  }

  async addGoal(goal: GoalDraft): Promise<void> {
    await this.button('Add goal').click();
    const dialog = this.dialog('New legacy goal');
    await dialog.getByLabel('Dimension').selectOption(goal.dimension);
    await dialog.getByLabel('Goal').fill(goal.goal);
    await dialog.getByLabel('What success looks like').fill(goal.success);
    await dialog.getByRole('button', { name: 'Add goal' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Edit account: answers its dialog (`Edit <name>`). */
  async edit(name: string): Promise<Locator> {
    await this.editButton.click();
    return this.dialog(`Edit ${name}`);
  }

  /** Hand over…: gives the account to a successor with a note. */
  async handOver(name: string, successor: string, note: string): Promise<void> {
    await this.button('Hand over…').click();
    const dialog = this.dialog(`Hand over ${name}`);
    await dialog.getByLabel('Successor', { exact: true }).selectOption({ label: successor });
    await dialog.getByLabel('Note for the successor').fill(note);
    await dialog.getByRole('button', { name: 'Hand over' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Open a round: names a new scorecard round and waits for its page. */
  async openRound(name: string): Promise<RoundPage> {
    await this.button('Open a round').click();
    const dialog = this.dialog('Open a scorecard round');
    await dialog.getByLabel('Round').fill(name);
    await dialog.getByRole('button', { name: 'Open round' }).click();
    await this.heading(new RegExp(name)).waitFor();
    return new RoundPage(this.page);
  }

  /** The successor's verdict on an inherited precedent, with the reason. */
  async decideInherited(title: string, verdict: 'Keep' | 'Revisit' | 'Undo', reason: string): Promise<void> {
    const precedent = this.inheritance.getByTestId('inherited-precedent').filter({ hasText: title });
    await precedent.getByLabel(verdict).check();
    await precedent.getByLabel(`Reason for ${title}`).fill(reason);
    await precedent.getByRole('button', { name: 'Decide' }).click();
  }
}
