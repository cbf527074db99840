import type { Locator, Page } from 'playwright-core';

/**
 * What every screen of the web app shares: the header links, dialogs, toasts. Page models extend
 * it, own their screen's locators and steps, and leave the assertions to the tests.
 */
export class Screen {
  /** Where the screen is: the first part of its hash (`week`, `accounts`) and its header link. */
  protected readonly home: { route: string; link?: string } = { route: '' };
  /** What shows that the screen is there, waited for once it is opened. */
  protected readonly landmark?: Locator;

  constructor(readonly page: Page) {}

  /** Opens the screen by its address, with what follows the route (`accounts/<id>`, `week/2026-W47`). */
  async open(arg?: string): Promise<void> {
    await this.page.goto(`/#/${this.home.route}${arg ? `/${encodeURIComponent(arg)}` : ''}`);
    await this.landmark?.waitFor();
  }

  /** Reaches the screen by its link in the header. */
  async openFromHeader(): Promise<void> {
    await this.follow(this.home.link ?? '');
    await this.landmark?.waitFor();
  }

  /** Clicks the link with exactly this name: the header's `Week`, `Accounts`, … or any other. */
  async follow(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  button(name: string | RegExp, exact = false): Locator {
    return this.page.getByRole('button', { name, exact });
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name });
  }

  /** Waits for a toast saying this. */
  async toast(text: string | RegExp): Promise<void> {
    await this.page.locator('.toast').filter({ hasText: text }).waitFor();
  }

  /** Clicks every toast away (each may also leave by itself meanwhile). */
  async dismissToasts(): Promise<void> {
    const dismiss = this.button('Dismiss');
    while ((await dismiss.count()) > 0)
      await dismiss
        .first()
        .click({ timeout: 1000 })
        .catch(() => {});
  }

  async signOut(): Promise<void> {
    await this.button('Sign out').click();
    await this.button('Sign in').waitFor();
  }

  /** Where the app is: the hash of the URL, decoded (`accounts/<id>`). */
  location(): string {
    return decodeURIComponent(new URL(this.page.url()).hash.replace(/^#\//, ''));
  }
}
