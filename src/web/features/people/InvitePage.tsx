import { useState } from 'react';
import { isApiError } from '../../api/client.ts';
import type { Role } from '../../api/types.ts';
import { TextField } from '../../shared/Field.tsx';
import { fieldsOf, problemOf, useDraft } from '../../shared/forms.ts';
import { hrefOf, navigate } from '../../shared/navigation.ts';
import { TimeZoneField } from '../../shared/TimeZoneField.tsx';
import { AuthForm, AuthLayout } from '../auth/AuthLayout.tsx';
import { SsoInvitation } from '../auth/SsoInvitation.tsx';
import { useJoin, usePublicInvitation } from './people-queries.ts';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const AS_ROLE: Record<Role, string> = { owner: 'an owner', leader: 'a leader', member: 'a member' };

/**
 * #/invite/<token>: joining a workspace by a one-time link. No session needed; joining signs the
 * new person in and lands them on their (empty) Week, which offers demo data.
 */
export function InvitePage({ token }: { token: string }) {
  const invitation = usePublicInvitation(token);
  const join = useJoin(token);
  const [missingName, setMissingName] = useState(false);
  const { draft, change } = useDraft(
    () => ({ name: '', password: '', timeZone: browserTimeZone() }),
    (patch) => 'name' in patch && setMissingName(false),
  );

  if (invitation.isPending) return <div className="splash" aria-busy="true" />;
  // The link can stop working between reading and joining (used in another tab, withdrawn).
  const unusable = [invitation.error, join.error].find(
    (e) => isApiError(e) && [404, 409, 410].includes(e.status),
  );
  if (unusable) return <UnusableInvitation error={unusable} />;
  if (invitation.isError) {
    return (
      <AuthLayout title="The invitation cannot be read" intro={problemOf(invitation.error).message}>
        <button type="button" className="button button--block" onClick={() => invitation.refetch()}>
          Try again
        </button>
      </AuthLayout>
    );
  }

  const { workspace, email, role, invitedBy, sso } = invitation.data;
  const intro = (
    <span data-testid="invite-intro">
      {invitedBy} invited you to join {workspace} as {AS_ROLE[role]}.
    </span>
  );
  // Passwords are off there: joining is the first sign-in with the provider.
  if (sso) return <SsoInvitation workspace={workspace} email={email} sso={sso} intro={intro} />;
  const { fields } = problemOf(join.error);
  const field = fieldsOf(draft, change, fields);
  const submit = () => {
    if (!draft.name.trim()) return setMissingName(true);
    join.mutate(
      { ...draft, name: draft.name.trim() },
      { onSuccess: () => navigate({ page: 'week' }, { replace: true }) },
    );
  };

  return (
    <AuthLayout title={`Join ${workspace}`} intro={intro}>
      <AuthForm onSubmit={submit} sending={join} submitLabel={`Join ${workspace}`} busyLabel="Joining…">
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={() => {}}
          readOnly
          autoComplete="username"
          hint="The address the invitation was sent to; you sign in with it."
        />
        <TextField
          label="Your name"
          {...field('name')}
          error={missingName ? 'Your name, as colleagues know you' : fields.name}
          autoComplete="name"
          autoFocus
        />
        <TextField
          label="Password"
          type="password"
          {...field('password')}
          hint="At least 8 characters"
          autoComplete="new-password"
        />
        <TimeZoneField {...field('timeZone')} hint="Weeks run Monday to Sunday in this zone" />
      </AuthForm>
    </AuthLayout>
  );
}

/** A used, ended or unknown link: says which, and what to do instead. */
function UnusableInvitation({ error }: { error: unknown }) {
  const status = isApiError(error) ? error.status : 404;
  const signIn = (
    <a className="button button--primary button--block" href={hrefOf({ page: 'week' })}>
      Sign in
    </a>
  );
  if (status === 409) {
    return (
      <AuthLayout
        title="This invitation was already used — sign in instead"
        intro="Someone joined with this link already. If that was you, sign in with the e-mail address it was sent to."
      >
        {signIn}
      </AuthLayout>
    );
  }
  if (status === 410) {
    return (
      <AuthLayout
        title="This invitation has expired or was withdrawn"
        intro={sentenceOf(problemOf(error).message) ?? 'Ask the person who invited you for a new one.'}
      >
        {signIn}
      </AuthLayout>
    );
  }
  return (
    <AuthLayout
      title="This invitation link is not valid"
      intro="Check that the whole link was copied from the e-mail, or ask the person who invited you for a new one."
    >
      {signIn}
    </AuthLayout>
  );
}

/** The server's explanation (it names who to ask, and when the link ended) as a sentence. */
const sentenceOf = (message: string | null) =>
  message
    ? `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}`
    : null;
