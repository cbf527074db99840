import { useState } from 'react';
import { dateIn } from '../../../core/time/days.ts';
import { isApiError } from '../../api/client.ts';
import { TextField } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { RatingForm } from './RatingForm.tsx';
import { usePublicForm, useSubmitPublicRating } from './scorecard-queries.ts';

/**
 * #/rate/<token>: the customer's form. No sign-in, and nothing of the supplier's workspace but
 * what the link is for.
 */
// A customer has no Linchpin profile: their browser's zone says which day the link ends.
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Why the link does not open, in words for a customer: a link that is not one of ours at all (a
 * typo, a cut-off address) says so instead of naming a validation rule.
 */
function linkProblem(error: unknown): string {
  if (isApiError(error) && error.status === 400)
    return 'This rating link is not valid: it may have been cut off. Ask the person who sent it for a new one.';
  const message = problemOf(error).message ?? 'This rating link cannot be opened right now.';
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`.replace(/\.\.$/, '.');
}

export function RatePage({ token }: { token: string }) {
  const form = usePublicForm(token);
  const submit = useSubmitPublicRating(token);
  const [name, setName] = useState('');

  let body: React.ReactNode;
  if (form.isPending) body = <div className="page-skeleton" aria-busy="true" />;
  else if (form.isError) {
    body = (
      <div className="rate-message" role="alert">
        <h1>This link cannot be used</h1>
        <p>{linkProblem(form.error)}</p>
      </div>
    );
  } else if (submit.isSuccess) {
    body = (
      <div className="rate-message" role="status" data-testid="rate-thanks">
        <h1>Thank you</h1>
        <p>
          Your answers went to {form.data.supplier}. They will be the start of an honest conversation about
          how both organisations work together.
        </p>
      </div>
    );
  } else {
    const f = form.data;
    body = (
      <>
        <header className="rate-intro">
          <h1>
            {f.supplier} and {f.customer}: {f.round}
          </h1>
          <p>
            Rate <b>both</b> organisations from 1 (poor) to 5 (excellent) on six subjects, as you see them
            today. Add a word of evidence where you can; leave a subject blank if you cannot judge it.{' '}
            {f.anonymous ? 'Your answers are anonymous.' : 'Your name is optional.'}
          </p>
        </header>
        {!f.anonymous && (
          <TextField
            label="Your name (optional)"
            value={name}
            onChange={setName}
            maxLength={200}
            autoComplete="name"
          />
        )}
        <RatingForm
          sides={{ us: `${f.supplier} (supplier)`, them: `${f.customer} (your organisation)` }}
          submitLabel="Send my answers"
          busy={submit.isPending}
          error={submit.error}
          onSubmit={(scores) =>
            submit.mutate({ scores, raterName: f.anonymous ? null : name.trim() || null })
          }
        />
        <p className="muted rate-expiry">
          This link works once and until {dateIn(new Date(f.expiresAt), browserZone)}.
        </p>
      </>
    );
  }
  return (
    <main className="rate-page">
      <div className="rate-card">{body}</div>
    </main>
  );
}
