import { createRequire } from 'node:module';
import type Nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** False when no LINCHPIN_SMTP_URL is set: the web then shows links to copy instead. */
  configured: boolean;
  /** Hands one message to the SMTP server; throws with the server's reason when it refuses. */
  deliver(mail: Mail): Promise<void>;
  /** Sends one message; false (and the reason logged) when it could not be sent. */
  send(mail: Mail): Promise<boolean>;
}

export interface MailConfig {
  /** e.g. smtp://user:pass@mail.example:587 (STARTTLS when the server offers it) or smtps://… */
  smtpUrl?: string;
  from?: string;
}

/** Outgoing mail through nodemailer's SMTP transport, or a mailer that says it is not set up. */
export function createMailer(config: MailConfig): Mailer {
  if (!config.smtpUrl)
    return {
      configured: false,
      deliver: async () => {
        throw new Error('no SMTP server is set up (LINCHPIN_SMTP_URL)');
      },
      send: async () => false,
    };
  // Short timeouts: a mail server that hangs must not hold a scheduler step for minutes.
  // Loaded only where mail is set up (~15 MB in memory).
  const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof Nodemailer;
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const from = config.from ?? 'Linchpin <linchpin@localhost>';
  const deliver = async (mail: Mail) => {
    await transport.sendMail({ from, ...mail });
  };
  return {
    configured: true,
    deliver,
    async send(mail) {
      try {
        await deliver(mail);
        return true;
      } catch (error) {
        console.error(`linchpin: mail to ${mail.to} could not be sent: ${(error as Error).message}`);
        return false;
      }
    },
  };
}
