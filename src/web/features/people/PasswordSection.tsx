import { type FormEvent, useState } from 'react';
import type { Me } from '../../api/types.ts';
import { FormError, TextField } from '../../shared/Field.tsx';
import { fieldsOf, problemOf, useDraft } from '../../shared/forms.ts';
import { NewPasswordFields } from '../../shared/PasswordFields.tsx';
import { SettingsSection } from '../../shared/SettingsSection.tsx';
import { SubmitButton } from '../../shared/SubmitButton.tsx';
import { useToast } from '../../shared/Toasts.tsx';
import { useChangePassword } from './access-queries.ts';

type Draft = { currentPassword: string; newPassword: string; repeat: string };
const EMPTY: Draft = { currentPassword: '', newPassword: '', repeat: '' };

/** Settings → Password: this session stays, every other one ends. */
export function PasswordSection({ me }: { me: Me }) {
  const save = useChangePassword();
  const toast = useToast();
  const [localErrors, setLocalErrors] = useState<Partial<Draft>>({});
  const { draft, setDraft, change } = useDraft(EMPTY, () => {
    setLocalErrors({});
    save.reset();
  });
  const server = problemOf(save.error);
  const field = fieldsOf(draft, change, { ...server.fields, ...localErrors });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Partial<Draft> = {
      ...(draft.currentPassword ? {} : { currentPassword: 'Enter your current password' }),
      ...(draft.newPassword ? {} : { newPassword: 'Choose a new password' }),
      ...(draft.repeat === draft.newPassword ? {} : { repeat: 'The two new passwords differ' }),
    };
    setLocalErrors(problems);
    if (Object.keys(problems).length) return;
    save.mutate(
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
    <SettingsSection
      title="Password"
      intro="Changing it signs you out everywhere else; this browser stays signed in."
    >
      <form className="panel stack password-form" onSubmit={submit} noValidate>
        {/* For password managers: which account the new password belongs to. */}
        <input type="email" value={me.email} autoComplete="username" readOnly hidden />
        <FormError message={server.formMessage} />
        <TextField
          label="Current password"
          type="password"
          {...field('currentPassword')}
          autoComplete="current-password"
        />
        <NewPasswordFields password={field('newPassword')} repeat={field('repeat')} />
        <div>
          <SubmitButton label="Change password" busy={save.isPending} busyLabel="Changing…" />
        </div>
      </form>
    </SettingsSection>
  );
}
