import { type FormEvent, useState } from 'react';
import { Field, FormError } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { TimeZoneField } from '../../shared/TimeZoneField.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { useSetup } from './session.ts';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function SetupPage() {
  const setup = useSetup();
  const [form, setForm] = useState({
    workspaceName: '',
    name: '',
    email: '',
    password: '',
    timeZone: browserTimeZone(),
  });
  const { message, fields } = problemOf(setup.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate(form);
  };

  return (
    <AuthLayout
      title="Set up your workspace"
      intro="Create the workspace for your organisation and your own owner account. You can invite colleagues later, in Settings → People."
    >
      <form className="stack" onSubmit={submit} noValidate>
        <FormError message={Object.keys(fields).length ? null : message} />
        <Field
          label="Workspace name"
          error={fields.workspaceName}
          hint="Usually your company, e.g. Acme Supplies"
        >
          {(control) => (
            <input
              {...control}
              value={form.workspaceName}
              onChange={set('workspaceName')}
              autoComplete="organization"
            />
          )}
        </Field>
        <Field label="Your name" error={fields.name}>
          {(control) => <input {...control} value={form.name} onChange={set('name')} autoComplete="name" />}
        </Field>
        <Field label="Email" error={fields.email}>
          {(control) => (
            <input
              {...control}
              type="email"
              value={form.email}
              onChange={set('email')}
              autoComplete="email"
            />
          )}
        </Field>
        <Field label="Password" error={fields.password} hint="At least 8 characters">
          {(control) => (
            <input
              {...control}
              type="password"
              value={form.password}
              onChange={set('password')}
              autoComplete="new-password"
            />
          )}
        </Field>
        <TimeZoneField
          value={form.timeZone}
          onChange={(timeZone) => setForm((current) => ({ ...current, timeZone }))}
          error={fields.timeZone}
          hint="Weeks run Monday to Sunday in this zone"
        />
        <button type="submit" className="button button--primary button--block" disabled={setup.isPending}>
          {setup.isPending ? 'Creating…' : 'Create workspace'}
        </button>
      </form>
    </AuthLayout>
  );
}
