import { TextField } from '../../shared/Field.tsx';
import { fieldsOf, problemOf, useDraft } from '../../shared/forms.ts';
import { TimeZoneField } from '../../shared/TimeZoneField.tsx';
import { AuthForm, AuthLayout } from './AuthLayout.tsx';
import { useSetup } from './session.ts';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function SetupPage() {
  const setup = useSetup();
  const { draft: form, change } = useDraft(() => ({
    workspaceName: '',
    name: '',
    email: '',
    password: '',
    timeZone: browserTimeZone(),
  }));
  const { fields } = problemOf(setup.error);
  const field = fieldsOf(form, change, fields);

  const submit = () => {
    setup.mutate(form);
  };

  return (
    <AuthLayout
      title="Set up your workspace"
      intro="Create the workspace for your organisation and your own owner account. You can invite colleagues later, in Settings → People."
    >
      <AuthForm onSubmit={submit} sending={setup} submitLabel="Create workspace" busyLabel="Creating…">
        <TextField
          label="Workspace name"
          {...field('workspaceName')}
          hint="Usually your company, e.g. Acme Supplies"
          autoComplete="organization"
        />
        <TextField label="Your name" {...field('name')} autoComplete="name" />
        <TextField label="Email" {...field('email')} type="email" autoComplete="email" />
        <TextField
          label="Password"
          {...field('password')}
          hint="At least 8 characters"
          type="password"
          autoComplete="new-password"
        />
        <TimeZoneField {...field('timeZone')} hint="Weeks run Monday to Sunday in this zone" />
      </AuthForm>
    </AuthLayout>
  );
}
