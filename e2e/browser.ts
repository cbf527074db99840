import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM } from './global-setup.ts';
import { repoRoot } from './server.ts';

export const artifacts = join(repoRoot, 'e2e/artifacts');

export function launchChromium(): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Drags with real pointer moves, in steps, as dnd-kit's pointer sensor expects. */
export async function dragTo(page: Page, from: string, to: string): Promise<void> {
  const source = await page.locator(from).boundingBox();
  const target = await page.locator(to).boundingBox();
  if (!source || !target) throw new Error(`cannot drag ${from} to ${to}: not visible`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(source.x + source.width / 2 + 12, source.y + source.height / 2 + 12, { steps: 4 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
}

export interface Founder {
  workspace?: string;
  name?: string;
  email?: string;
  password?: string;
}

/** First visit: sets up the workspace and its owner, and waits for the Week page. */
export async function setUpWorkspace(page: Page, url: string, founder: Founder = {}): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Workspace name').fill(founder.workspace ?? 'Acme Supplies');
  await page.getByLabel('Your name').fill(founder.name ?? 'Ann Owner');
  await page.getByLabel('Email').fill(founder.email ?? 'ann@acme.test');
  await page.getByLabel('Password').fill(founder.password ?? 'correct horse battery');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByTestId('week-label').waitFor();
}

/** Adds a customer account from the Accounts page and waits for its page. */
export async function addAccount(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await page.getByRole('button', { name: 'New account' }).click();
  const dialog = page.getByRole('dialog', { name: 'New account' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name }).waitFor();
}
