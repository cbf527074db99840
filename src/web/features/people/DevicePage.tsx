import { type FormEvent, type ReactNode, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { FormError, TextField } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { hrefOf, navigate } from '../../shared/navigation.ts';
import { useDecideDevice, useDeviceRequest } from './access-queries.ts';

/**
 * #/device and #/device/<CODE>: approving a program's sign-in (`linchpin login`). Signed in only;
 * App shows sign-in first and, the URL being kept, this page after it.
 */
export function DevicePage({ code, me }: { code?: string; me: Me }) {
  return (
    <div className="device-page">
      <div className="auth__card device-card">
        {code ? <DeviceRequest code={code} me={me} /> : <CodeForm />}
      </div>
    </div>
  );
}

const DECISIONS = [
  { decision: 'deny', label: 'Deny', className: 'button' },
  { decision: 'approve', label: 'Approve', className: 'button button--primary' },
] as const;

function CodeForm({ problem }: { problem?: string }) {
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) navigate({ page: 'device', code: code.trim().toUpperCase() });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div>
        <h1 className="auth__title">Sign in a device</h1>
        <p className="auth__intro">Type the code your terminal or program shows, e.g. ABCD-EFGH.</p>
      </div>
      <FormError message={problem} />
      <TextField
        label="Code"
        value={code}
        onChange={setCode}
        inputClassName="device-code-input mono"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
      />
      <button type="submit" className="button button--primary button--block">
        Continue
      </button>
    </form>
  );
}

function Outcome({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="stack" role="status" data-testid="device-outcome">
      <h1 className="auth__title">{title}</h1>
      <p className="auth__intro">{children}</p>
      <a className="button button--block" href={hrefOf({ page: 'week' })}>
        Go to your week
      </a>
    </div>
  );
}

function DeviceRequest({ code, me }: { code: string; me: Me }) {
  const request = useDeviceRequest(code);
  const decide = useDecideDevice(code);

  if (request.isPending) return <div className="page-skeleton" aria-busy="true" />;
  if (request.isError) {
    return (
      <CodeForm
        problem={
          isApiError(request.error, 404)
            ? `The code ${code} is not known. Check it against your terminal, or start the sign-in again.`
            : (problemOf(request.error).message ?? undefined)
        }
      />
    );
  }
  const { clientName, status } = request.data;
  if (status === 'approved') {
    return (
      <Outcome title="Device signed in">
        {clientName} is signed in as you. You can go back to it now; its token is listed in{' '}
        <a href={hrefOf({ page: 'settings', section: 'tokens' })}>Settings → Tokens</a>.
      </Outcome>
    );
  }
  if (status === 'denied') {
    return <Outcome title="Sign-in denied">{clientName} was not signed in.</Outcome>;
  }
  if (status === 'expired') {
    return <Outcome title="This code has expired">Start the sign-in again from {clientName}.</Outcome>;
  }
  return (
    <div className="stack">
      <div>
        <h1 className="auth__title">Approve sign-in for {clientName}?</h1>
        <p className="auth__intro">
          Approve only if you started this sign-in yourself and your screen shows the same code. {clientName}{' '}
          will act as {me.name} until you revoke its token in Settings → Tokens.
        </p>
      </div>
      <p className="device-code" data-testid="device-code">
        {request.data.userCode}
      </p>
      <FormError message={problemOf(decide.error).message} />
      <div className="device-actions">
        {DECISIONS.map(({ decision, label, className }) => (
          <button
            key={decision}
            type="button"
            className={className}
            disabled={decide.isPending}
            onClick={() => decide.mutate(decision)}
          >
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}
