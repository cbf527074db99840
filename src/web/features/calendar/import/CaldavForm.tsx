import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ApiAnswer } from '../../../../client/index.ts';
import { Check, FormError, NameOptions, SelectField, TextField } from '../../../shared/Field.tsx';
import { FormActions } from '../../../shared/FormActions.tsx';
import { problemOf } from '../../../shared/forms.ts';
import { useToast } from '../../../shared/Toasts.tsx';
import { refreshAfterImport, useAddCalendar, useDiscoverCaldav } from './import-queries.ts';

type Discovered = ApiAnswer<'/calendars/discover', 'post'>;

/** What the toast says once a new subscription or CalDAV calendar had its first sync. */
export function firstSyncMessage(done: string, { calendar, sync }: ApiAnswer<'/calendars', 'post'>): string {
  const added = sync.notModified ? '' : `: ${sync.added} events added`;
  const review = !sync.notModified && sync.toReview > 0 ? `, ${sync.toReview} to review` : '';
  return `${done} ‘${calendar.name}’${added}${review}.`;
}
type Login = { url: string; username: string; password: string };

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

/**
 * Connect a CalDAV calendar in two steps: sign in (server address, username, app password) and see
 * the server's calendars, then tick the ones to sync. The password goes to the server twice (find,
 * connect) and is never shown again.
 */
export function CaldavForm({ onDone }: { onDone: () => void }) {
  const [login, setLogin] = useState<Login>({ url: '', username: '', password: '' });
  const [found, setFound] = useState<Discovered | null>(null);
  const edit = (patch: Partial<Login>) => {
    setLogin({ ...login, ...patch });
    setFound(null);
  };
  return found ? (
    <ChooseCalendars login={login} found={found} onBack={() => setFound(null)} onDone={onDone} />
  ) : (
    <SignIn login={login} onChange={edit} onFound={setFound} onCancel={onDone} />
  );
}

function SignIn({
  login,
  onChange,
  onFound,
  onCancel,
}: {
  login: Login;
  onChange: (patch: Partial<Login>) => void;
  onFound: (found: Discovered) => void;
  onCancel: () => void;
}) {
  const discover = useDiscoverCaldav();
  const [errors, setErrors] = useState<Partial<Record<keyof Login, string>>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof errors = {};
    if (!/^https?:\/\/\S+$/i.test(login.url.trim()))
      problems.url = 'An address starting with https:// or http://';
    if (!login.username.trim()) problems.username = 'The name you sign in to the calendar server with';
    if (!login.password) problems.password = 'An app password (or the account password where there are none)';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    discover.mutate(
      { ...login, url: login.url.trim(), username: login.username.trim() },
      { onSuccess: onFound, onError: (error) => setErrors(problemOf(error).fields) },
    );
  };
  const change = (patch: Partial<Login>) => {
    onChange(patch);
    discover.reset();
  };
  return (
    <form className="subscription-form" onSubmit={submit} noValidate aria-label="Connect a CalDAV calendar">
      <FormError message={problemOf(discover.error).formMessage} />
      <TextField
        label="Server address"
        error={errors.url}
        hint="e.g. https://caldav.fastmail.com, https://cloud.example.com/remote.php/dav, https://caldav.icloud.com"
        type="url"
        inputMode="url"
        value={login.url}
        maxLength={2000}
        placeholder="https://…"
        autoComplete="url"
        spellCheck={false}
        onChange={(url) => change({ url })}
      />
      <TextField
        label="Username"
        error={errors.username}
        value={login.username}
        maxLength={320}
        autoComplete="username"
        spellCheck={false}
        onChange={(username) => change({ username })}
      />
      <TextField
        label="App password"
        error={errors.password}
        hint="Made in your provider's security settings; kept encrypted, never shown again."
        type="password"
        value={login.password}
        maxLength={1000}
        autoComplete="off"
        onChange={(password) => change({ password })}
      />
      <FormActions
        className="subscription-form__actions"
        onCancel={onCancel}
        quietCancel
        label="Find calendars"
        busy={discover.isPending}
        busyLabel="Asking the server…"
      />
    </form>
  );
}

function ChooseCalendars({
  login,
  found,
  onBack,
  onDone,
}: {
  login: Login;
  found: Discovered;
  onBack: () => void;
  onDone: () => void;
}) {
  const add = useAddCalendar();
  const queryClient = useQueryClient();
  const toast = useToast();
  const usable = found.calendars.filter((c) => c.supportsEvents);
  const [picked, setPicked] = useState<Set<string>>(
    () => new Set(found.given ? [found.given] : usable.map((c) => c.href)),
  );
  const [name, setName] = useState(hostOf(login.url));
  const [writeBack, setWriteBack] = useState('');
  const [errors, setErrors] = useState<{ name?: string; calendars?: string; writeBack?: string }>({});

  const toggle = (href: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(href);
    else next.delete(href);
    setPicked(next);
    add.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof errors = {};
    if (!name.trim()) problems.name = 'Give it a name, e.g. Work';
    if (picked.size === 0) problems.calendars = 'Pick at least one calendar';
    setErrors(problems);
    if (problems.name || problems.calendars) return;
    add.mutate(
      {
        kind: 'caldav',
        name: name.trim(),
        ...login,
        calendars: [...picked],
        writeBack: writeBack || undefined,
      },
      {
        onSuccess: (made) => {
          toast({ message: firstSyncMessage('Connected', made) });
          onDone();
        },
        onError: (error) => {
          setErrors(problemOf(error).fields);
          // A connection whose plan could not be written is kept, its error shown in the list.
          void refreshAfterImport(queryClient);
        },
      },
    );
  };

  return (
    <form className="subscription-form" onSubmit={submit} noValidate aria-label="Choose CalDAV calendars">
      <FormError message={problemOf(add.error).formMessage} />
      <fieldset className="caldav-calendars">
        <legend>
          Calendars on {hostOf(login.url)} for {login.username}
        </legend>
        {found.calendars.length === 0 && <p className="muted small">The server shows no calendars.</p>}
        {found.calendars.map((calendar) => (
          <div key={calendar.href} className="caldav-calendar">
            <span
              className="caldav-calendar__swatch"
              style={{ background: calendar.color?.slice(0, 7) ?? 'var(--border)' }}
              aria-hidden="true"
            />
            <Check
              label={calendar.supportsEvents ? calendar.name : `${calendar.name} (no events: tasks only)`}
              checked={picked.has(calendar.href)}
              disabled={!calendar.supportsEvents}
              onChange={(on) => toggle(calendar.href, on)}
            />
          </div>
        ))}
        {errors.calendars && (
          <p className="field__error" role="alert">
            {errors.calendars}
          </p>
        )}
      </fieldset>
      <SelectField
        label="Write my scheduled plan actions to"
        hint="Linchpin adds, changes and removes only the events it wrote there; they are not imported back."
        error={errors.writeBack}
        value={writeBack}
        onChange={(href) => {
          setWriteBack(href);
          add.reset();
        }}
      >
        <option value="">Nowhere (read only)</option>
        <NameOptions items={usable.map((c) => ({ id: c.href, name: c.name }))} />
      </SelectField>
      <TextField
        label="Name in Linchpin"
        error={errors.name}
        value={name}
        maxLength={200}
        autoComplete="off"
        onChange={(value) => {
          setName(value);
          add.reset();
        }}
      />
      <FormActions
        className="subscription-form__actions"
        onCancel={onBack}
        quietCancel
        label={`Connect ${picked.size === 1 ? 'calendar' : `${picked.size} calendars`}`}
        busy={add.isPending}
        busyLabel="Syncing the calendars…"
      />
    </form>
  );
}
