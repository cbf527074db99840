import type { BrowserContextOptions, Locator } from 'playwright-core';
import { Screen } from './screen.ts';
import type { Quadrant } from './week.ts';

/** A phone in the hand: Chromium's mobile emulation, touch and all. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};

/** The shell on a phone: the tabs at the bottom of the screen and the More sheet. */
export class PhoneShell extends Screen {
  readonly bottomNav = this.page.getByTestId('bottom-nav');
  /** The wide screen's links in the header. */
  readonly headerNav = this.page.getByTestId('header-nav');
  readonly more = this.bottomNav.getByRole('button', { name: /^More/ });
  /** The header's note: offline, and how many changes wait to be sent. */
  readonly syncStatus = this.page.getByTestId('sync-status');
  /** The changes the server refused, each with a Dismiss. */
  readonly syncProblems = this.page.getByTestId('sync-problems');
  readonly moreSheet = this.dialog('More');

  tab(name: string): Locator {
    return this.bottomNav.getByRole('link', { name, exact: true });
  }

  /** A page's entry in the More sheet. */
  moreItem(name: string): Locator {
    return this.moreSheet.getByRole('link', { name });
  }

  async openMore(): Promise<void> {
    await this.more.click();
    await this.moreSheet.waitFor();
  }
}

export interface LoggedTime {
  title: string;
  /** One of the chips: 15, 30, 45, 60, 90. */
  minutes: number;
  /** An account's name, picked in the form. */
  account?: string;
  quadrant: Quadrant;
}

/** Today, the phone's home: log time, the day's planned actions, its time so far, what is due. */
export class TodayPage extends Screen {
  protected override readonly home = { route: 'today', link: 'Today' };
  readonly form = this.page.getByRole('form', { name: 'Log time' });
  protected override readonly landmark = this.form;
  /** What is logged or planned today, one row each. */
  readonly logged = this.page.getByTestId('today-activity');

  /** What is logged on this device and waiting to be sent. */
  readonly waiting = this.page.getByTestId('waiting-activity');

  loggedRow(title: string): Locator {
    return this.logged.filter({ hasText: title });
  }

  waitingRow(title: string): Locator {
    return this.waiting.filter({ hasText: title });
  }

  /** A planned action of today's, with its tick. */
  action(title: string): Locator {
    return this.page.getByTestId('today-item').filter({ hasText: title });
  }

  /** Fills the quick-add and presses the quadrant's button, without waiting for where it goes. */
  async addTime(time: LoggedTime): Promise<void> {
    await this.form.getByLabel('What did you do?').fill(time.title);
    await this.form.getByRole('button', { name: String(time.minutes), exact: true }).click();
    if (time.account) await this.form.getByLabel('Account').selectOption({ label: time.account });
    await this.form
      .getByRole('button', { name: new RegExp(`^Add as ${time.quadrant.toUpperCase()} `) })
      .click();
  }

  /** Fills the quick-add, presses the quadrant's button and waits for the row in today's time. */
  async logTime(time: LoggedTime): Promise<void> {
    await this.addTime(time);
    await this.loggedRow(time.title).waitFor();
  }
}
