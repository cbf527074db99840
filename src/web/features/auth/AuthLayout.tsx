import type { ReactNode } from 'react';
import { FormError } from '../../shared/Field.tsx';
import { problemOf, type Sending } from '../../shared/forms.ts';
import { SubmitButton } from '../../shared/SubmitButton.tsx';
import { BrandMark } from '../shell/BrandMark.tsx';

/** The centred card the signed-out screens share. */
export function AuthLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className="auth">
      <div className="auth__card">
        <div className="auth__brand">
          <BrandMark />
          <span>Linchpin</span>
        </div>
        <h1 className="auth__title">{title}</h1>
        <p className="auth__intro">{intro}</p>
        {children}
      </div>
      <p className="auth__footnote">Plan and see the legacy you leave at each customer.</p>
    </main>
  );
}

interface AuthFormProps {
  /** What sending the form does; the browser's own submit (a page load) never happens. */
  onSubmit: () => void;
  /** What the form sends: while it runs the button waits; why it failed shows above the fields. */
  sending: Sending;
  /** Says why it failed in place of the server's words on the form (e.g. also what the fields say). */
  error?: string | null;
  /** A line above even that, e.g. why you were signed out. */
  notice?: ReactNode;
  submitLabel: string;
  busyLabel: string;
  /** Under the button: a way elsewhere ("Forgot password?"). */
  footer?: ReactNode;
  children: ReactNode;
}

/** The form on a signed-out card: its fields, then one button as wide as the card. */
export function AuthForm({
  onSubmit,
  sending,
  error = problemOf(sending.error).formMessage,
  notice,
  submitLabel,
  busyLabel,
  footer,
  children,
}: AuthFormProps) {
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
    >
      {notice}
      <FormError message={error} />
      {children}
      <SubmitButton label={submitLabel} busy={sending.isPending} busyLabel={busyLabel} block />
      {footer}
    </form>
  );
}
