import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { SignInSettings } from '../../api/types.ts';
import { Check, FormError, TextAreaField } from '../../shared/Field.tsx';
import { problemOf, useDraft } from '../../shared/forms.ts';
import { ListSkeleton, Loaded } from '../../shared/Loaded.tsx';
import { SETUP_KEY, useRefreshingMutation } from '../../shared/query-client.ts';
import { SettingsSection } from '../../shared/SettingsSection.tsx';
import { SubmitButton } from '../../shared/SubmitButton.tsx';
import { useToast } from '../../shared/Toasts.tsx';

const SIGN_IN_KEY = ['workspace', 'sign-in'] as const;

/** Settings → Sign-in (the owner's only): who may join by single sign-on, and whether passwords still work. */
export function SignInSection() {
  const settings = useQuery({ queryKey: SIGN_IN_KEY, queryFn: () => api.GET('/workspace/sign-in') });
  return (
    <SettingsSection
      title="Sign-in"
      intro="Single sign-on lets people in with your company's identity provider. Invited people always may; these domains let colleagues join by themselves, as members."
    >
      <Loaded query={settings} what="Sign-in settings" retry loading={<ListSkeleton rows={2} />}>
        {(current) => <SignInForm current={current} />}
      </Loaded>
    </SettingsSection>
  );
}

const domainsOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);

function SignInForm({ current }: { current: SignInSettings }) {
  const save = useRefreshingMutation(
    (body: Omit<SignInSettings, 'sso'>) => api.PUT('/workspace/sign-in', { body }),
    (queryClient, saved) => {
      queryClient.setQueryData(SIGN_IN_KEY, saved);
      return queryClient.invalidateQueries({ queryKey: SETUP_KEY });
    },
  );
  const toast = useToast();
  const { draft, change } = useDraft(
    { domains: current.ssoDomains.join('\n'), passwordsOff: current.passwordsOff },
    () => save.reset(),
  );
  const server = problemOf(save.error);
  // The server names the one domain it refuses (ssoDomains.2): shown under the list.
  const domainsError = Object.entries(server.fields).find(([key]) => key.startsWith('ssoDomains'))?.[1];
  const sso = current.sso;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { ssoDomains: domainsOf(draft.domains), passwordsOff: draft.passwordsOff },
      { onSuccess: () => toast({ message: 'Sign-in settings saved.' }) },
    );
  };

  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-label="Sign-in">
      <p className={sso ? '' : 'muted'} data-testid="sso-state">
        {sso
          ? `Single sign-on: ${sso.name}. The sign-in page offers “Sign in with ${sso.name}”.`
          : 'Single sign-on is not set up on this server (LINCHPIN_OIDC_ISSUER, LINCHPIN_OIDC_CLIENT_ID and LINCHPIN_OIDC_CLIENT_SECRET; see the README).'}
      </p>
      <FormError message={domainsError ? null : server.formMessage} />
      <TextAreaField
        label="E-mail domains that may join by single sign-on"
        rows={3}
        value={draft.domains}
        onChange={(domains) => change({ domains })}
        error={domainsError ?? server.fields.passwordsOff}
        hint="One per line, e.g. acme.com. Only addresses your identity provider has verified join; anyone else needs an invitation."
      />
      <Check
        label="Passwords off: sign in with SSO only"
        checked={draft.passwordsOff}
        disabled={!sso && !draft.passwordsOff}
        onChange={(passwordsOff) => change({ passwordsOff })}
      />
      <p className="muted small">
        With passwords off, invited people join by signing in with {sso?.name ?? 'single sign-on'}, and nobody
        can reset or change a password.
      </p>
      <div>
        <SubmitButton label="Save sign-in" busy={save.isPending} busyLabel="Saving…" />
      </div>
    </form>
  );
}
