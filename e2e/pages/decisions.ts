import { Screen } from './screen.ts';

export interface DecisionDraft {
  title: string;
  agreedByThem: string;
  /** `2026-11-20` */
  reviewBy: string;
}

/**
 * Record a decision (opened from an activity): the decision log's form, which will not save
 * until it is said whether the decision may set a precedent.
 */
export class DecisionDialog extends Screen {
  readonly root = this.dialog('Record a decision');
  readonly title = this.root.getByLabel('Decision');
  readonly precedentUnanswered = this.root.getByText('Say whether it may set a precedent');

  async submit(): Promise<void> {
    await this.root.getByRole('button', { name: 'Record decision' }).click();
  }

  /** Fills a precedent-setting decision (after `title` was changed or not) and records it. */
  async recordPrecedent(decision: DecisionDraft): Promise<void> {
    await this.title.fill(decision.title);
    await this.root.getByLabel('Yes, it may').check();
    await this.root.getByLabel('Agreed by (them)').fill(decision.agreedByThem);
    await this.root.getByLabel('Review by').fill(decision.reviewBy);
    await this.submit();
    await this.root.waitFor({ state: 'detached' });
  }
}

/** The week's reflection dialog, and the Reflections page that keeps them. */
export class ReflectionsPage extends Screen {
  protected override readonly home = { route: 'reflections', link: 'Reflections' };
  readonly entries = this.page.getByTestId('reflection');
  readonly dialogRoot = this.dialog(/Reflection on \d{4}-W\d{2}/);

  /** From the Week page: Reflect on this week, answers one prompt, says whether it goes into handovers. */
  async reflect(prompt: string, answer: string, inHandover: boolean): Promise<void> {
    await this.button('Reflect on this week').click();
    await this.dialogRoot.getByLabel(prompt).fill(answer);
    await this.dialogRoot.getByLabel("May go into my accounts' handover packs").setChecked(inHandover);
    await this.dialogRoot.getByRole('button', { name: 'Save reflection' }).click();
    await this.dialogRoot.waitFor({ state: 'detached' });
  }
}
