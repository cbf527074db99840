import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { announcedDataDir, BACKUP_KEY_HEADER, backupKeyMatches } from '../../core/backup/announce.ts';
import { backupToFile } from '../../core/backup/service.ts';
import { AppError } from '../../core/errors.ts';
import { featureRoutes } from '../operation.ts';

export const [backupRoutes, route] = featureRoutes('system');

let running = false;

route.get('/system/backup', {
  summary: 'A backup of the whole instance, for `linchpin backup` while the server holds its data folder',
  description:
    `Only for a caller that can read the server's data folder: send the key the server wrote into ` +
    `\`<data folder>/backup.key\` at start in the \`${BACKUP_KEY_HEADER}\` header. The answer is the ` +
    'backup file (gzip’d JSON Lines, as `linchpin backup --out` writes it), taken from one snapshot. ' +
    'Served by a server on an embedded (PGlite) folder; on PostgreSQL `linchpin backup` reads the database itself.',
  public: true,
  responds: [200, 'The backup file', { 'application/gzip': z.string().describe('binary') }],
  errors: [
    [401, 'The backup key is missing or wrong'],
    [
      404,
      'This server does not serve backups (it runs on PostgreSQL, or was not started by `linchpin serve`)',
    ],
    [409, 'A backup is being taken already'],
  ],
  run: async ({ c }) => {
    const dataDir = announcedDataDir();
    if (!dataDir) throw AppError.notFound('a backup endpoint');
    if (!backupKeyMatches(c.req.header(BACKUP_KEY_HEADER))) {
      throw new AppError(
        'unauthenticated',
        `send the key from ${dataDir}/backup.key in ${BACKUP_KEY_HEADER}`,
      );
    }
    if (running) throw new AppError('conflict', 'a backup is being taken already; try again when it is done');
    running = true;
    // PGlite's one connection is held while the snapshot is read: read it into a file as fast as the
    // database gives it, then hand the file out at the pace of the client, without holding anything.
    const path = join(dataDir, `.backup-${randomBytes(6).toString('hex')}.partial`);
    let file: ReturnType<typeof createReadStream>;
    try {
      await backupToFile(c.var.core.database, path);
      file = createReadStream(path);
      await once(file, 'open');
    } finally {
      // Once open, the file lives until the stream closes it: nothing is left behind, even on a crash.
      rmSync(path, { force: true });
      running = false;
    }
    return c.body(Readable.toWeb(file) as ReadableStream<Uint8Array>, 200, {
      'content-type': 'application/gzip',
      'content-disposition': 'attachment; filename="linchpin-backup.jsonl.gz"',
      'cache-control': 'no-store',
    });
  },
});
