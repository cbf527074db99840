import { useEffect, useState } from 'react';
import { FormError, TextField } from '../../shared/Field.tsx';
import { fieldsOf, problemOf, useDraft } from '../../shared/forms.ts';
import { hrefOf } from '../../shared/navigation.ts';
import { signInNote } from '../../shared/query-client.ts';
import { AuthForm, AuthLayout } from './AuthLayout.tsx';
import { SsoButton } from './SsoButton.tsx';
import { useSetupState, useSignIn } from './session.ts';
import { takeSsoError, useStartSso } from './sso.ts';

const WELCOME = 'Welcome back. Sign in to see where your week went.';

/** Sign-in; the page asked for (e.g. a device to approve) shows once signed in, as the URL is kept. */
export function SignInPage({ intro = WELCOME }: { intro?: string }) {
  const signIn = useSignIn();
  const { draft, change } = useDraft({ email: '', password: '' });
  // Why we are here (signed out under the person, a password just reset), shown once.
  const [note] = useState(signInNote.peek);
  // Why single sign-on came back without signing in (not invited, deactivated…), shown once.
  const [ssoRefusal] = useState(takeSsoError);
  // Offline the setup state is assumed, without the provider's name: then no SSO button.
  const setup = useSetupState().data;
  const sso = setup && 'sso' in setup ? setup.sso : null;
  const startSso = useStartSso();
  const ssoProblem = problemOf(startSso.error).message ?? ssoRefusal;
  useEffect(() => signInNote.clear(), []);
  const { message, fields } = problemOf(signIn.error);
  const field = fieldsOf(draft, change, fields);

  const submit = () => {
    signIn.mutate(draft);
  };

  const ssoButton = sso && (
    <div className="auth__sso stack">
      {sso.only && <FormError message={ssoProblem} />}
      <SsoButton name={sso.name} start={startSso} primary={sso.only} />
    </div>
  );
  if (sso?.only) {
    return (
      <AuthLayout title="Sign in" intro={intro}>
        {ssoButton}
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Sign in" intro={intro}>
      {ssoButton && (
        <>
          {ssoButton}
          <p className="auth__or">or with your password</p>
        </>
      )}
      <AuthForm
        onSubmit={submit}
        sending={signIn}
        error={message ?? ssoProblem}
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
