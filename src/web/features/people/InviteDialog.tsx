import { useState } from 'react';
import type { CreatedInvitation, Me, Person, Role } from '../../api/types.ts';

import { ChoiceField, NameOptions, SelectField, TextField } from '../../shared/Field.tsx';
import { FormDialog } from '../../shared/FormDialog.tsx';
import { fieldsOf, problemOf, useDraft } from '../../shared/forms.ts';
import { SecretField } from '../../shared/SecretField.tsx';
import { formatDayIn, ROLE_LABELS, ROLES } from './labels.ts';
import { useInvite } from './people-queries.ts';

interface InviteDialogProps {
  me: Me;
  leaders: Person[];
  /** From the invitations list; unknown while it loads. */
  mailConfigured: boolean | undefined;
  onClose: () => void;
}

/** Invites one colleague by e-mail, then shows the one-time link (the only time it is shown). */
export function InviteDialog({ me, leaders, mailConfigured, onClose }: InviteDialogProps) {
  const invite = useInvite();
  // Leaders invite members only, into their own team unless they choose otherwise.
  const roles = me.role === 'owner' ? ROLES : (['member'] as const);
  const [missing, setMissing] = useState(false);
  const { draft, change } = useDraft(
    { email: '', role: 'member' as Role, leaderId: me.role === 'leader' ? me.id : '' },
    (patch) => 'email' in patch && setMissing(false),
  );
  const [sent, setSent] = useState<CreatedInvitation | null>(null);
  const { fields } = problemOf(invite.error);
  const field = fieldsOf(draft, change, fields);

  const submit = () => {
    if (sent) return onClose();
    if (!draft.email.trim()) return setMissing(true);
    invite.mutate(
      { email: draft.email.trim(), role: draft.role, leaderId: draft.leaderId || null },
      { onSuccess: setSent },
    );
  };

  const again = () => {
    setSent(null);
    change({ email: '' });
    invite.reset();
  };

  return (
    <FormDialog
      title={sent ? `Invitation for ${sent.email}` : 'Invite a colleague'}
      className="dialog--small"
      onSubmit={submit}
      onClose={onClose}
      sending={invite}
      saveLabel={sent ? undefined : mailConfigured === false ? 'Create invitation link' : 'Send invitation'}
    >
      {sent ? (
        <>
          <p className="invite-result" data-testid="invite-result">
            {sent.emailed
              ? `We e-mailed this link to ${sent.email}. You can pass it on yourself too.`
              : mailConfigured === false
                ? 'Mail is not set up on this server: send this link yourself.'
                : `The e-mail to ${sent.email} could not be sent: send this link yourself.`}{' '}
            It works once, until {formatDayIn(sent.expiresAt, me.timeZone)}.
          </p>
          <SecretField label="Invitation link" value={sent.url} testId="invitation-link">
            Shown only now:
          </SecretField>
          <footer className="dialog__footer">
            <button type="button" className="button" onClick={again}>
              Invite someone else
            </button>
            <span className="spacer" />
            <button type="submit" className="button button--primary">
              Done
            </button>
          </footer>
        </>
      ) : (
        <>
          <TextField
            label="Email"
            type="email"
            {...field('email')}
            error={missing ? 'Enter their e-mail address' : fields.email}
            hint={
              mailConfigured === false
                ? 'Mail is not set up on this server: you will get a link to send yourself.'
                : 'They get a link to join; it works once and expires.'
            }
            autoComplete="off"
            autoFocus
          />
          <ChoiceField<Role>
            label="Role"
            {...field('role')}
            values={roles}
            labels={ROLE_LABELS}
            disabled={roles.length === 1}
            hint={
              me.role === 'owner'
                ? 'Leaders see their team’s figures; owners also manage people.'
                : 'Leaders invite members; the owner can change roles later.'
            }
          />
          <SelectField<string>
            label="Reports to"
            {...field('leaderId')}
            hint="Optional; it can be changed in People."
          >
            <option value="">Nobody yet</option>
            <NameOptions items={leaders} />
          </SelectField>
        </>
      )}
    </FormDialog>
  );
}
