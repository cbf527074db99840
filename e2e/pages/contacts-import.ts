import type { Locator } from 'playwright-core';
import { Screen } from './screen.ts';

/** Account page → Import stakeholders: choose a contacts file, correct the preview, import. */
export class ContactsImportDialog extends Screen {
  readonly dialogBox = this.dialog('Import stakeholders');
  readonly rows = this.dialogBox.getByTestId('contact-row');
  readonly summary = this.dialogBox.locator('.contacts-import__summary');

  async openFrom(): Promise<void> {
    await this.button('Import stakeholders').click();
    await this.dialogBox.waitFor();
  }

  /** Picks the file and waits for its preview. */
  async choose(path: string): Promise<void> {
    await this.dialogBox.getByLabel('Contacts file').setInputFiles(path);
    await this.summary.waitFor();
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  async setLevel(name: string, level: string): Promise<void> {
    await this.dialogBox.getByLabel(`Level of ${name}`).selectOption(level);
  }

  async createAccount(name: string): Promise<void> {
    await this.dialogBox.getByRole('button', { name: `Create account ${name}` }).click();
  }

  async importAll(): Promise<void> {
    await this.dialogBox.getByRole('button', { name: /^Import \d+ stakeholders?$/ }).click();
    await this.dialogBox.waitFor({ state: 'detached' });
  }
}
