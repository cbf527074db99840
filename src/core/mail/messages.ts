import { type MailDocument, mailHtml, mailText } from './layout.ts';
import type { Mail } from './mailer.ts';

/** A message with one call to action: the same layout as every Linchpin mail. */
function message(
  to: string,
  subject: string,
  lines: string[],
  link: { label: string; url: string },
  after: string[],
): Mail {
  const doc: MailDocument = {
    preheader: lines[0] ?? subject,
    title: subject,
    blocks: [
      ...lines.map((paragraph) => ({ paragraph })),
      { button: link },
      { paragraph: `Or copy this address into your browser: ${link.url}`, muted: true },
      ...after.map((paragraph) => ({ paragraph, muted: true })),
    ],
    footer: [{ text: 'Sent by Linchpin.' }],
  };
  return { to, subject, text: mailText(doc), html: mailHtml(doc) };
}

export function invitationMail(input: {
  to: string;
  workspace: string;
  invitedBy: string;
  role: string;
  url: string;
  expiresOn: string;
}): Mail {
  return message(
    input.to,
    `${input.invitedBy} invited you to ${input.workspace} on Linchpin`,
    [
      `${input.invitedBy} invited you to join ${input.workspace} on Linchpin as ${input.role === 'owner' ? 'an owner' : `a ${input.role}`}.`,
      'Linchpin maps where your week goes, how deep your relationships reach into each customer, and the legacy you leave there.',
    ],
    { label: 'Join the workspace', url: input.url },
    [`The link works once, until ${input.expiresOn}. If you did not expect this, ignore this mail.`],
  );
}

export function passwordResetMail(input: { to: string; workspace: string; url: string }): Mail {
  return message(
    input.to,
    'Reset your Linchpin password',
    [`Someone asked to reset the password of your ${input.workspace} account on Linchpin.`],
    { label: 'Choose a new password', url: input.url },
    [
      'The link works once, for one hour. If you did not ask for this, ignore this mail: your password stays as it is.',
    ],
  );
}
