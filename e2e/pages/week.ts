import type { Locator } from 'playwright-core';
import { dragTo } from '../browser.ts';
import { Screen } from './screen.ts';

export type Quadrant = 'q1' | 'q2' | 'q3' | 'q4';

export interface QuickAdd {
  title: string;
  urgent?: boolean;
  important?: boolean;
  minutes?: number;
  /** `09:00` */
  start?: string;
  /** An account's name, picked in the form. */
  account?: string;
}

/** The Week page: the matrix board, its shares, quick-add, and what sits around the board. */
export class WeekPage extends Screen {
  protected override readonly home = { route: 'week', link: 'Week' };
  /** The name of the week shown above the board: there once the page is. */
  readonly label = this.page.getByTestId('week-label');
  protected override readonly landmark = this.label;
  /** The one-sentence bias of the week ("Nothing logged …" when empty). */
  readonly summary = this.page.getByTestId('week-summary');
  readonly cards = this.page.getByTestId('activity-card');
  /** All-day, declined and free events: shown beside the board, never counted. */
  readonly notCounted = this.page.getByTestId('not-counted');
  /** Imported events no rule placed: the way to the review inbox. */
  readonly reviewBanner = this.page.getByTestId('review-banner');
  /** Decisions whose review-by date has come, beside the week's report. */
  readonly dueDecisions = this.page.getByTestId('due-decisions');
  /** Planned vs actual Q2 time of the week's plan. */
  readonly planSummary = this.page.getByTestId('plan-summary');
  readonly trendChart = this.page.getByTestId('trend-chart');
  private readonly quickAddForm = this.page.locator('form').filter({ has: this.button('Add', true) });

  card(title: string): Locator {
    return this.cards.filter({ hasText: title });
  }

  share(quadrant: Quadrant): Locator {
    return this.page.getByTestId(`share-${quadrant}`);
  }

  /** Quick-adds made on this device and waiting to be sent, listed under the form. */
  readonly waiting = this.page.getByTestId('waiting-activity');

  /** Adds an activity with the quick-add form and waits for its card. */
  async quickAdd(activity: QuickAdd): Promise<void> {
    await this.sendQuickAdd(activity);
    await this.card(activity.title).waitFor();
  }

  /** Fills the quick-add form and presses Add, without waiting for where it goes. */
  async sendQuickAdd(activity: QuickAdd): Promise<void> {
    const form = this.quickAddForm;
    await form.getByLabel('Title').fill(activity.title);
    if (activity.minutes !== undefined) await form.getByLabel('Minutes').fill(String(activity.minutes));
    if (activity.start) await form.getByLabel('Start').fill(activity.start);
    if (activity.account) await form.getByLabel('Account').selectOption({ label: activity.account });
    if (activity.urgent !== undefined) await form.getByLabel('Urgent').setChecked(activity.urgent);
    if (activity.important !== undefined) await form.getByLabel('Important').setChecked(activity.important);
    await form.getByRole('button', { name: 'Add', exact: true }).click();
  }

  /** Drags a card onto a quadrant with the pointer. */
  async drag(title: string, to: Quadrant): Promise<void> {
    await dragTo(
      this.page,
      `[data-testid="activity-card"]:has-text("${title}")`,
      `[data-testid="quadrant-${to}"]`,
    );
  }

  async previousWeek(): Promise<void> {
    await this.button('Previous week').click();
  }

  async nextWeek(): Promise<void> {
    await this.button(/next week/i).click();
  }

  async loadDemo(): Promise<void> {
    await this.button('Load demo data').click();
  }

  /** Opens an activity's edit dialog by clicking its card. */
  async edit(title: string): Promise<ActivityDialog> {
    await this.card(title).first().click();
    return new ActivityDialog(this.dialog('Edit activity'));
  }
}

/** The dialog that edits one activity. */
export class ActivityDialog {
  readonly account: Locator;
  readonly legacyGoal: Locator;

  constructor(readonly root: Locator) {
    this.account = root.getByLabel('Account');
    this.legacyGoal = root.getByLabel('Legacy goal');
  }

  async save(): Promise<void> {
    await this.root.getByRole('button', { name: 'Save' }).click();
    await this.root.waitFor({ state: 'detached' });
  }

  async cancel(): Promise<void> {
    await this.root.getByRole('button', { name: 'Cancel' }).click();
  }

  async delete(): Promise<void> {
    await this.root.getByRole('button', { name: 'Delete' }).click();
  }

  async recordDecision(): Promise<void> {
    await this.root.getByRole('button', { name: 'Record a decision' }).click();
  }
}

/** The Week on a phone or touch screen: cards move with their Move to… menu instead of a drag. */
export class TouchWeekPage extends WeekPage {
  /** A card's Move button. */
  moveButton(title: string): Locator {
    return this.button(`Move ‘${title}’ to…`);
  }

  readonly moveSheet = this.dialog('Move to…');

  /** The cards shown in a quadrant. */
  cardsIn(quadrant: Quadrant): Locator {
    return this.page.getByTestId(`quadrant-${quadrant}`).getByTestId('activity-card');
  }

  /** Opens the card's Move to… and picks the quadrant. */
  async moveTo(title: string, to: Quadrant): Promise<void> {
    await this.moveButton(title).click();
    await this.moveSheet.getByRole('button', { name: new RegExp(`^${to.toUpperCase()} `) }).click();
    await this.moveSheet.waitFor({ state: 'detached' });
  }
}
