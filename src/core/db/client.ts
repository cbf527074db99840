import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { packageRoot } from '../paths.ts';
import { lockDataDir } from './lock.ts';
import * as schema from './schema/index.ts';

export const migrationsFolder = join(packageRoot(), 'src/core/db/migrations');

/** Both drivers expose the same pg-core query builder; services only see this type. */
export type Db = ReturnType<typeof drizzlePglite<typeof schema>>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseConfig {
  databaseUrl?: string;
  dataDir?: string;
  /** A dump of an already migrated PGlite database (tests reuse one template). */
  pgliteTemplate?: Blob;
  /** Apply pending migrations (default); tests that load a migrated template skip it. */
  migrate?: boolean;
}

// Serialises migrations when several server processes start against one PostgreSQL database.
const MIGRATION_LOCK_ID = 727_001;

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const shouldMigrate = config.migrate ?? true;
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    let closing = false;
    // An idle connection can be cut (server restart, failover, a dropped test database); without a
    // listener that error would crash the process. The pool opens a new connection when needed.
    pool.on('error', (error) => {
      if (!closing) console.error(`database connection lost: ${error.message}`);
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    if (shouldMigrate) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
        client.release();
      }
    }
    return {
      db,
      driver: 'postgres',
      close: () => {
        closing = true;
        return pool.end();
      },
    };
  }

  const release = config.dataDir ? lockDataDir(config.dataDir) : () => {};
  try {
    const client = await PGlite.create({
      dataDir: config.dataDir,
      loadDataDir: config.pgliteTemplate,
    });
    const db = drizzlePglite(client, { schema });
    if (shouldMigrate) await migratePglite(db, { migrationsFolder });
    return {
      db,
      driver: 'pglite',
      async close() {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
