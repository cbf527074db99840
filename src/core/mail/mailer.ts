import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** False when no LINCHPIN_SMTP_URL is set: the web then shows links to copy instead. */
  configured: boolean;
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
  if (!config.smtpUrl) return { configured: false, send: async () => false };
  const transport = nodemailer.createTransport(config.smtpUrl);
  const from = config.from ?? 'Linchpin <linchpin@localhost>';
  return {
    configured: true,
    async send(mail) {
      try {
        await transport.sendMail({ from, ...mail });
        return true;
      } catch (error) {
        console.error(`linchpin: mail to ${mail.to} could not be sent: ${(error as Error).message}`);
        return false;
      }
    },
  };
}
