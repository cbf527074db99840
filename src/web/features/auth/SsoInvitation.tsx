import type { ReactNode } from 'react';
import { FormError } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { SsoButton } from './SsoButton.tsx';
import { useStartSso } from './sso.ts';

/**
 * An invitation to a workspace with passwords off: the person joins by signing in with its provider
 * as the invited address (the server gives them the invitation's role on that first sign-in).
 */
export function SsoInvitation({
  workspace,
  email,
  sso,
  intro,
}: {
  workspace: string;
  email: string;
  sso: { name: string };
  intro: ReactNode;
}) {
  const start = useStartSso();
  return (
    <AuthLayout title={`Join ${workspace}`} intro={intro}>
      <div className="auth__sso stack">
        <FormError message={problemOf(start.error).message} />
        <SsoButton name={sso.name} start={start} primary />
        <p className="auth__note" data-testid="invite-sso">
          {workspace} signs in with {sso.name}, not with passwords. Sign in there as {email} to join.
        </p>
      </div>
    </AuthLayout>
  );
}
