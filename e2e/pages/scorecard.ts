import type { Locator, Page } from 'playwright-core';
import { Screen } from './screen.ts';

/** Presses the score buttons of one organisation (`side`, as the buttons name it) per subject. */
async function rate(page: Page, side: string, scores: Record<string, number>): Promise<void> {
  for (const [subject, score] of Object.entries(scores)) {
    await page
      .getByTestId(`rate-${subject}`)
      .getByRole('button', { name: `${side}: ${score} of 5` })
      .click();
  }
}

/** A scorecard round of an account: our ratings, customer links, gaps, radars, agreed actions. */
export class RoundPage extends Screen {
  protected override readonly home = { route: 'scorecard' };
  readonly gapRows = this.page.getByTestId('gap-row');
  readonly ratingLink = this.page.getByTestId('rating-link');

  /** "We rate us (1 rater)", "They rate us (no raters yet)": how many rated one view. */
  raters(text: string): Locator {
    return this.page.getByText(text);
  }

  radar(side: 'us' | 'them'): Locator {
    return this.page.getByTestId(`radar-${side}`);
  }

  agreedAction(title: string): Locator {
    return this.page.getByTestId('agreed-action').filter({ hasText: title });
  }

  rate(side: string, scores: Record<string, number>): Promise<void> {
    return rate(this.page, side, scores);
  }

  async saveRating(): Promise<void> {
    await this.button('Save my rating').click();
  }

  /** Create link, for a named customer rater: answers the link. */
  async createLink(forName: string): Promise<string> {
    await this.page.getByLabel('For', { exact: true }).fill(forName);
    await this.button('Create link').click();
    return this.ratingLink.inputValue();
  }

  /** The "Send a rating link by e-mail" dialog (open it with `openMailDialog`). */
  readonly mailDialog = this.dialog('Send a rating link by e-mail');

  /** The panel of customer links: Create link, Send by e-mail, and the links so far. */
  readonly customerRaters = this.page.getByRole('region', { name: 'Customer raters' });

  /** One row of the round's customer links, found by what it shows (a name or an address). */
  customerLink(text: string | RegExp): Locator {
    return this.page.getByTestId('customer-link').filter({ hasText: text });
  }

  async openMailDialog(): Promise<Locator> {
    await this.button('Send by e-mail').click();
    await this.mailDialog.waitFor();
    return this.mailDialog;
  }

  /**
   * Fills the mail dialog: the address, and the message (replacing the English one it starts with)
   * when given. Sending is left to the test (`mailDialog` → Send).
   */
  async fillMail(to: string, message?: string): Promise<void> {
    await this.mailDialog.getByLabel('To', { exact: true }).fill(to);
    if (message !== undefined) await this.mailDialog.getByLabel('Message', { exact: true }).fill(message);
  }

  async sendMail(): Promise<void> {
    await this.mailDialog.getByRole('button', { name: 'Send', exact: true }).click();
  }

  async addAction(title: string): Promise<void> {
    await this.page.getByLabel('New agreed action').fill(title);
    await this.button('Add action').click();
    await this.agreedAction(title).waitFor();
  }
}

/** The customer's rating form behind a one-time link: no account, no sign-in. */
export class RatingFormPage extends Screen {
  readonly thanks = this.page.getByTestId('rate-thanks');
  readonly raterName = this.page.getByLabel('Your name (optional)');

  /** Opens the link the customer was sent. */
  override async open(link: string): Promise<void> {
    await this.page.goto(link);
  }

  rate(side: string, scores: Record<string, number>): Promise<void> {
    return rate(this.page, side, scores);
  }

  async send(): Promise<void> {
    await this.button('Send my answers').click();
  }
}
