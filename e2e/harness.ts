import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  Api,
  acceptInvitation,
  FOUNDER,
  type Founder,
  LOCAL_ZONE,
  PASSWORD,
  type Role,
  setUp,
  signIn,
} from './api.ts';
import { launchChromium, screenshot } from './browser.ts';
import { isoWeek, localToday } from './dates.ts';
import { type RunningServer, startServer } from './server.ts';

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `linchpin-${prefix}-`));
/** A data folder no server has used yet. */
export const freshDataDir = (prefix: string) => join(tempDir(prefix), 'data');

/**
 * Someone with a session on the server, calling the API as themselves. When the session ends
 * (a password change signs other sessions out), the next call signs in again.
 */
export class Person extends Api {
  private cookie: string;

  constructor(
    url: string,
    readonly me: { id: string; name: string; email: string; role: Role },
    readonly password: string,
    cookie: string,
  ) {
    super(url, {});
    this.cookie = cookie;
  }

  get id() {
    return this.me.id;
  }
  get name() {
    return this.me.name;
  }
  get email() {
    return this.me.email;
  }

  static async withSession(url: string, cookie: string, password: string): Promise<Person> {
    const me = await new Api(url, { cookie }).get('/me');
    return new Person(url, me, password, cookie);
  }

  override async send(method: string, path: string, body?: unknown, contentType?: string) {
    const res = await new Api(this.url, { cookie: this.cookie }).send(method, path, body, contentType);
    if (res.status !== 401) return res;
    this.cookie = await signIn(this.url, this.email, this.password);
    return new Api(this.url, { cookie: this.cookie }).send(method, path, body, contentType);
  }

  /** The session as browser cookies, checked first (and renewed if it ended). */
  async cookies() {
    await this.get('/me');
    return this.cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: this.url };
    });
  }
}

const isFounder = (owner: Founder | { email: string; password: string }): owner is Founder =>
  'workspace' in owner;

export interface HarnessOptions {
  /** Names the temporary folder of the data and the CLI's files. */
  name: string;
  env?: Record<string, string>;
  /** Runs before the server holds the data folder (admin commands work on it only then). */
  beforeStart?: (env: Record<string, string>) => Promise<void>;
  /**
   * The workspace owner: set up through `POST /api/setup` (the default founder unless given), or
   * someone `beforeStart` made, signed in by e-mail, or nobody (`false`).
   */
  owner?: Founder | { email: string; password: string } | false;
  /** Launch Chromium for the file (default true). */
  browser?: boolean;
  /** For every page's context: viewport, time zone. */
  context?: BrowserContextOptions;
}

/**
 * One server process (and one Chromium) per test file; every test gets fresh browser contexts
 * from `page()`, closed after it (with a screenshot of each page when the test failed).
 */
export class Harness {
  readonly home: string;
  readonly env: Record<string, string>;
  server!: RunningServer;
  browser!: Browser;
  owner!: Person;
  private contexts: BrowserContext[] = [];
  private invited = 0;

  constructor(private readonly options: HarnessOptions) {
    this.home = tempDir(options.name);
    this.env = { LINCHPIN_DATA_DIR: join(this.home, 'data'), ...options.env };
  }

  get url(): string {
    return this.server.url;
  }

  async start(): Promise<void> {
    await this.options.beforeStart?.(this.env);
    this.server = await startServer(this.env);
    const owner = this.options.owner ?? FOUNDER;
    if (owner) {
      const cookie = isFounder(owner)
        ? await setUp(this.url, owner, this.zone())
        : await signIn(this.url, owner.email, owner.password);
      this.owner = await Person.withSession(this.url, cookie, owner.password);
    }
    if (this.options.browser !== false) this.browser = await launchChromium();
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.server?.stop();
  }

  private zone(): string {
    return this.options.context?.timezoneId ?? LOCAL_ZONE;
  }

  /**
   * A new person in the owner's workspace, invited through the API and joined by the link:
   * `Ben Member` becomes ben.N@acme.test, so every test has people of its own.
   */
  async person(
    name: string,
    options: { role?: Exclude<Role, 'owner'>; leaderId?: string; timeZone?: string } = {},
  ): Promise<Person> {
    const email = `${name.split(' ')[0]?.toLowerCase()}.${++this.invited}@acme.test`;
    const { url } = await this.owner.post('/invitations', {
      email,
      role: options.role ?? 'member',
      leaderId: options.leaderId,
    });
    const timeZone = options.timeZone ?? this.zone();
    const cookie = await acceptInvitation(this.url, url, { name, password: PASSWORD, timeZone });
    return Person.withSession(this.url, cookie, PASSWORD);
  }

  /**
   * A new person whose week is planned and reflected on, so that (whatever the weekday and hour)
   * the rhythm has nothing to tell them of their week: the bell holds only what the test makes.
   */
  async personOnTopOfTheirWeek(name: string): Promise<Person> {
    const person = await this.person(name);
    const week = isoWeek(new Date(`${localToday()}T00:00:00Z`));
    await person.post(`/plans/${week}/rocks`, { title: 'Map the buying centre', budgetMinutes: 120 });
    await person.put(`/reflections/${week}`, { answers: { legacy_today: 'A buyer who trusts us.' } });
    return person;
  }

  /** A page in a fresh browser context, signed in as `person` (or nobody), at no page yet. */
  async page(person?: Person, options: BrowserContextOptions = {}): Promise<Page> {
    // Service workers only where a test asks for them (offline.e2e.test.ts): otherwise every fresh
    // context would install one and fetch the whole app shell beside the test's own requests.
    const context = await this.browser.newContext({
      baseURL: this.url,
      serviceWorkers: 'block',
      ...this.options.context,
      ...options,
    });
    this.contexts.push(context);
    if (person) await context.addCookies(await person.cookies());
    return context.newPage();
  }

  /** Closes the test's contexts; a failed test leaves a screenshot of each page first. */
  async endTest(testName: string, failed: boolean): Promise<void> {
    const contexts = this.contexts.splice(0);
    if (failed) {
      const pages = contexts.flatMap((c) => c.pages());
      const base = `failed-${testName.replace(/\W+/g, '-').slice(0, 80)}`;
      await Promise.all(pages.map((p, i) => screenshot(p, `${base}-${i}`).catch(() => {})));
    }
    await Promise.all(contexts.map((c) => c.close()));
  }

  /** Deletes every account of the workspace (activities stay, without one): no test sees another's. */
  async deleteAccounts(): Promise<void> {
    const lists = await Promise.all(
      ['active', 'archived'].map((s) => this.owner.get(`/accounts?status=${s}`)),
    );
    const ids: string[] = lists.flatMap(({ items }) => items.map((a: { id: string }) => a.id));
    await Promise.all(ids.map((id) => this.owner.delete(`/accounts/${id}?activities=unlink`)));
  }
}

/** The harness of a test file: started before its tests, each test's pages closed after it. */
export function fileHarness(options: HarnessOptions): Harness {
  const harness = new Harness(options);
  beforeAll(() => harness.start());
  afterEach(({ task }) => harness.endTest(task.name, task.result?.state === 'fail'));
  afterAll(() => harness.stop());
  return harness;
}
