import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
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

/** How often the round is asked again while a mail waits in the server's outbox. */
const QUEUED_POLL_MS = 2000;

/**
 * While a link's mail is queued, asks for the round again now and then, so "mail queued" turns into
 * "mailed" (or "mail failed") without a reload; nothing is asked once no mail waits.
 */
function useRefreshWhileQueued(round: RoundDetail) {
  const client = useQueryClient();
  const queued = round.invitations.some((link) => link.mail === 'queued');
  useEffect(() => {
    if (!queued) return;
    // The key of `useRound` (scorecard-queries.ts).
    const timer = setInterval(
      () => client.invalidateQueries({ queryKey: ['scorecard-round', round.id] }),
      QUEUED_POLL_MS,
    );
    return () => clearInterval(timer);
  }, [client, queued, round.id]);
}

/** A link's state as the list says it; "Withdraw" withdraws, so a revoked link is "withdrawn". */
const STATUS_WORDS: Record<Exclude<Link['status'], 'open'>, string> = {
  used: 'rated',
  revoked: 'withdrawn',
  expired: 'expired',
};

// On a phone the form and each row wrap (the name field, then its options; the address, then its
// state), and a long address breaks rather than pushing the page sideways. (These belong in
// styles/scorecard.css: .link-form and .links__row.)
const WRAP = { flexWrap: 'wrap' } as const;
const NAME_FIELD = { flex: '1 1 16rem', minWidth: 0 } as const;
const WHO = { flex: '1 1 12rem', minWidth: 0, overflowWrap: 'anywhere' } as const;
const STATE = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 10px' } as const;

/** The round's customer raters: a link to copy, or one mailed with your own message; the links so far. */
export function CustomerLinks({ round, timeZone }: { round: RoundDetail; timeZone: string }) {
  const create = useCreateInvitation(round.id);
  const revoke = useRevokeInvitation(round.id);
  const [label, setLabel] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [fresh, setFresh] = useState<string | null>(null);
  const [mailing, setMailing] = useState(false);
  useRefreshWhileQueued(round);

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
      <form className="link-form" style={WRAP} onSubmit={submit} noValidate>
        <div style={NAME_FIELD}>
          <TextField
            label="For"
            placeholder="e.g. Tom Becker, Head of Procurement"
            value={label}
            onChange={setLabel}
            maxLength={200}
          />
        </div>
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
            <li key={link.id} className="links__row" style={WRAP} data-testid="customer-link">
              <span style={WHO}>
                {link.label ?? link.email ?? (link.anonymous ? 'Anonymous rater' : 'Customer rater')}
                {link.label && link.email && <span className="muted"> · {link.email}</span>}
              </span>
              <span style={STATE}>
                <span
                  className={`pill ${link.status === 'used' ? 'pill--good' : link.status === 'open' ? 'pill--neutral' : ''}`}
                >
                  {link.status === 'open'
                    ? `open until ${dateIn(new Date(link.expiresAt), timeZone)}`
                    : STATUS_WORDS[link.status]}
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
              </span>
            </li>
          ))}
        </ul>
      )}
      {mailing && <EmailLinkDialog roundId={round.id} onClose={() => setMailing(false)} />}
    </Panel>
  );
}
