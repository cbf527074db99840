import { like } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { testApp, testWorld } from '../../../test/app.ts';
import { createTestCores } from '../../../test/core.ts';
import { buildPerson, jsonOf, signIn } from '../../../test/factories.ts';
import { createApp } from '../../server/app.ts';
import { rateLimits } from '../db/schema/index.ts';
import { fixedClock, now, setClock } from '../time/clock.ts';
import { SIGN_IN_LIMIT, waitAfter } from './sign-in-limit.ts';

// The per-account sign-in limit (sign-in-limit.ts): wrong passwords for one e-mail make it wait,
// with growing waits, from wherever they come; an address the person signed in from before keeps
// working. The per-address limit of better-auth is set out of the way here.
const { core, app, close } = await testWorld({
  core: { signInPerMinute: 1_000 },
  app: { trustProxy: true },
  people: {},
});
afterAll(close);
afterEach(() => setClock(null));

const attempt = async (email: string, password: string, address: string) =>
  jsonOf(await signIn(app, email, password, address));

/** Moves our clock (the limit's) on by `ms` from where it is. */
const later = (ms: number) => setClock(fixedClock(new Date(now().getTime() + ms)));

async function failTimes(email: string, address: string, times: number) {
  for (let i = 0; i < times; i++) {
    const res = await attempt(email, 'not the password', address);
    expect(res.status, `failure ${i + 1}`).toBe(401);
  }
}

describe('wrong passwords for one account', () => {
  it('make it wait after ten, even with the right password, from an address it was not used from', async () => {
    const ann = await buildPerson(core, { name: 'Ann' });
    await failTimes(ann.email, '10.9.0.1', SIGN_IN_LIMIT.freeFailures);
    for (const address of ['10.9.0.1', '10.9.0.2']) {
      const refused = await attempt(ann.email, ann.password, address);
      expect(refused.status).toBe(429);
      expect(refused.body.error).toEqual({
        code: 'rate_limited',
        message: expect.stringMatching(/try again in 30 seconds/),
      });
      expect(refused.headers.get('retry-after')).toBe('30');
    }
    // The wait over, the right password works again.
    later(31_000);
    expect((await attempt(ann.email, ann.password, '10.9.0.2')).status).toBe(200);
  });

  it('never lock the person out of an address they signed in from: the attack elsewhere does not count there', async () => {
    const bob = await buildPerson(core, { name: 'Bob' });
    expect((await attempt(bob.email, bob.password, '10.8.0.1')).status).toBe(200); // the office
    // One address, then many, guess at Bob's password.
    await failTimes(bob.email, '10.9.1.1', 10);
    for (let i = 0; i < 10; i++) await attempt(bob.email, 'guess', `10.9.2.${i}`);
    expect((await attempt(bob.email, bob.password, '10.9.3.1')).status).toBe(429);
    expect((await attempt(bob.email, bob.password, '10.8.0.1')).status).toBe(200);
    // But that address's own failures count for it like any other.
    await failTimes(bob.email, '10.8.0.1', 10);
    expect((await attempt(bob.email, bob.password, '10.8.0.1')).status).toBe(429);
  });

  it('wait longer with each further failure (doubling, at most 15 minutes); a refused attempt is not counted', async () => {
    const cy = await buildPerson(core, { name: 'Cy' });
    await failTimes(cy.email, '10.9.4.1', 10);
    const waits: string[] = [];
    for (let failure = 11; failure <= 16; failure++) {
      // While it waits, guesses are refused unchecked and change nothing.
      expect((await attempt(cy.email, 'still guessing', '10.9.4.1')).status).toBe(429);
      later(waitAfter(failure - 1) + 1_000);
      expect((await attempt(cy.email, 'still guessing', '10.9.4.1')).status).toBe(401);
      waits.push((await attempt(cy.email, cy.password, '10.9.4.2')).headers.get('retry-after') ?? '');
    }
    expect(waits).toEqual(['60', '120', '240', '480', '900', '900']);
    // Quiet for 15 minutes after the last wait: forgotten.
    later(waitAfter(16) + SIGN_IN_LIMIT.windowMs + 1_000);
    expect((await attempt(cy.email, cy.password, '10.9.4.2')).status).toBe(200);
  });

  it('are forgotten 15 minutes after the last one, before any wait', async () => {
    const di = await buildPerson(core, { name: 'Di' });
    await failTimes(di.email, '10.9.5.1', 9);
    later(SIGN_IN_LIMIT.windowMs + 1_000);
    await failTimes(di.email, '10.9.5.1', 9);
    expect((await attempt(di.email, di.password, '10.9.5.2')).status).toBe(200);
  });

  it('count the same for an address that has no account, so the answer tells nothing', async () => {
    await failTimes('nobody-here@example.test', '10.9.6.1', 10);
    const refused = await attempt('nobody-here@example.test', 'anything at all', '10.9.6.1');
    expect(refused.status).toBe(429);
  });

  it('leave other accounts alone', async () => {
    const [eve, fay] = [await buildPerson(core, { name: 'Eve' }), await buildPerson(core, { name: 'Fay' })];
    await failTimes(eve.email, '10.9.7.1', 10);
    expect((await attempt(eve.email, eve.password, '10.9.7.1')).status).toBe(429);
    expect((await attempt(fay.email, fay.password, '10.9.7.1')).status).toBe(200);
  });

  it('keep their counts in rate_limits, and clear old ones away', async () => {
    const gus = await buildPerson(core, { name: 'Gus' });
    await failTimes(gus.email, '10.9.8.1', 2);
    const rows = await core.db
      .select({ key: rateLimits.key, count: rateLimits.count })
      .from(rateLimits)
      .where(like(rateLimits.key, `sign-in-failures:${gus.email}%`));
    expect(rows.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: `sign-in-failures:${gus.email}`, count: 2 },
      { key: `sign-in-failures:${gus.email} from 10.9.8.1`, count: 2 },
    ]);
    later(2 * 60 * 60_000);
    expect((await attempt('someone-else@example.test', 'wrong', '10.9.8.2')).status).toBe(401);
    const left = await core.db
      .select()
      .from(rateLimits)
      .where(like(rateLimits.key, `sign-in-failures:${gus.email}%`));
    expect(left).toEqual([]);
  });
});

