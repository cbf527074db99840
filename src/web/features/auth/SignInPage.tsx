import { type FormEvent, useState } from 'react';
import { Field, FormError } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { useSignIn } from './session.ts';

export function SignInPage() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { message, fields } = problemOf(signIn.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };

  return (
    <AuthLayout title="Sign in" intro="Welcome back. Sign in to see where your week went.">
      <form className="stack" onSubmit={submit} noValidate>
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
      </form>
    </AuthLayout>
  );
}
