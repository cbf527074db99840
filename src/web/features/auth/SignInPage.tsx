import { useEffect, useState } from 'react';
import { TextField } from '../../shared/Field.tsx';
import { fieldsOf, problemOf, useDraft } from '../../shared/forms.ts';
import { hrefOf } from '../../shared/navigation.ts';
import { signInNote } from '../../shared/query-client.ts';
import { AuthForm, AuthLayout } from './AuthLayout.tsx';
import { useSignIn } from './session.ts';

const WELCOME = 'Welcome back. Sign in to see where your week went.';

/** Sign-in; the page asked for (e.g. a device to approve) shows once signed in, as the URL is kept. */
export function SignInPage({ intro = WELCOME }: { intro?: string }) {
  const signIn = useSignIn();
  const { draft, change } = useDraft({ email: '', password: '' });
  // Why we are here (signed out under the person, a password just reset), shown once.
  const [note] = useState(signInNote.peek);
  useEffect(() => signInNote.clear(), []);
  const { message, fields } = problemOf(signIn.error);
  const field = fieldsOf(draft, change, fields);

  const submit = () => {
    signIn.mutate(draft);
  };

  return (
    <AuthLayout title="Sign in" intro={intro}>
      <AuthForm
        onSubmit={submit}
        sending={signIn}
        error={message}
        notice={
          note &&
          !message && (
            <p className="auth__note" role="status" data-testid="sign-in-note">
              {note}
            </p>
          )
        }
        submitLabel="Sign in"
        busyLabel="Signing in…"
        footer={
          <a className="auth__link" href={hrefOf({ page: 'forgot' })}>
            Forgot password?
          </a>
        }
      >
        <TextField label="Email" type="email" {...field('email')} autoComplete="username" autoFocus />
        <TextField label="Password" type="password" {...field('password')} autoComplete="current-password" />
      </AuthForm>
    </AuthLayout>
  );
}
