import type { Founder } from '../api.ts';
import { Screen } from './screen.ts';

/** The first visit to a new Linchpin: the workspace and its owner. */
export class SetupPage extends Screen {
  /** Sets up the workspace and its owner, and waits for the Week page. */
  async createWorkspace(founder: Founder): Promise<void> {
    await this.page.getByLabel('Workspace name').fill(founder.workspace);
    await this.page.getByLabel('Your name').fill(founder.name);
    await this.page.getByLabel('Email').fill(founder.email);
    await this.page.getByLabel('Password').fill(founder.password);
    await this.button('Create workspace').click();
    await this.page.getByTestId('week-label').waitFor();
  }
}

/** Sign-in, and the pages about passwords: forgot (ask for a link) and reset (use it). */
export class SignInPage extends Screen {
  /** The line above the form: why you were signed out, that the password changed, … */
  readonly note = this.page.getByTestId('sign-in-note');
  readonly invalid = this.page.getByText(/invalid email or password/i);

  protected override readonly landmark = this.button('Sign in');

  /** Fills the form and sends it, without waiting for where it leads. */
  async submit(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.button('Sign in').click();
  }

  /** Signs in and waits for the Week page. */
  async signIn(email: string, password: string): Promise<void> {
    await this.submit(email, password);
    await this.page.getByTestId('week-label').waitFor();
  }

  /** Forgot password?: asks for a reset link for `email`. */
  async requestReset(email: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Forgot password?' }).click();
    await this.page.getByLabel('Email').fill(email);
    await this.button('Send the link').click();
  }

  readonly resetRequested = this.page.getByTestId('reset-requested');

  /** On a reset link's page: the new password twice, then save. */
  async setNewPassword(password: string): Promise<void> {
    await this.page.getByLabel('New password', { exact: true }).fill(password);
    await this.page.getByLabel('New password again').fill(password);
    await this.button('Save the new password').click();
  }
}
