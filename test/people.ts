import { testWorld } from './app.ts';
import { apiClient } from './factories.ts';
import { startMailServer } from './mail-server.ts';

/**
 * The world of the people-and-access tests: a real SMTP server the app mails through, the app trusting
 * X-Forwarded-For (rate limits and the audit log key on the client address), and Acme's owner, a
 * leader and a member beside Rival Corp's owner. `close` stops both.
 */
export async function peopleWorld() {
  const mail = await startMailServer();
  try {
    const world = await testWorld({
      core: { smtpUrl: mail.url, from: 'Linchpin <linchpin@acme.test>' },
      app: { trustProxy: true },
      people: {
        owner: { role: 'owner', name: 'Olivia Owner' },
        leader: { role: 'leader', name: 'Leo Leader' },
        member: { name: 'Mia Member' },
      },
      outsider: { role: 'owner', name: 'Rita Rival' },
    });
    // The owner has used the app, as after first-run setup: mailed links point at the origin seen then.
    await apiClient(world.app, world.owner.token).get('/me');
    const close = async () => {
      await world.close();
      await mail.close();
    };
    return { ...world, mail, close };
  } catch (error) {
    await mail.close();
    throw error;
  }
}

/** The one link in a mail. */
export const linkIn = (text: string) => {
  const url = /https?:\/\/\S+/.exec(text)?.[0];
  if (!url) throw new Error(`no link in: ${text}`);
  return url;
};

/** The one-time secret at the end of an invitation or reset link. */
export const tokenOf = (url: string) => url.split('/').at(-1) ?? '';

/** An address at Acme nobody has yet. */
export const uniqueEmail = (who: string) => `${who}-${Math.random().toString(36).slice(2, 8)}@acme.test`;

/** The headers a same-origin browser request carries (cookie-authenticated writes need them). */
export const browser = { origin: 'http://localhost' };
