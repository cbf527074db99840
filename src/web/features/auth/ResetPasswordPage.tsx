import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { fieldsOf, problemOf, useDraft } from '../../shared/forms.ts';
import { hrefOf, navigate } from '../../shared/navigation.ts';
import { NewPasswordFields } from '../../shared/PasswordFields.tsx';
import { endSession } from '../../shared/query-client.ts';
import { useResetPassword } from '../people/access-queries.ts';
import { AuthForm, AuthLayout } from './AuthLayout.tsx';

/** #/reset/<token>: a new password from the e-mailed link, then sign-in with it. */
export function ResetPasswordPage({ token }: { token: string }) {
  const reset = useResetPassword(token);
  const queryClient = useQueryClient();
  const [differ, setDiffer] = useState(false);
  const { draft, change } = useDraft({ password: '', repeat: '' }, () => setDiffer(false));
  const { fields } = problemOf(reset.error);
  const field = fieldsOf(draft, change, {
    password: fields.password,
    repeat: differ ? 'The two passwords differ' : undefined,
  });

  const submit = () => {
    if (draft.password !== draft.repeat) return setDiffer(true);
    reset.mutate(draft.password, {
      onSuccess: () => {
        // Every session ended with the reset; sign-in says what happened.
        endSession(queryClient, 'Your password is changed. Sign in with the new one.');
        navigate({ page: 'week' }, { replace: true });
      },
    });
  };

  if (isApiError(reset.error, 403)) {
    // Passwords went off in the workspace after the link was mailed: the server names the provider.
    const why = problemOf(reset.error).message ?? 'sign in with single sign-on instead';
    return (
      <AuthLayout
        title="Passwords are off in your workspace"
        intro={<span data-testid="passwords-off">{`${why.charAt(0).toUpperCase()}${why.slice(1)}.`}</span>}
      >
        <a className="button button--primary button--block" href={hrefOf({ page: 'week' })}>
          Go to sign-in
        </a>
      </AuthLayout>
    );
  }
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
      <AuthForm onSubmit={submit} sending={reset} submitLabel="Save the new password" busyLabel="Saving…">
        <NewPasswordFields password={field('password')} repeat={field('repeat')} autoFocus />
      </AuthForm>
    </AuthLayout>
  );
}
