import type { Locator } from 'playwright-core';
import { Screen } from './screen.ts';

type Section = 'People' | 'Tokens' | 'Password' | 'Audit log' | 'What my leader sees' | 'Team privacy';

/** Settings and its sections: People (and inviting), Tokens, Password, Audit log, team privacy, what my leader sees. */
export class SettingsPage extends Screen {
  protected override readonly home = { route: 'settings' };
  readonly nav = this.page.getByRole('navigation', { name: 'Settings' });
  readonly people = this.page.getByTestId('person');
  readonly peopleList = this.page.getByRole('list', { name: 'People' });
  readonly invitations = this.page.getByTestId('invitation');
  readonly inviteButton = this.button('Invite people');
  readonly inviteDialog = this.dialog('Invite a colleague');
  readonly newToken = this.page.getByTestId('new-token');
  readonly auditEntries = this.page.getByTestId('audit-entry');
  /** What my leader sees: the privacy mode in force, who sees, and one's own row of the team page. */
  readonly leaderViewMode = this.page.getByTestId('leader-view-mode');
  readonly leaderViewWho = this.page.getByTestId('leader-view-who');
  readonly leaderViewRow = this.page.getByTestId('team-person');

  /** Header's Settings, then the section's link in the settings navigation. */
  async openSection(section: Section): Promise<void> {
    await this.follow('Settings');
    await this.nav.getByRole('link', { name: section }).click();
  }

  /** Another section, from the settings navigation. */
  async switchTo(section: Section): Promise<void> {
    await this.nav.getByRole('link', { name: section }).click();
  }

  /** A person's row in People (names also appear in other rows' "Reports to" pickers). */
  person(name: string): Locator {
    return this.page.locator(`[data-testid="person"][data-person="${name}"]`);
  }

  invitation(email: string): Locator {
    return this.page.locator(`[data-testid="invitation"][data-person="${email}"]`);
  }

  reportsTo(name: string): Locator {
    return this.person(name).getByLabel(`${name} reports to`);
  }

  roleOf(name: string): Locator {
    return this.person(name).getByLabel(`Role of ${name}`);
  }

  /** Invite people: sends the invitation and answers the dialog that shows the link. */
  async invite(email: string, role: 'Member' | 'Leader'): Promise<Locator> {
    await this.inviteButton.click();
    await this.inviteDialog.getByLabel('Email').fill(email);
    await this.inviteDialog.getByLabel('Role').selectOption({ label: role });
    await this.inviteDialog.getByRole('button', { name: 'Send invitation' }).click();
    return this.dialog(`Invitation for ${email}`);
  }

  /** Deactivate, confirmed in its dialog; `beforeConfirm` sees the dialog first. */
  async deactivate(name: string, beforeConfirm: (dialog: Locator) => Promise<void>): Promise<void> {
    await this.person(name).getByRole('button', { name: 'Deactivate' }).click();
    const confirm = this.dialog(`Deactivate ${name}?`);
    await beforeConfirm(confirm);
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
  }

  token(name: string): Locator {
    return this.page.getByTestId('token').filter({ hasText: name });
  }

  /** Tokens: creates one and answers it (shown this once). */
  async createToken(name: string, days: number): Promise<string> {
    await this.page.getByLabel('Name').fill(name);
    await this.page.getByLabel('Expires in (days)').fill(String(days));
    await this.button('Create token').click();
    return this.newToken.inputValue();
  }

  async revokeToken(name: string): Promise<void> {
    await this.token(name).getByRole('button', { name: 'Revoke' }).click();
    await this.dialog(`Revoke “${name}”?`).getByRole('button', { name: 'Revoke token' }).click();
  }

  /** Password: current and new (twice), then Change password. */
  async changePassword(current: string, next: string): Promise<void> {
    await this.page.getByLabel('Current password').fill(current);
    await this.page.getByLabel('New password', { exact: true }).fill(next);
    await this.page.getByLabel('New password again').fill(next);
    await this.button('Change password').click();
  }

  /** The server's word beside the field it is about. */
  fieldError(text: string): Locator {
    return this.page.locator('.field--invalid').getByText(text);
  }
}
