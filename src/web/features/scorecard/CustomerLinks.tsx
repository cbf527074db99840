import { type FormEvent, useState } from 'react';
import { dateIn } from '../../../core/time/days.ts';
import { Check, TextField } from '../../shared/Field.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { SecretField } from '../../shared/SecretField.tsx';
import { EmailLinkDialog } from './EmailLinkDialog.tsx';
import { type RoundDetail, useCreateInvitation, useRevokeInvitation } from './scorecard-queries.ts';

type Link = RoundDetail['invitations'][number];

const MAIL_NOTES: Record<NonNullable<Link['mail']>, string> = {
  queued: 'mail queued',
  sent: 'mailed',
  reminded: 'mailed and reminded',
  failed: 'mail failed',
};

/** The round's customer raters: a link to copy, or one mailed with your own message; the links so far. */
export function CustomerLinks({ round, timeZone }: { round: RoundDetail; timeZone: string }) {
  const create = useCreateInvitation(round.id);
  const revoke = useRevokeInvitation(round.id);
  const [label, setLabel] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [fresh, setFresh] = useState<string | null>(null);
  const [mailing, setMailing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { label: label.trim() || null, anonymous },
      {
        onSuccess: (link) => {
          setFresh(`${window.location.origin}${link.path}`);
          setLabel('');
        },
      },
    );
  };
  if (!round.canEdit) return null;
  return (
    <Panel
      title="Customer raters"
      subtitle="One link per person; expires in 21 days"
      actions={
        <button type="button" className="button button--small" onClick={() => setMailing(true)}>
          Send by e-mail
        </button>
      }
    >
      <form className="link-form" onSubmit={submit} noValidate>
        <TextField
          label="For"
          placeholder="e.g. Tom Becker, Head of Procurement"
          value={label}
          onChange={setLabel}
          maxLength={200}
        />
        <Check label="Anonymous" checked={anonymous} onChange={setAnonymous} />
        <button type="submit" className="button" disabled={create.isPending}>
          Create link
        </button>
      </form>
      {fresh && (
        <SecretField label="Rating link" value={fresh} testId="rating-link">
          Send this link; it is shown only now:
        </SecretField>
      )}
      {round.invitations.length > 0 && (
        <ul className="links">
          {round.invitations.map((link) => (
            <li key={link.id} className="links__row" data-testid="customer-link">
              <span>
                {link.label ?? link.email ?? (link.anonymous ? 'Anonymous rater' : 'Customer rater')}
                {link.label && link.email && <span className="muted"> · {link.email}</span>}
              </span>
              <span
                className={`pill ${link.status === 'used' ? 'pill--good' : link.status === 'open' ? 'pill--neutral' : ''}`}
              >
                {link.status === 'open'
                  ? `open until ${dateIn(new Date(link.expiresAt), timeZone)}`
                  : link.status}
              </span>
              {link.mail && (
                <span className={link.mail === 'failed' ? 'pill pill--warn' : 'muted'}>
                  {MAIL_NOTES[link.mail]}
                </span>
              )}
              {link.status === 'open' && (
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() => revoke.mutate(link.id)}
                >
                  Withdraw
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mailing && <EmailLinkDialog roundId={round.id} onClose={() => setMailing(false)} />}
    </Panel>
  );
}
