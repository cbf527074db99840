import { setFlagsFromString } from 'node:v8';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { latestMigration, migrationsFolder } from './journal.ts';
import { lockDataDir } from './lock.ts';
import * as schema from './schema/index.ts';

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

const envMs = (env: NodeJS.ProcessEnv, name: string, fallback: number) => {
  const value = Number(env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/**
 * How long PostgreSQL may take before a request gives up on it (milliseconds), so a slow or
 * missing database fails requests quickly (503) instead of queueing them without bound:
 * - connect: opening a connection, and waiting for a free one of the pool (LINCHPIN_DB_CONNECT_TIMEOUT_MS, 5 s);
 * - statement: one statement, ended by the server (LINCHPIN_DB_STATEMENT_TIMEOUT_MS, 30 s: a batch
 *   of an import takes well under a second; the bench's 100,000 events took 4 s in all);
 * - idleInTransaction: a transaction left waiting on the application (LINCHPIN_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, 60 s);
 * - query: the client's own limit on an answer, for a server that went silent (statement + 5 s).
 * Migrations run on a connection of their own without these limits.
 */
export function databaseTimeouts(env: NodeJS.ProcessEnv = process.env) {
  const statement = envMs(env, 'LINCHPIN_DB_STATEMENT_TIMEOUT_MS', 30_000);
  return {
    connect: envMs(env, 'LINCHPIN_DB_CONNECT_TIMEOUT_MS', 5_000),
    statement,
    idleInTransaction: envMs(env, 'LINCHPIN_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000),
    query: statement + 5_000,
  };
}

/**
 * Connections each server process keeps to PostgreSQL (LINCHPIN_DB_POOL_SIZE, 10). More than the
 * database's cores only lengthens its queue; processes × pool must stay under its max_connections.
 */
export const poolSize = (env: NodeJS.ProcessEnv = process.env) =>
  Math.round(envMs(env, 'LINCHPIN_DB_POOL_SIZE', 10));

// Each engine's driver is loaded when it is opened: a process runs on one of them, and the other's
// modules would only take memory (pg and its drizzle driver ~15 MB).
export function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, config) : openPglite(config);
}

/**
 * PGlite's shared buffers (PostgreSQL's page cache inside the WebAssembly heap; pages not in it
 * are read through the file system, which the OS caches). PostgreSQL's default of 128 MB is most
 * of an embedded server's memory, and every page of it is resident. 8 MB: the load bench's team
 * (50 people, 261k activities), the history bench and a 100k-event import ran as fast as with 16 MB,
 * and an idle server holds 8 MiB less (LINCHPIN_PGLITE_SHARED_BUFFERS).
 */
const pgliteSharedBuffers = (env: NodeJS.ProcessEnv = process.env) =>
  /^\d+(kB|MB|GB)$/.test(env.LINCHPIN_PGLITE_SHARED_BUFFERS ?? '')
    ? env.LINCHPIN_PGLITE_SHARED_BUFFERS
    : '8MB';

async function openPostgres(databaseUrl: string, config: DatabaseConfig): Promise<Database> {
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const shouldMigrate = config.migrate ?? true;
  const timeouts = databaseTimeouts();
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize(),
    connectionTimeoutMillis: timeouts.connect,
    statement_timeout: timeouts.statement,
    idle_in_transaction_session_timeout: timeouts.idleInTransaction,
    query_timeout: timeouts.query,
    // A peer that vanished without a word (a failover, a cut cable) is noticed by TCP keep-alive.
    keepAlive: true,
  });
  let closing = false;
  // An idle connection can be cut (server restart, failover, a dropped test database); without a
  // listener that error would crash the process. The pool opens a new connection when needed.
  pool.on('error', (error) => {
    if (!closing) console.error(`database connection lost: ${error.message}`);
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  if (shouldMigrate) {
    // Not from the pool: a migration (or waiting for another process's) may take longer than a request.
    const client = new pg.Client({
      connectionString: databaseUrl,
      connectionTimeoutMillis: timeouts.connect,
    });
    try {
      await client.connect();
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } catch (error) {
      closing = true;
      await pool.end();
      throw error;
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
      await client.end().catch(() => {});
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

/**
 * How V8 compiles PGlite's WebAssembly (only PGlite is WebAssembly here):
 * - It recompiles a function with its optimising compiler once it has run a budget of code. At the
 *   default budget PostgreSQL's start-up code (run once) crosses it, and those compilations were
 *   ~0.3 s of CPU in every start; a hundred times the budget still optimises the functions queries
 *   keep running (the same query speed after a few runs).
 * - Lazily: a function is compiled when first called. PostgreSQL has ~13,700 functions and a server
 *   calls a fraction of them; compiling all kept ~14 MiB more machine code in an idle server.
 */
const WASM_FLAGS = ['--wasm-tiering-budget=180000000', '--wasm-lazy-compilation'];

async function openPglite(config: DatabaseConfig): Promise<Database> {
  for (const flag of WASM_FLAGS) setFlagsFromString(flag);
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const shouldMigrate = config.migrate ?? true;
  const release = config.dataDir ? lockDataDir(config.dataDir) : () => {};
  try {
    const client = await PGlite.create({
      dataDir: config.dataDir,
      loadDataDir: config.pgliteTemplate,
      postgresqlconf: `shared_buffers = ${pgliteSharedBuffers()}`,
    });
    const db = drizzlePglite(client, { schema });
    if (shouldMigrate && !(await migrationsApplied(client))) await migratePglite(db, { migrationsFolder });
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

/**
 * True when the database has recorded the journal's newest migration: drizzle would apply only
 * newer ones, so there is nothing to do. One read spares an existing PGlite folder the migrator's
 * CREATE … IF NOT EXISTS statements and its transaction (~0.1 s of a start on this engine).
 */
async function migrationsApplied(client: PGlite): Promise<boolean> {
  try {
    const { rows } = await client.query<{ created_at: unknown }>(
      'select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1',
    );
    return Number(rows[0]?.created_at) >= latestMigration().when;
  } catch {
    // A new folder has no migrations table yet.
    return false;
  }
}

/** True when `select 1` is answered within `timeoutMs` (GET /api/health). */
export async function databaseAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.execute(sql`select 1`).then(() => true), timedOut]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
