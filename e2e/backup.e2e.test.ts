import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../test/postgres.ts';
import { Api, FOUNDER, setUp, signIn } from './api.ts';
import { freshDataDir, tempDir } from './harness.ts';
import { type RunningServer, runCli, startServer } from './server.ts';

// Backups, restores and the move to PostgreSQL with real processes: the CLI against a running
// server's data (PGlite folder or PostgreSQL), into new databases that real servers then serve.
const PG = process.env.TEST_DATABASE_URL;
const files = tempDir('backup');
const servers: RunningServer[] = [];
const scratches: ScratchDatabase[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
  for (const scratch of scratches) await scratch.drop();
});

async function serve(env: Record<string, string>) {
  const server = await startServer(env);
  servers.push(server);
  return server;
}

async function scratch() {
  const made = await createScratchDatabase(PG as string, { prefix: 'linchpin_e2e_backup' });
  scratches.push(made);
  return made.url;
}

/** A new instance with the demo loaded by its owner; the owner's session comes back. */
async function demoInstance(env: Record<string, string>) {
  const server = await serve(env);
  const cookie = await setUp(server.url, FOUNDER, 'Europe/Amsterdam');
  const owner = new Api(server.url, { cookie });
  await owner.post('/demo');
  return { server, owner };
}

/** What the week page and an account page ask, as the owner signed in with their password. */
async function pages(url: string) {
  const owner = new Api(url, { cookie: await signIn(url, FOUNDER.email, FOUNDER.password) });
  const accounts: { id: string; name: string }[] = (await owner.get('/accounts')).items;
  const northwind = accounts.find((a) => a.name === 'Northwind Foods');
  return {
    week: await owner.get('/reports/week'),
    account: await owner.get(`/accounts/${northwind?.id}/time`),
    team: await owner.get('/team'),
  };
}

const pgliteFolder = freshDataDir('backup-source');

describe('backup, restore and migrate', () => {
  it('backs up a PGlite folder while its server runs, and restores it into a new folder', async () => {
    const { server } = await demoInstance({ LINCHPIN_DATA_DIR: pgliteFolder });
    const expected = await pages(server.url);
    const file = join(files, 'pglite.jsonl.gz');
    const backup = await runCli(['backup', '--out', file], { LINCHPIN_DATA_DIR: pgliteFolder });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/^Backed up \d+ rows of \d+ tables \(pglite, migration \d{4}_\w+\) to /);
    // The server went on answering, and left no temporary file in its folder.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(readdirSync(pgliteFolder).filter((f) => f.includes('backup-'))).toEqual([]);

    const restoredFolder = freshDataDir('backup-restored');
    const restore = await runCli(['restore', file], { LINCHPIN_DATA_DIR: restoredFolder });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stderr).toContain('Restored');
    const restored = await serve({ LINCHPIN_DATA_DIR: restoredFolder });
    expect(await pages(restored.url)).toEqual(expected);

    // A second restore is refused: the folder is in use, and it is not empty.
    const busy = await runCli(['restore', file], { LINCHPIN_DATA_DIR: restoredFolder });
    expect([busy.code, busy.stderr.trim()]).toEqual([
      1,
      `linchpin: the data folder ${restoredFolder} is in use by a running Linchpin server (pid ${restored.process.pid}): stop the server first, then restore`,
    ]);
    await restored.stop();
    const full = await runCli(['restore', file], { LINCHPIN_DATA_DIR: restoredFolder });
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/^linchpin: restore needs an empty database: \d+ rows in accounts/);
    expect(full.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.skipIf(!PG)(
    'backs up PostgreSQL while the server runs, and restores it into a PGlite folder',
    async () => {
      const url = await scratch();
      const { server } = await demoInstance({ DATABASE_URL: url });
      const expected = await pages(server.url);
      const file = join(files, 'postgres.jsonl.gz');
      const backup = await runCli(['backup', '--out', file], { DATABASE_URL: url });
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stderr).toContain('(postgres, migration');

      const folder = freshDataDir('backup-from-pg');
      const restore = await runCli(['restore', file], { LINCHPIN_DATA_DIR: folder, DATABASE_URL: '' });
      expect(restore.code, restore.stderr).toBe(0);
      const restored = await serve({ LINCHPIN_DATA_DIR: folder, DATABASE_URL: '' });
      expect(await pages(restored.url)).toEqual(expected);
      await restored.stop();
    },
  );

  it.skipIf(!PG)('moves a stopped folder into PostgreSQL, counting every table', async () => {
    for (const server of servers) await server.stop();
    expect(existsSync(join(pgliteFolder, 'PG_VERSION'))).toBe(true);
    const folderServer = await serve({ LINCHPIN_DATA_DIR: pgliteFolder });
    const expected = await pages(folderServer.url);
    const url = await scratch();
    const refused = await runCli(['migrate', '--to', url], { LINCHPIN_DATA_DIR: pgliteFolder });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('stop the server first, then migrate');
    await folderServer.stop();

    const moved = await runCli(['migrate', '--to', url], { LINCHPIN_DATA_DIR: pgliteFolder });
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toMatch(/^table +folder +postgres/);
    expect(moved.stdout).toMatch(/\nactivities +(\d+) +\1 +ok\n/);
    expect(moved.stdout).toMatch(/All \d+ tables match: \d+ rows copied/);
    const onPostgres = await serve({ DATABASE_URL: url });
    expect(await pages(onPostgres.url)).toEqual(expected);

    const again = await runCli(['migrate', '--to', url], { LINCHPIN_DATA_DIR: pgliteFolder });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^linchpin: migrate needs an empty database: \d+ rows in accounts/);
  });
});
