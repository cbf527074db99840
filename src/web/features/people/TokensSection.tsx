import { type FormEvent, useState } from 'react';
import { now } from '../../../core/time/clock.ts';
import type { CreatedToken, Me } from '../../api/types.ts';
import { ConfirmButton } from '../../shared/ConfirmDialog.tsx';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { FormError, NumberField, TextField } from '../../shared/Field.tsx';
import { fieldsOf, problemOf, useDraft } from '../../shared/forms.ts';
import { LoadedList } from '../../shared/Loaded.tsx';
import { SecretField } from '../../shared/SecretField.tsx';
import { SettingsSection } from '../../shared/SettingsSection.tsx';
import { SubmitButton } from '../../shared/SubmitButton.tsx';
import { useCreateToken, useRevokeToken, useTokens } from './access-queries.ts';
import { formatDayIn, lastActiveLabel } from './labels.ts';

/** Settings → Tokens: personal access tokens for the CLI and other programs. */
export function TokensSection({ me }: { me: Me }) {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [localErrors, setLocalErrors] = useState<{ name?: string; expiresInDays?: string }>({});
  const { draft, setDraft, change } = useDraft({ name: '', expiresInDays: '' }, () => setLocalErrors({}));
  const [fresh, setFresh] = useState<CreatedToken | null>(null);
  const server = problemOf(create.error);
  const field = fieldsOf(draft, change, { ...server.fields, ...localErrors });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { name, expiresInDays: days } = draft;
    const expiresInDays = days.trim() ? Number(days) : undefined;
    const problems = {
      ...(name.trim() ? {} : { name: 'Name the token after the program or machine that uses it' }),
      ...(expiresInDays === undefined || (Number.isInteger(expiresInDays) && expiresInDays > 0)
        ? {}
        : { expiresInDays: 'A whole number of days, or blank for no expiry' }),
    };
    setLocalErrors(problems);
    if (Object.keys(problems).length) return;
    create.mutate(
      { name: name.trim(), ...(expiresInDays ? { expiresInDays } : {}) },
      {
        onSuccess: (token) => {
          setFresh(token);
          setDraft({ name: '', expiresInDays: '' });
        },
      },
    );
  };

  return (
    <SettingsSection
      title="Access tokens"
      intro={
        <>
          For the <code>linchpin</code> command line and other programs. A token acts as you: revoke it when a
          program no longer needs it. <code>linchpin login</code> makes one for you.
        </>
      }
    >
      <div className="panel stack">
        <form className="token-form" onSubmit={submit} noValidate>
          <TextField
            label="Name"
            className="token-form__name"
            {...field('name')}
            placeholder="e.g. Laptop CLI"
            maxLength={100}
          />
          <NumberField label="Expires in (days)" {...field('expiresInDays')} placeholder="Never" min={1} />
          <SubmitButton label="Create token" busy={create.isPending} busyLabel="Creating…" />
        </form>
        <FormError message={server.formMessage} />
        {fresh && (
          <SecretField label={`Token ${fresh.name}`} value={fresh.token} testId="new-token">
            Copy <strong>{fresh.name}</strong> now: it is not shown again.
          </SecretField>
        )}

        <LoadedList query={tokens} what="Tokens" rows={1} empty={<EmptyNote>No tokens yet.</EmptyNote>}>
          {(list) => (
            <ul className="token-list" aria-label="Your tokens">
              {list.map((token) => {
                const expired = token.expiresAt !== null && new Date(token.expiresAt) <= now();
                return (
                  <li key={token.id} className="token-row" data-testid="token">
                    <span className="token-row__name">
                      {token.name}
                      {expired && <span className="pill pill--muted">Expired</span>}
                    </span>
                    <span className="token-row__facts">
                      <span>Created {formatDayIn(token.createdAt, me.timeZone)}</span>
                      <span>Last used {lastActiveLabel(token.lastUsedAt, me.timeZone).toLowerCase()}</span>
                      <span>
                        {token.expiresAt
                          ? `${expired ? 'Expired' : 'Expires'} ${formatDayIn(token.expiresAt, me.timeZone)}`
                          : 'Never expires'}
                      </span>
                    </span>
                    <ConfirmButton
                      className="button button--small button--danger button--ghost"
                      title={`Revoke “${token.name}”?`}
                      explanation={<p>Programs using it are refused from now on. This cannot be undone.</p>}
                      confirmLabel="Revoke token"
                      mutation={revoke}
                      variables={token.id}
                      done={`Revoked ${token.name}.`}
                      failed={(reason) => reason ?? 'Not revoked'}
                    >
                      Revoke
                    </ConfirmButton>
                  </li>
                );
              })}
            </ul>
          )}
        </LoadedList>
      </div>
    </SettingsSection>
  );
}
