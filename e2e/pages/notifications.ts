import type { Locator } from 'playwright-core';
import { Screen } from './screen.ts';

/** The header's bell and the notification centre it opens (a popover, a full-screen sheet on a phone). */
export class NotificationCentre extends Screen {
  /** The bell; its name says how many are unread: `Notifications, 3 unread`. */
  readonly bell = this.page.getByTestId('notification-bell');
  /** The count on the bell: there only while something is unread. */
  readonly badge = this.page.getByTestId('notification-badge');
  readonly panel = this.dialog('Notifications');
  readonly items = this.panel.getByTestId('notification');
  readonly empty = this.panel.getByTestId('notifications-empty');
  readonly markAllRead = this.panel.getByRole('button', { name: 'Mark all read' });

  /** The bell's accessible name. */
  async bellName(): Promise<string> {
    return (await this.bell.getAttribute('aria-label')) ?? '';
  }

  async openPanel(): Promise<void> {
    await this.bell.click();
    await this.panel.waitFor();
  }

  /** The panel's days in order, each with the titles under it: `[['Today', ['Review …']]]`. */
  async days(): Promise<[string, string[]][]> {
    return this.panel
      .getByTestId('notification-day')
      .evaluateAll((days) =>
        days.map((day) => [
          day.querySelector('h3')?.textContent ?? '',
          [...day.querySelectorAll('.notification__title')].map((t) => (t.textContent ?? '').trim()),
        ]),
      );
  }

  item(title: string | RegExp): Locator {
    return this.items.filter({ hasText: title });
  }

  /** Whether an item is shown as unread (bold, with a dot). */
  async isUnread(title: string | RegExp): Promise<boolean> {
    const item = this.item(title);
    const [flag, weight] = await Promise.all([
      item.getAttribute('data-unread'),
      item.locator('.notification__title').evaluate((t) => Number(getComputedStyle(t).fontWeight)),
    ]);
    return flag === 'true' && weight >= 600;
  }

  async followNotification(title: string | RegExp): Promise<void> {
    await this.item(title).getByRole('link').click();
    await this.panel.waitFor({ state: 'detached' });
  }
}

/** Settings → Notifications: the digests' switches (each saves at once) and the preview of the next digest. */
export class NotificationSettings extends Screen {
  protected override readonly home = { route: 'settings/notifications' };
  protected override readonly landmark = this.heading('Notifications');
  readonly preview = this.dialog('The next digest');

  switch(label: string | RegExp): Locator {
    return this.page.getByRole('switch', { name: label });
  }

  /** Flips a switch and waits for the toast saying it was saved. */
  async turn(label: string | RegExp, on: boolean, toast: string | RegExp): Promise<void> {
    await this.switch(label).setChecked(on);
    await this.toast(toast);
  }
}