describe('waits', () => {
  it('start at 30 s on the 10th failure and double up to 15 minutes', () => {
    expect([9, 10, 11, 12, 13, 14, 15, 40].map((n) => waitAfter(n) / 1000)).toEqual([
      0, 30, 60, 120, 240, 480, 900, 900,
    ]);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('two server processes', () => {
  it('share the count: failures at one make the account wait at the other', async () => {
    const [one, two] = await createTestCores(2, { signInPerMinute: 1_000 });
    if (!one || !two) throw new Error('two cores');
    try {
      const hal = await buildPerson(one, { name: 'Hal' });
      const [appOne, appTwo] = [createApp(one, { trustProxy: true }), createApp(two, { trustProxy: true })];
      for (let i = 0; i < 10; i++) {
        const app = i % 2 ? appOne : appTwo;
        expect((await signIn(app, hal.email, 'wrong', '10.9.9.1')).status).toBe(401);
      }
      expect((await signIn(appOne, hal.email, hal.password, '10.9.9.2')).status).toBe(429);
      expect((await signIn(appTwo, hal.email, hal.password, '10.9.9.2')).status).toBe(429);
    } finally {
      await one.close();
    }
  });
});

describe('first-run setup and an invitation sign the new person in', () => {
  it('from the address they came from, which is then known', async () => {
    const fresh = await testApp({ core: { signInPerMinute: 1_000 }, app: { trustProxy: true } });
    try {
      const setUp = await fresh.app.request('/api/setup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.7.0.1' },
        body: JSON.stringify({
          workspaceName: 'Acme',
          name: 'Ann',
          email: 'ann@acme.test',
          password: 'a long fine secret',
        }),
      });
      expect(setUp.status).toBe(201);
      const known = await fresh.core.db
        .select()
        .from(rateLimits)
        .where(like(rateLimits.key, 'sign-in-known:%'));
      expect(known.map((row) => row.key)).toEqual(['sign-in-known:ann@acme.test from 10.7.0.1']);
    } finally {
      await fresh.close();
    }
  });
});

describe('behind a proxy (LINCHPIN_TRUST_PROXY)', () => {
  it('takes the address the proxy added, not one the client wrote before it', async () => {
    const ivy = await buildPerson(core, { name: 'Ivy' });
    expect((await attempt(ivy.email, ivy.password, '10.6.0.1')).status).toBe(200); // her office
    // An attacker claims the office address in front of their own; the proxy appends the real one.
    for (let i = 0; i < 10; i++) await attempt(ivy.email, 'guess', `10.6.0.1, 10.9.10.${i}`);
    expect((await attempt(ivy.email, ivy.password, '10.9.10.99')).status).toBe(429);
    expect((await attempt(ivy.email, ivy.password, '10.6.0.1')).status).toBe(200);
  });
});
