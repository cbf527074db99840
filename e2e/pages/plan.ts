import type { Locator } from 'playwright-core';
import { Screen } from './screen.ts';

/** The Plan page: the week's big rocks, their scheduled actions, planned vs actual. */
export class PlanPage extends Screen {
  protected override readonly home = { route: 'plan', link: 'Plan' };
  readonly plannedVsActual = this.page.getByTestId('planned-vs-actual');

  rock(title: string): Locator {
    return this.page.getByTestId('rock').filter({ hasText: title });
  }

  /** "1.0 h done · 1.0 h scheduled of 2.0 h" */
  figures(title: string): Locator {
    return this.rock(title).getByTestId('rock-figures');
  }

  item(title: string): Locator {
    return this.page.getByTestId('plan-item').filter({ hasText: title });
  }

  async addRock(title: string, hours: string): Promise<void> {
    await this.page.getByLabel('New big rock').fill(title);
    await this.page.getByLabel('Budget').selectOption(hours);
    await this.button('Add big rock').click();
    await this.rock(title).waitFor();
  }

  /** Schedules an action for a rock at a time today's week (`00:00`: Monday) and waits for it. */
  async schedule(title: string, time: string): Promise<void> {
    await this.rock(title).getByLabel(`Time for ${title}`).fill(time);
    await this.rock(title).getByRole('button', { name: 'Schedule' }).click();
    await this.item(title).waitFor();
  }

  async toggleDone(title: string): Promise<void> {
    await this.item(title).getByRole('checkbox').click();
  }
}
