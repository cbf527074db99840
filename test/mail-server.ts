import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Header names in lower case, e.g. `list-unsubscribe`. */
  headers: Record<string, string>;
}

export interface MailServer {
  /** For LINCHPIN_SMTP_URL: `smtp://user:pass@127.0.0.1:PORT`. */
  url: string;
  messages: ReceivedMail[];
  /** Waits for the first message (after those already read) sent to `to`. */
  next(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export interface MailServerOptions {
  /** Answers a message with this SMTP error (e.g. a full mailbox) while it returns a reason. */
  refuse?: () => string | null;
  /** Runs when a client connects; the greeting waits for it (to catch a sender mid-send). */
  onConnect?: () => Promise<void>;
}

/** A real SMTP server process-side (the `smtp-server` package) that keeps what it receives. */
export async function startMailServer(options: MailServerOptions = {}): Promise<MailServer> {
  const messages: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onConnect(_session, callback) {
      if (!options.onConnect) return callback();
      options.onConnect().then(() => callback(), callback);
    },
    onAuth(auth, _session, callback) {
      if (auth.username === 'linchpin' && auth.password === 'mail-secret')
        callback(null, { user: 'linchpin' });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const refusal = options.refuse?.();
      if (refusal) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error(refusal), { responseCode: 452 })));
        return;
      }
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            headers: Object.fromEntries(
              mail.headerLines.map((h) => [h.key, h.line.slice(h.key.length + 1).trim()]),
            ),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://linchpin:mail-secret@127.0.0.1:${port}`,
    messages,
    async next(to, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = messages.find((m) => !taken.has(m) && m.to.includes(to));
        if (found) {
          taken.add(found);
          return found;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(
        `no mail to ${to} within ${timeoutMs} ms (received: ${messages.map((m) => m.to).join('; ')})`,
      );
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
