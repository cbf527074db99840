import type { Locator } from 'playwright-core';
import { Screen } from './screen.ts';

/** The team page: a leader's people (figures only), the Q2 heatmap and the team's accounts. */
export class TeamPage extends Screen {
  protected override readonly home = { route: 'team', link: 'Team' };
  /** The week shown above the figures: there once the page is. */
  readonly label = this.page.getByTestId('team-label');
  protected override readonly landmark = this.label;
  readonly people = this.page.getByTestId('team-person');
  readonly peopleTable = this.page.getByRole('table', { name: 'People in the team' });
  readonly heatmap = this.page.getByTestId('team-heatmap');
  readonly totals = this.page.getByTestId('team-totals');
  readonly teamHours = this.page.getByTestId('team-hours');
  readonly aggregateNote = this.page.getByTestId('team-aggregate-note');
  readonly accounts = this.page.getByTestId('team-account');
  /** What a member sees at #/team. */
  readonly forLeaders = this.page.getByTestId('team-for-leaders');

  /** A person's row of the people table. */
  person(name: string): Locator {
    return this.page.locator(`[data-testid="team-person"][data-person="${name}"]`);
  }

  /** A row's figures cell by cell, as the screen reads them. */
  async rowCells(row: Locator): Promise<string[]> {
    return row
      .locator('th, td')
      .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }
}
