import { ApiError } from '../../api/client.ts';
import { Check, NumberField, TextAreaField, TextField } from '../../shared/Field.tsx';
import { FormDialog } from '../../shared/FormDialog.tsx';
import { fieldsOf, problemOf, useChecked, useDraft } from '../../shared/forms.ts';
import { useToastThen } from '../../shared/toast-then.ts';
import { useMailInvitation } from './scorecard-queries.ts';

/** What the sender starts from; the mail adds no words of its own, so it may be rewritten in any language. */
export const DEFAULT_MESSAGE = `Hello,

We would value your honest view of how our two organisations work together. Could you take five minutes to rate us — and yourselves — on six short subjects? Your answers shape our next conversation.

Thank you!`;

export const MAIL_NOT_SET_UP = 'Mail is not set up on this server — copy the link instead.';

/** A whole address: something, an @, a domain with a dot (the server checks it strictly). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NOT_AN_ADDRESS = 'Check the address — it should look like name@company.com';

interface Draft {
  to: string;
  message: string;
  expiresInDays: string;
  anonymous: boolean;
}
type Errors = Partial<Record<'to' | 'expiresInDays', string>>;

function check(draft: Draft): Errors {
  const errors: Errors = {};
  const to = draft.to.trim();
  if (!to) errors.to = 'Enter their e-mail address';
  else if (!EMAIL.test(to)) errors.to = NOT_AN_ADDRESS;
  const days = Number(draft.expiresInDays);
  if (!Number.isInteger(days) || days < 1 || days > 90) errors.expiresInDays = 'Enter 1 to 90 days';
  return errors;
}

/** Mails one customer-side rater their link, with the sender's own message. */
export function EmailLinkDialog({ roundId, onClose }: { roundId: string; onClose: () => void }) {
  const send = useMailInvitation(roundId);
  const done = useToastThen(onClose);
  const checked = useChecked(check);
  const { draft, change } = useDraft<Draft>(
    { to: '', message: DEFAULT_MESSAGE, expiresInDays: '21', anonymous: false },
    // What was wrong goes away as soon as it is being put right, the server's answer too.
    (patch) => {
      checked.setErrors((errors) => {
        const rest = { ...errors };
        for (const key of Object.keys(patch)) delete rest[key as keyof Errors];
        return rest;
      });
      if (send.error) send.reset();
    },
  );
  const problem = problemOf(send.error);
  const field = fieldsOf(draft, change, problem.fields);
  const notSetUp = send.error instanceof ApiError && send.error.status === 409;
  // The server's words for an address it refuses are terse ("must be an email address").
  const serverTo =
    problem.fields.to && (/email/i.test(problem.fields.to) ? NOT_AN_ADDRESS : problem.fields.to);

  const submit = () => {
    if (!checked.passes(draft)) return;
    send.mutate(
      {
        to: draft.to.trim(),
        message: draft.message.trim() || null,
        expiresInDays: Number(draft.expiresInDays),
        anonymous: draft.anonymous,
      },
      { onSuccess: (link) => done(`Rating link sent to ${link.email}`) },
    );
  };

  return (
    <FormDialog
      title="Send a rating link by e-mail"
      className="dialog--small"
      onSubmit={submit}
      onClose={onClose}
      sending={send}
      saveLabel="Send"
      error={notSetUp ? MAIL_NOT_SET_UP : problem.formMessage}
    >
      <TextField
        label="To"
        type="email"
        {...field('to')}
        error={checked.errors.to ?? serverTo}
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
        error={checked.errors.expiresInDays ?? problem.fields.expiresInDays}
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
