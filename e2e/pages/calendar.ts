import type { Locator } from 'playwright-core';
import { Screen } from './screen.ts';

/** Import: a calendar file, previewed or imported, and the calendars imported so far. */
export class ImportPage extends Screen {
  protected override readonly home = { route: 'import', link: 'Import' };
  protected override readonly landmark = this.page.getByRole('heading', { name: 'Import', exact: true });
  /** The figures of a preview or an import. */
  readonly result = this.page.getByTestId('import-result');
  /** The lines that could not be read. */
  readonly error = this.page.getByTestId('import-error');
  readonly chosenFile = this.page.getByTestId('chosen-file');
  readonly calendarName = this.page.getByLabel('Calendar name');
  readonly calendars = this.page.getByTestId('calendar-row');
  readonly skipInvalid = this.page.getByLabel('Skip events that cannot be read');

  calendar(name: string): Locator {
    return this.calendars.filter({ hasText: name });
  }

  async choose(path: string): Promise<void> {
    await this.page.getByLabel('Calendar file').setInputFiles(path);
  }

  async preview(): Promise<void> {
    await this.button('Preview', true).click();
  }

  /** Imports the chosen file straight away. */
  async import(): Promise<void> {
    await this.button('Import', true).click();
  }

  /** Imports what was just previewed. */
  async importNow(): Promise<void> {
    await this.button('Import now').click();
  }

  async skipUnreadableAndPreview(): Promise<void> {
    await this.button('Skip them and preview again').click();
  }
}

/** Import → Connect a CalDAV calendar: sign in, see the server's calendars, tick some, connect. */
export class CaldavConnect extends Screen {
  protected override readonly home = { route: 'import' };
  protected override readonly landmark = this.page.getByRole('heading', { name: 'Import', exact: true });
  readonly form = this.page.getByRole('form', { name: /CalDAV/ });

  calendar(name: string): Locator {
    return this.page.getByRole('checkbox', { name });
  }

  async signIn(login: { url: string; username: string; password: string }): Promise<void> {
    await this.button('Connect a CalDAV calendar').click();
    await this.page.getByLabel('Server address').fill(login.url);
    await this.page.getByLabel('Username').fill(login.username);
    await this.page.getByLabel('App password').fill(login.password);
    await this.button('Find calendars').click();
  }

  async writePlanTo(calendar: string): Promise<void> {
    await this.page.getByLabel('Write my scheduled plan actions to').selectOption({ label: calendar });
  }

  async connect(): Promise<void> {
    await this.button(/^Connect (calendar|\d+ calendars)$/).click();
  }
}

/** The review inbox: imported events no rule placed yet. */
export class ReviewPage extends Screen {
  protected override readonly home = { route: 'review' };
  readonly items = this.page.getByTestId('review-item');

  async titleOf(index: number): Promise<string> {
    return (await this.items.nth(index).locator('.review-row__title').textContent()) ?? '';
  }

  /** Focuses an item and presses a quadrant's key (1 to 4). */
  async classify(index: number, key: string): Promise<void> {
    await this.items.nth(index).focus();
    await this.page.keyboard.press(key);
  }
}

export interface RuleDraft {
  name: string;
  domains: string;
  important: boolean;
  urgent: boolean;
}

/** Rules: the person's classification rules, and the dialog that writes one. */
export class RulesPage extends Screen {
  protected override readonly home = { route: 'rules', link: 'Rules' };
  protected override readonly landmark = this.page.getByRole('heading', { name: 'Rules', exact: true });
  readonly ruleDialog = this.page.getByRole('dialog');
  readonly testResult = this.ruleDialog.getByTestId('rule-test-result');

  row(name: string): Locator {
    return this.page.getByTestId('rule-row').filter({ hasText: name });
  }

  /** Opens New rule and fills it in. */
  async draft(rule: RuleDraft): Promise<void> {
    await this.button('New rule').click();
    await this.ruleDialog.getByLabel('Rule name').fill(rule.name);
    await this.ruleDialog.getByLabel('Attendee email domains').fill(rule.domains);
    await this.ruleDialog.getByLabel('Important').setChecked(rule.important);
    await this.ruleDialog.getByLabel('Urgent').setChecked(rule.urgent);
  }

  async testDraft(): Promise<void> {
    await this.ruleDialog.getByRole('button', { name: 'Test against the last and next 8 weeks' }).click();
  }

  async saveDraft(): Promise<void> {
    await this.ruleDialog.getByRole('button', { name: 'Save rule' }).click();
  }
}
