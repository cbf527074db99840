import { useState } from 'react';
import { TextField } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { hrefOf } from '../../shared/navigation.ts';
import { useRequestPasswordReset } from '../people/access-queries.ts';
import { AuthForm, AuthLayout } from './AuthLayout.tsx';

const BACK = (
  <a className="auth__link" href={hrefOf({ page: 'week' })}>
    Back to sign-in
  </a>
);

/** #/forgot: asks for a reset link. The answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const { fields } = problemOf(request.error);

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
