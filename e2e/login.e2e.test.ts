import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { fileHarness } from './harness.ts';
import { DevicePage } from './pages/public.ts';
import { cliPath, repoRoot, runCli } from './server.ts';

const app = fileHarness({ name: 'login' });
const env = () => ({ ...app.env, LINCHPIN_CONFIG: join(app.home, 'cli.json') });
const stackLine = /^\s+at /m;

/** `linchpin login --server URL` as a child process: the code and link it shows, then how it ended. */
function startLogin() {
  const child = spawn(process.execPath, [cliPath, 'login', '--server', app.url], {
    cwd: repoRoot,
    env: { ...process.env, ...env() },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  // 'close', not 'exit': the output may still be arriving when the process has exited.
  const exited = once(child, 'close').then(([code]) => ({ code: code as number, stdout, stderr }));
  const prompt = new Promise<{ userCode: string; url: string }>((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const shown = /one-time code: (\S+)\n.*open (\S+) in a browser/s.exec(stderr);
      if (shown?.[1] && shown[2]) resolve({ userCode: shown[1], url: shown[2] });
    });
    exited.then((result) =>
      reject(new Error(`login ended before showing a code: ${JSON.stringify(result)}`)),
    );
  });
  return { prompt, exited };
}

/** Ann's device page for the code `linchpin login` shows, in a fresh signed-in context. */
async function devicePage(link: string): Promise<DevicePage> {
  const device = new DevicePage(await app.page(app.owner));
  await device.open(link);
  return device;
}

describe('linchpin login with a code approved in the browser', () => {
  it('signs the CLI in as the person who approved it', async () => {
    const login = startLogin();
    const { userCode, url } = await login.prompt;
    expect(url).toBe(`${app.url}/#/device/${userCode}`);
    const device = await devicePage(url);
    // The page names the machine that asks, so the person knows what they approve.
    await device.heading(`Approve sign-in for linchpin CLI on ${hostname()}?`).waitFor();
    await screenshot(device.page, 'login-device-approve');
    await device.approve();

    const result = await login.exited;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      `Logged in to ${app.url} as Ann Owner <ann@acme.test> (Acme Supplies). Saved in ${env().LINCHPIN_CONFIG}.\n`,
    );
    const whoami = await runCli(['whoami'], env());
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(whoami.stdout).toMatch(/^Ann Owner <ann@acme\.test>, owner in Acme Supplies/);
    // The approved token is a personal access token with that name.
    const tokens = await device.page.request.get('/api/me/tokens');
    expect(JSON.stringify(await tokens.json())).toContain(`linchpin CLI on ${hostname()}`);
  });

  it('fails with one line when the sign-in is denied in the browser', async () => {
    const login = startLogin();
    await (await devicePage((await login.prompt).url)).deny();
    const result = await login.exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\nlinchpin: Sign-in was denied in the browser\.\n$/);
    expect(result.stderr).not.toMatch(stackLine);
  });

  it('refuses a --server that is not a URL', async () => {
    const result = await runCli(['login', '--server', 'localhost:3000'], env());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'linchpin: --server must be a URL such as http://localhost:3000 (got "localhost:3000")\n',
    );
  });
});

describe('expected failures are one line, without a stack trace', () => {
  it('admin commands on the data folder of a running server say what holds it', async () => {
    const result = await runCli(['admin', 'create-token', '--email', 'ann@acme.test'], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `linchpin: the data folder ${app.env.LINCHPIN_DATA_DIR} is in use by a running Linchpin server (pid ${app.server.process.pid}). ` +
        'Sign in with `linchpin login --server URL` (or create a token in the web app, Settings → Tokens) or stop the server first.\n',
    );
  });

  it('a token the server does not know asks to log in again', async () => {
    const config = join(app.home, 'made-up.json');
    writeFileSync(config, JSON.stringify({ server: app.url, token: 'lp_made-up' }));
    const result = await runCli(['whoami'], { ...env(), LINCHPIN_CONFIG: config });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'linchpin: The saved token is not valid any more (revoked, expired or the person was deactivated). ' +
        `Run \`linchpin login --server ${app.url}\` again.\n`,
    );
  });
});
