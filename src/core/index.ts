import type { Auth } from './auth/auth.ts';
import { type Database, type DatabaseConfig, openDatabase } from './db/client.ts';
import { createMailer, type MailConfig, type Mailer } from './mail/mailer.ts';
import { type SsoConfig, ssoConfigFromEnv } from './sso/config.ts';
import { discoveryAnswersInTime } from './sso/discovery.ts';

export interface CoreConfig extends DatabaseConfig, MailConfig {
  baseURL?: string;
  signInPerMinute?: number;
  /** Single sign-on with an OpenID Connect provider (LINCHPIN_OIDC_*). */
  sso?: SsoConfig;
}

/** The core: the database and auth every interface (server, CLI admin, tests) works through. */
export interface Core {
  database: Database;
  db: Database['db'];
  auth: Auth;
  mailer: Mailer;
  /** The OpenID Connect provider people may sign in with, or null. */
  sso: SsoConfig | null;
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
  const ssoInTime = config.sso ? discoveryAnswersInTime(config.sso) : Promise.resolve(false);
  const { createAuth, loadAuthSecret } = await import('./auth/auth.ts').catch(async (error) => {
    await (await opening).close();
    throw error;
  });
  const database = await opening;
  try {
    const secret = await loadAuthSecret(database.db);
    if (config.sso && !(await ssoInTime)) {
      console.error(
        `single sign-on is off until the next start: ${config.sso.issuer} did not answer within 5 seconds`,
      );
    }
    const auth = createAuth(database.db, {
      secret,
      baseURL: config.baseURL,
      signInPerMinute: config.signInPerMinute,
      // A provider that hangs would hold up every sign-in (see sso/discovery.ts): then the button
      // stays and says the provider could not be reached.
      sso: (await ssoInTime) ? config.sso : undefined,
    });
    return {
      database,
      db: database.db,
      auth,
      mailer: createMailer(config),
      sso: config.sso ?? null,
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
    sso: ssoConfigFromEnv(env) ?? undefined,
  };
  return env.DATABASE_URL
    ? { databaseUrl: env.DATABASE_URL, ...shared }
    : { dataDir: env.LINCHPIN_DATA_DIR ?? './data', ...shared };
}
