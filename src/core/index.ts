import type { Auth } from './auth/auth.ts';
import { type Database, type DatabaseConfig, openDatabase } from './db/client.ts';
import { createMailer, type MailConfig, type Mailer } from './mail/mailer.ts';

export interface CoreConfig extends DatabaseConfig, MailConfig {
  baseURL?: string;
  signInPerMinute?: number;
}

/** The core: the database and auth every interface (server, CLI admin, tests) works through. */
export interface Core {
  database: Database;
  db: Database['db'];
  auth: Auth;
  mailer: Mailer;
  /** The instance secret (sessions, and the links derived from it: calendar feeds, unsubscribe). */
  secret: string;
  close(): Promise<void>;
}

export async function createCore(config: CoreConfig): Promise<Core> {
  // Opening the database and loading the auth library are the slow parts of a start: overlap them.
  const opening = openDatabase(config);
  // Handled below; without this a failed open (a locked folder) is an unhandled rejection while the
  // auth library loads, and the process dies with a stack trace before any caller's catch runs.
  opening.catch(() => {});
  const { createAuth, loadAuthSecret } = await import('./auth/auth.ts').catch(async (error) => {
    await (await opening).close();
    throw error;
  });
  const database = await opening;
  try {
    const secret = await loadAuthSecret(database.db);
    const auth = createAuth(database.db, {
      secret,
      baseURL: config.baseURL,
      signInPerMinute: config.signInPerMinute,
    });
    return {
      database,
      db: database.db,
      auth,
      mailer: createMailer(config),
      secret,
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Reads the storage configuration the server and the CLI's admin commands share. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): CoreConfig {
  const shared = {
    baseURL: env.LINCHPIN_PUBLIC_URL,
    smtpUrl: env.LINCHPIN_SMTP_URL,
    from: env.LINCHPIN_MAIL_FROM,
  };
  return env.DATABASE_URL
    ? { databaseUrl: env.DATABASE_URL, ...shared }
    : { dataDir: env.LINCHPIN_DATA_DIR ?? './data', ...shared };
}
