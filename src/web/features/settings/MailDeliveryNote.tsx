import { MAIL_KIND_NAMES } from '../../../core/db/schema/values.ts';
import { useMailDelivery } from '../notifications/notification-queries.ts';

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * For the owner: whether this server can send mail at all, and the mails that failed (waiting for a
 * retry, or given up) with the mail server's reason — so "digests on" never silently means nothing.
 */
export function MailDeliveryNote({ timeZone }: { timeZone: string }) {
  const delivery = useMailDelivery();
  if (!delivery.data) return null;
  const { configured, publicAddress, problems } = delivery.data;
  if (configured && !publicAddress)
    return (
      <p className="settings-note" data-testid="mail-no-address">
        Mail is set up, but this server does not know its public address yet, so nothing is mailed. Set{' '}
        <code>LINCHPIN_PUBLIC_URL</code> (or open Linchpin once as the owner at its public address).
      </p>
    );
  if (!configured)
    return (
      <p className="settings-note" data-testid="mail-not-set-up">
        Mail is not set up on this server, so no digest or customer link is e-mailed; the bell still fills.
        Set <code>LINCHPIN_SMTP_URL</code> (see the README) and restart the server.
      </p>
    );
  if (problems.length === 0) return null;
  return (
    <div className="settings-note" data-testid="mail-problems">
      <p>
        <strong>Mail delivery problems</strong> (the mail server refused or could not be reached):
      </p>
      <ul>
        {problems.slice(0, 10).map((p) => (
          <li key={p.id}>
            {capitalized(MAIL_KIND_NAMES[p.kind])}
            {p.person ? ` for ${p.person}` : ''}: {p.lastError ?? 'unknown reason'} —{' '}
            {p.status === 'failed'
              ? `given up after ${p.attempts} tries`
              : `next try ${p.nextAttemptAt ? new Date(p.nextAttemptAt).toLocaleString(undefined, { timeZone, dateStyle: 'medium', timeStyle: 'short' }) : 'soon'}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
