import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { emptyTarget, tempDir } from '../../../test/backup.ts';
import { apiClient, buildPerson } from '../../../test/factories.ts';
import { announceBackups, BACKUP_KEY_HEADER, readAnnouncement } from '../../core/backup/announce.ts';
import { inspectBackup } from '../../core/backup/inspect.ts';
import { countRows, restoreFile } from '../../core/backup/service.ts';
import type { AppEnv } from '../context.ts';
import { handleError } from '../errors.ts';
import { backupRoutes } from './backup.ts';

const { core, app: full, close } = await testApp();
afterAll(close);
const owner = await buildPerson(core, { role: 'owner' });
expect((await apiClient(full, owner.token).post('/demo')).status).toBe(201);

// The backup route alone, as app.ts mounts it (before sign-in: the folder's key is the credential).
const app = new OpenAPIHono<AppEnv>();
app.onError(handleError);
app.use('*', async (c, next) => {
  c.set('core', core);
  await next();
});
app.route('/api', backupRoutes);
const backup = (key?: string) =>
  app.request('/api/system/backup', { headers: key ? { [BACKUP_KEY_HEADER]: key } : {} });

describe('GET /api/system/backup (a running server on a PGlite folder)', () => {
  it('is not served by a server that announced no backups', async () => {
    const res = await backup('anything');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('answers the caller holding the key from the data folder with the backup file', async () => {
    const dir = tempDir();
    const withdraw = announceBackups(dir, '0.0.0.0', 4321);
    try {
      expect(statSync(join(dir, 'backup.key')).mode & 0o777).toBe(0o600);
      const announced = readAnnouncement(dir);
      expect(announced).toMatchObject({ url: 'http://127.0.0.1:4321', pid: process.pid });

      expect((await backup()).status).toBe(401);
      const wrong = await backup('x'.repeat(43));
      expect(wrong.status).toBe(401);
      expect((await wrong.json()).error.message).toContain('backup.key');

      const res = await backup(announced?.key);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/gzip');
      const file = join(tempDir(), 'served.jsonl.gz');
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      // Read into a file in the folder, handed out, and gone from the folder.
      expect(readdirSync(dir).sort()).toEqual(['backup.key', 'server.json']);
      const contents = await inspectBackup(file);
      expect(contents.header.engine).toBe(core.database.driver);

      const target = await emptyTarget('pglite');
      try {
        await restoreFile(target.database, file);
        const restored = await countRows(target.database);
        for (const [name, rows] of await countRows(core.database)) {
          if (!['sessions', 'rate_limits', 'verifications'].includes(name)) {
            expect([name, restored.get(name)]).toEqual([name, rows]);
          }
        }
      } finally {
        await target.database.close();
      }
    } finally {
      withdraw();
    }
    // Taken back at shutdown: the CLI then reads the folder itself.
    expect(readdirSync(dir)).toEqual([]);
    expect((await backup('anything')).status).toBe(404);
  });
});
