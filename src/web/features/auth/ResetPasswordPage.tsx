import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { FormError, TextField } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { hrefOf, navigate } from '../../shared/navigation.ts';
import { endSession } from '../../shared/query-client.ts';
import { useResetPassword } from '../people/access-queries.ts';
import { AuthLayout } from './AuthLayout.tsx';

/** #/reset/<token>: a new password from the e-mailed link, then sign-in with it. */
export function ResetPasswordPage({ token }: { token: string }) {
  const reset = useResetPassword(token);
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [differ, setDiffer] = useState(false);
  const { message, fields } = problemOf(reset.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return setDiffer(true);
    reset.mutate(password, {
      onSuccess: () => {
        // Every session ended with the reset; sign-in says what happened.
        endSession(queryClient, 'Your password is changed. Sign in with the new one.');
        navigate({ page: 'week' }, { replace: true });
      },
    });
  };

  if (isApiError(reset.error, 410) || isApiError(reset.error, 404)) {
    return (
      <AuthLayout
        title={
          reset.error.status === 410
            ? 'This reset link has expired or was used'
            : 'This reset link is not valid'
        }
        intro="Reset links work once, for one hour. Ask for a new one."
      >
        <a className="button button--primary button--block" href={hrefOf({ page: 'forgot' })}>
          Send me a new link
        </a>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Choose a new password" intro="Other sessions end when you save it.">
      <form className="stack" onSubmit={submit} noValidate>
        <FormError message={Object.keys(fields).length ? null : message} />
        <TextField
          label="New password"
          type="password"
          value={password}
          onChange={(value) => {
            setPassword(value);
            setDiffer(false);
          }}
          error={fields.password}
          hint="At least 8 characters"
          autoComplete="new-password"
          autoFocus
        />
        <TextField
          label="New password again"
          type="password"
          value={repeat}
          onChange={(value) => {
            setRepeat(value);
            setDiffer(false);
          }}
          error={differ ? 'The two passwords differ' : undefined}
          autoComplete="new-password"
        />
        <button type="submit" className="button button--primary button--block" disabled={reset.isPending}>
          {reset.isPending ? 'Saving…' : 'Save the new password'}
        </button>
      </form>
    </AuthLayout>
  );
}
