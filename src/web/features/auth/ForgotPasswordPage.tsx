import { useState } from 'react';
import { TextField } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { hrefOf } from '../../shared/navigation.ts';
import { useRequestPasswordReset } from '../people/access-queries.ts';
import { AuthForm, AuthLayout } from './AuthLayout.tsx';
import { useSetupState } from './session.ts';

const BACK = (
  <a className="auth__link" href={hrefOf({ page: 'week' })}>
    Back to sign-in
  </a>
);

/**
 * #/forgot: asks for a reset link. The answer never says whether the address has an account, nor
 * whether its workspace has passwords off (then no link is sent): the page says so for everyone.
 */
export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const { fields } = problemOf(request.error);
  const setup = useSetupState().data;
  const sso = setup && 'sso' in setup ? setup.sso : null;

  if (sso?.only) {
    return (
      <AuthLayout
        title="Passwords are off"
        intro={
          <span data-testid="passwords-off">
            This Linchpin signs in with {sso.name} only, so there is no password to reset. Sign in with{' '}
            {sso.name}; if you cannot, ask your identity provider's administrator.
          </span>
        }
      >
        {BACK}
      </AuthLayout>
    );
  }

  const submit = () => {
    request.mutate(email.trim());
  };

  if (request.isSuccess) {
    return (
      <AuthLayout
        title="Check your e-mail"
        intro={
          <span data-testid="reset-requested">
            If that address has an account, we sent a link. It works for one hour.
            {sso && ` No link is sent where passwords are off: there, sign in with ${sso.name}.`}
          </span>
        }
      >
        {BACK}
      </AuthLayout>
    );
  }
  return (
    <AuthLayout
      title="Forgot your password?"
      intro="Give the e-mail address you sign in with; we send a link to choose a new password."
    >
      <AuthForm
        onSubmit={submit}
        sending={request}
        submitLabel="Send the link"
        busyLabel="Sending…"
        footer={BACK}
      >
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          error={fields.email}
          autoComplete="username"
          autoFocus
        />
      </AuthForm>
    </AuthLayout>
  );
}
