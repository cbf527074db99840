import { Screen } from './screen.ts';

/** An invitation link's page: who invites whom, and joining with a name and password. */
export class InvitePage extends Screen {
  readonly intro = this.page.getByTestId('invite-intro');
  readonly email = this.page.getByLabel('Email');
  /** The text under the heading of a link that cannot be used. */
  readonly explanation = this.page.locator('.auth__intro');

  override async open(link: string): Promise<void> {
    await this.page.goto(link);
  }

  /** Joins `workspace` and waits for the Week page. */
  async join(workspace: string, name: string, password: string): Promise<void> {
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByLabel('Password').fill(password);
    await this.button(`Join ${workspace}`).click();
    await this.page.getByTestId('week-label').waitFor();
  }
}

/** The page `linchpin login` sends a person to: approve or deny a device's sign-in. */
export class DevicePage extends Screen {
  override async open(link: string): Promise<void> {
    await this.page.goto(link);
  }

  async approve(): Promise<void> {
    await this.button('Approve').click();
  }

  async deny(): Promise<void> {
    await this.button('Deny').click();
  }
}
