import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailServer, startMailServer } from '../test/mail-server.ts';
import { createScratchDatabase } from '../test/postgres.ts';
import { setUp } from './api.ts';
import { type RunningServer, runCli, startServer } from './server.ts';

const hasFaketime = (() => {
  try {
    execFileSync('faketime', ['-f', '@2026-12-07 00:00:00', 'true']);
    return true;
  } catch {
    return false;
  }
})();

/**
 * The weekly rhythm across real server processes on one PostgreSQL database, each under a clock moved
 * to Monday morning (Debian's faketime), with a real SMTP server counting what arrives.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL || !hasFaketime)(
  'digests from several server processes',
  () => {
    let mail: MailServer;
    let stall: (() => void) | null = null;
    let connected: (() => void) | null = null;
    let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
    let env: Record<string, string>;
    const running: RunningServer[] = [];

    beforeAll(async () => {
      mail = await startMailServer({
        onConnect: () =>
          stall
            ? new Promise<void>((resolve) => {
                connected?.();
                stall = resolve;
              })
            : Promise.resolve(),
      });
      scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL ?? '', { prefix: 'linchpin_e2e' });
      env = {
        DATABASE_URL: scratch.url,
        LINCHPIN_SMTP_URL: mail.url,
        LINCHPIN_PUBLIC_URL: 'http://linchpin.test',
        LINCHPIN_RHYTHM_SECONDS: '1',
      };
      // People made today (real time): Bea in Berlin owns the workspace, Ned works from New York.
      const setup = await startServer(env);
      await setUp(
        setup.url,
        { workspace: 'Acme', name: 'Bea', email: 'bea@acme.test', password: 'correct horse' },
        'Europe/Berlin',
      );
      await setup.stop();
      const made = await runCli(
        [
          'admin',
          'create-user',
          '--workspace',
          'Acme',
          '--email',
          'ned@acme.test',
          '--password',
          'correct horse',
          '--name',
          'Ned',
          '--time-zone',
          'America/New_York',
        ],
        { DATABASE_URL: scratch.url },
      );
      expect(made.code, made.stderr).toBe(0);
    }, 60_000);

    afterAll(async () => {
      await Promise.all(running.map((s) => s.stop().catch(() => undefined)));
      await mail?.close();
      await scratch?.drop();
    });

    const mondayMails = (to: string) =>
      mail.messages.filter((m) => m.to.includes(to) && m.subject === 'Plan your week 2026-W50');
    const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

    it('two processes at Monday 08:00 in Berlin send Bea one digest, and Ned (02:00) none', async () => {
      const both = await Promise.all([
        startServer(env, { fakeTime: '2026-12-07 06:59:57' }),
        startServer(env, { fakeTime: '2026-12-07 06:59:57' }),
      ]);
      running.push(...both);
      await mail.next('bea@acme.test', 20_000);
      await settle(4000); // several more steps of both processes
      expect(mondayMails('bea@acme.test')).toHaveLength(1);
      expect(mondayMails('ned@acme.test')).toHaveLength(0);
      await Promise.all(both.map((s) => s.stop()));
    }, 60_000);

    it('a process killed while sending Ned’s 08:00 digest: another sends it once after the claim ran out', async () => {
      // The first connection to the mail server is held: its sender has claimed Ned's digest.
      const caught = new Promise<void>((resolve) => {
        connected = resolve;
      });
      stall = () => {};
      const doomed = await startServer(env, { fakeTime: '2026-12-07 12:59:58' });
      running.push(doomed);
      await caught;
      await doomed.kill9();
      const release = stall;
      stall = null;
      release?.();

      // Their clocks start once the dead process's claim (five minutes, the default lease) ran out.
      const survivors = await Promise.all([
        startServer(env, { fakeTime: '2026-12-07 13:05:05' }),
        startServer(env, { fakeTime: '2026-12-07 13:05:05' }),
      ]);
      running.push(...survivors);
      await mail.next('ned@acme.test', 20_000);
      await settle(5000);
      const received = mail.messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('; ');
      expect(mondayMails('ned@acme.test'), received).toHaveLength(1);
      expect(mondayMails('bea@acme.test'), received).toHaveLength(1);
      await Promise.all(survivors.map((s) => s.stop()));
    }, 90_000);
  },
);
