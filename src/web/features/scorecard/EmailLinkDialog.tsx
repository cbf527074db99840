import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { Check, NumberField, TextAreaField, TextField } from '../../shared/Field.tsx';
import { FormDialog } from '../../shared/FormDialog.tsx';
import { fieldsOf, problemOf, useDraft } from '../../shared/forms.ts';
import { useToastThen } from '../../shared/toast-then.ts';
import { useMailInvitation } from './scorecard-queries.ts';

/** What the sender starts from; the mail adds no words of its own, so it may be rewritten in any language. */
export const DEFAULT_MESSAGE = `Hello,

We would value your honest view of how our two organisations work together. Could you take five minutes to rate us — and yourselves — on six short subjects? Your answers shape our next conversation.

Thank you!`;

export const MAIL_NOT_SET_UP = 'Mail is not set up on this server — copy the link instead.';

/** Mails one customer-side rater their link, with the sender's own message. */
export function EmailLinkDialog({ roundId, onClose }: { roundId: string; onClose: () => void }) {
  const send = useMailInvitation(roundId);
  const done = useToastThen(onClose);
  const [missing, setMissing] = useState<string | null>(null);
  const { draft, change } = useDraft(
    { to: '', message: DEFAULT_MESSAGE, expiresInDays: '21', anonymous: false },
    () => setMissing(null),
  );
  const problem = problemOf(send.error);
  const field = fieldsOf(draft, change, problem.fields);
  const notSetUp = send.error instanceof ApiError && send.error.status === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const to = draft.to.trim();
    const days = Number(draft.expiresInDays);
    if (!to) return setMissing('to');
    if (!Number.isInteger(days) || days < 1 || days > 90) return setMissing('expiresInDays');
    send.mutate(
      { to, message: draft.message.trim() || null, expiresInDays: days, anonymous: draft.anonymous },
      { onSuccess: (link) => done(`Rating link sent to ${link.email}`) },
    );
  };

  return (
    <FormDialog
      title="Send a rating link by e-mail"
      className="dialog--small"
      onSubmit={submit}
      onClose={onClose}
      saving={send.isPending}
      saveLabel="Send"
      error={notSetUp ? MAIL_NOT_SET_UP : problem.formMessage}
    >
      <TextField
        label="To"
        type="email"
        {...field('to')}
        error={missing === 'to' ? 'Enter their e-mail address' : problem.fields.to}
        autoComplete="off"
        maxLength={320}
        autoFocus
      />
      <TextAreaField
        label="Message"
        rows={8}
        maxLength={4000}
        {...field('message')}
        hint="Your words, in the rater’s language: the mail adds only the round, your name, the link and its expiry date."
      />
      <NumberField
        label="Expires in (days)"
        min={1}
        max={90}
        {...field('expiresInDays')}
        error={missing === 'expiresInDays' ? 'Enter 1 to 90 days' : problem.fields.expiresInDays}
        hint="A reminder goes 3 days before, unless they have rated."
      />
      <Check
        label="Anonymous (their name is not asked for)"
        checked={draft.anonymous}
        onChange={(anonymous) => change({ anonymous })}
      />
    </FormDialog>
  );
}
