import { type FormEvent, useState } from 'react';
import type { Me } from '../../api/types.ts';
import { FormError, TextField } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { useToast } from '../../shared/Toasts.tsx';
import { useChangePassword } from './access-queries.ts';

type Draft = { currentPassword: string; newPassword: string; repeat: string };
const EMPTY: Draft = { currentPassword: '', newPassword: '', repeat: '' };

/** Settings → Password: this session stays, every other one ends. */
export function PasswordSection({ me }: { me: Me }) {
  const change = useChangePassword();
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [localErrors, setLocalErrors] = useState<Partial<Draft>>({});
  const server = problemOf(change.error);
  const errors: Partial<Draft> = { ...server.fields, ...localErrors };

  const set = (key: keyof Draft) => (value: string) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setLocalErrors({});
    change.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Partial<Draft> = {
      ...(draft.currentPassword ? {} : { currentPassword: 'Enter your current password' }),
      ...(draft.newPassword ? {} : { newPassword: 'Choose a new password' }),
      ...(draft.repeat === draft.newPassword ? {} : { repeat: 'The two new passwords differ' }),
    };
    setLocalErrors(problems);
    if (Object.keys(problems).length) return;
    change.mutate(
      { currentPassword: draft.currentPassword, newPassword: draft.newPassword },
      {
        onSuccess: () => {
          setDraft(EMPTY);
          toast({ message: 'Password changed; other sessions were signed out' });
        },
      },
    );
  };

  return (
    <section className="settings-section" aria-labelledby="password-title">
      <header className="settings-section__head">
        <div>
          <h2 id="password-title">Password</h2>
          <p className="muted">Changing it signs you out everywhere else; this browser stays signed in.</p>
        </div>
      </header>
      <form className="panel stack password-form" onSubmit={submit} noValidate>
        {/* For password managers: which account the new password belongs to. */}
        <input type="email" value={me.email} autoComplete="username" readOnly hidden />
        <FormError message={Object.keys(server.fields).length ? null : server.message} />
        <TextField
          label="Current password"
          type="password"
          value={draft.currentPassword}
          onChange={set('currentPassword')}
          error={errors.currentPassword}
          autoComplete="current-password"
        />
        <TextField
          label="New password"
          type="password"
          value={draft.newPassword}
          onChange={set('newPassword')}
          error={errors.newPassword}
          hint="At least 8 characters"
          autoComplete="new-password"
        />
        <TextField
          label="New password again"
          type="password"
          value={draft.repeat}
          onChange={set('repeat')}
          error={errors.repeat}
          autoComplete="new-password"
        />
        <div>
          <button type="submit" className="button button--primary" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}
