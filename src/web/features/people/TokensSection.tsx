import { type FormEvent, useState } from 'react';
import { now } from '../../../core/time/clock.ts';
import type { AccessToken, CreatedToken, Me } from '../../api/types.ts';
import { ConfirmDialog } from '../../shared/ConfirmDialog.tsx';

import { FormError, NumberField, TextField } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { LoadError } from '../../shared/LoadError.tsx';
import { SecretField } from '../../shared/SecretField.tsx';
import { useToast } from '../../shared/Toasts.tsx';
import { useCreateToken, useRevokeToken, useTokens } from './access-queries.ts';
import { formatDayIn, lastActiveLabel } from './labels.ts';

/** Settings → Tokens: personal access tokens for the CLI and other programs. */
export function TokensSection({ me }: { me: Me }) {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const toast = useToast();
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [localErrors, setLocalErrors] = useState<{ name?: string; expiresInDays?: string }>({});
  const [fresh, setFresh] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<AccessToken | null>(null);
  const server = problemOf(create.error);
  const errors = { ...server.fields, ...localErrors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
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
          setName('');
          setDays('');
        },
      },
    );
  };

  return (
    <section className="settings-section" aria-labelledby="tokens-title">
      <header className="settings-section__head">
        <div>
          <h2 id="tokens-title">Access tokens</h2>
          <p className="muted">
            For the <code>linchpin</code> command line and other programs. A token acts as you: revoke it when
            a program no longer needs it. <code>linchpin login</code> makes one for you.
          </p>
        </div>
      </header>

      <div className="panel stack">
        <form className="token-form" onSubmit={submit} noValidate>
          <TextField
            label="Name"
            className="token-form__name"
            value={name}
            onChange={(value) => {
              setName(value);
              setLocalErrors({});
            }}
            error={errors.name}
            placeholder="e.g. Laptop CLI"
            maxLength={100}
          />
          <NumberField
            label="Expires in (days)"
            value={days}
            onChange={(value) => {
              setDays(value);
              setLocalErrors({});
            }}
            error={errors.expiresInDays}
            placeholder="Never"
            min={1}
          />
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create token'}
          </button>
        </form>
        <FormError message={Object.keys(server.fields).length ? null : server.message} />
        {fresh && (
          <SecretField label={`Token ${fresh.name}`} value={fresh.token} testId="new-token">
            Copy <strong>{fresh.name}</strong> now: it is not shown again.
          </SecretField>
        )}

        {tokens.isPending ? (
          <div className="list-skeleton" aria-busy="true">
            <span />
          </div>
        ) : tokens.isError ? (
          <LoadError what="Tokens" error={tokens.error} onRetry={() => tokens.refetch()} />
        ) : tokens.data.length === 0 ? (
          <p className="empty-note">No tokens yet.</p>
        ) : (
          <ul className="token-list" aria-label="Your tokens">
            {tokens.data.map((token) => {
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
                  <button
                    type="button"
                    className="button button--small button--danger button--ghost"
                    onClick={() => setRevoking(token)}
                  >
                    Revoke
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>

      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke token"
          danger
          busy={revoke.isPending}
          onConfirm={() =>
            revoke.mutate(revoking.id, {
              onSuccess: () => toast({ message: `Revoked ${revoking.name}.` }),
              onError: (error) =>
                toast({ message: problemOf(error).message ?? 'Not revoked', tone: 'error' }),
              onSettled: () => setRevoking(null),
            })
          }
          onClose={() => setRevoking(null)}
        >
          <p>Programs using it are refused from now on. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
