import type { Mail } from './mailer.ts';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text and simple HTML of one message: no remote images, no tracking, one link. */
function message(
  to: string,
  subject: string,
  lines: string[],
  link: { label: string; url: string },
  after: string[],
): Mail {
  const text = [...lines, '', `${link.label}: ${link.url}`, '', ...after].join('\n');
  const paragraphs = (ps: string[]) => ps.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const html = `<!doctype html><html><body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2430">
${paragraphs(lines)}
<p><a href="${escapeHtml(link.url)}" style="display: inline-block; padding: 10px 16px; background: #2f5bea; color: #fff; border-radius: 6px; text-decoration: none">${escapeHtml(link.label)}</a></p>
<p style="color: #5b6270; font-size: 13px">Or copy this address into your browser: ${escapeHtml(link.url)}</p>
${paragraphs(after)}
</body></html>`;
  return { to, subject, text, html };
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
