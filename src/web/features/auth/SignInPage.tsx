import { type FormEvent, useEffect, useState } from 'react';
import { Field, FormError } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { hrefOf } from '../../shared/navigation.ts';
import { signInNote } from '../../shared/query-client.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { useSignIn } from './session.ts';

const WELCOME = 'Welcome back. Sign in to see where your week went.';

/** Sign-in; the page asked for (e.g. a device to approve) shows once signed in, as the URL is kept. */
export function SignInPage({ intro = WELCOME }: { intro?: string }) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Why we are here (signed out under the person, a password just reset), shown once.
  const [note] = useState(signInNote.peek);
  useEffect(() => signInNote.clear(), []);
  const { message, fields } = problemOf(signIn.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };

  return (
    <AuthLayout title="Sign in" intro={intro}>
      <form className="stack" onSubmit={submit} noValidate>
        {note && !message && (
          <p className="auth__note" role="status" data-testid="sign-in-note">
            {note}
          </p>
        )}
        <FormError message={message} />
        <Field label="Email" error={fields.email}>
          {(control) => (
            <input
              {...control}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="username"
              // biome-ignore lint/a11y/noAutofocus: the page has one task, and it starts in this field
              autoFocus
            />
          )}
        </Field>
        <Field label="Password" error={fields.password}>
          {(control) => (
            <input
              {...control}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
            />
          )}
        </Field>
        <button type="submit" className="button button--primary button--block" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <a className="auth__link" href={hrefOf({ page: 'forgot' })}>
          Forgot password?
        </a>
      </form>
    </AuthLayout>
  );
}
