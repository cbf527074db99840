import { type FormEvent, useState } from 'react';
import { agoLabel } from '../../../../core/time/days.ts';
import type { CalendarItem, SyncResult } from '../../../api/types.ts';
import { ConfirmButton } from '../../../shared/ConfirmDialog.tsx';
import { EmptyNote } from '../../../shared/EmptyNote.tsx';
import { FormError, TextField } from '../../../shared/Field.tsx';
import { FormActions } from '../../../shared/FormActions.tsx';
import { problemOf } from '../../../shared/forms.ts';
import { LoadedList } from '../../../shared/Loaded.tsx';
import { Panel } from '../../../shared/Panel.tsx';
import { useToast } from '../../../shared/Toasts.tsx';
import { useMe } from '../../auth/session.ts';
import { CaldavForm, firstSyncMessage } from './CaldavForm.tsx';
import { useAddCalendar, useCalendars, useDeleteCalendar, useSyncCalendar } from './import-queries.ts';

function syncMessage(calendar: CalendarItem, result: SyncResult): string {
  if (result.notModified) return `‘${calendar.name}’ has not changed since the last sync.`;
  const review = result.toReview > 0 ? `; ${result.toReview} to review` : '';
  const changed = result.remote
    ? ` (${result.remote.changed} changed and ${result.remote.removed} removed on the server)`
    : '';
  return `Synced ‘${calendar.name}’: ${result.added} added, ${result.updated} updated, ${result.removed} removed${review}${changed}.`;
}

const KIND_LABEL = { file: 'File', subscription: 'Subscription', caldav: 'CalDAV' } as const;

/** The user's imported calendars and subscriptions: sync, remove, subscribe, connect CalDAV. */
export function CalendarsPanel() {
  const timeZone = useMe().data?.timeZone ?? 'UTC';
  const calendars = useCalendars();
  const sync = useSyncCalendar();
  const remove = useDeleteCalendar();
  const toast = useToast();
  const [adding, setAdding] = useState<'subscription' | 'caldav' | null>(null);

  const syncNow = (calendar: CalendarItem) =>
    sync.mutate(calendar, {
      onSuccess: (result) => toast({ message: syncMessage(calendar, result) }),
      onError: (error) =>
        toast({
          tone: 'error',
          message: `‘${calendar.name}’ could not be synced: ${problemOf(error).message}`,
        }),
    });

  return (
    <Panel
      title="Calendars"
      actions={
        !adding && (
          <>
            <button type="button" className="button button--small" onClick={() => setAdding('subscription')}>
              Add subscription
            </button>
            <button type="button" className="button button--small" onClick={() => setAdding('caldav')}>
              Connect a CalDAV calendar
            </button>
          </>
        )
      }
    >
      {adding === 'subscription' && <SubscriptionForm onDone={() => setAdding(null)} />}
      {adding === 'caldav' && <CaldavForm onDone={() => setAdding(null)} />}

      <LoadedList
        query={calendars}
        what="Calendars"
        rows={2}
        empty={
          <EmptyNote>
            No calendars yet. Import an .ics file or CSV export, or subscribe to your calendar's address so
            Linchpin keeps up with it by itself.
          </EmptyNote>
        }
      >
        {(list) => (
          <ul className="calendar-list">
            {list.map((calendar) => {
              const syncing = sync.isPending && sync.variables?.id === calendar.id;
              return (
                <li key={calendar.id} className="calendar-row" data-testid="calendar-row">
                  <div className="calendar-row__main">
                    <div className="calendar-row__name">
                      <strong>{calendar.name}</strong>
                      <span className="pill pill--muted">{KIND_LABEL[calendar.kind]}</span>
                    </div>
                    {calendar.url && (
                      <span
                        className="calendar-row__url"
                        title={calendar.caldav ? calendar.url : 'The secret part of the address is hidden'}
                      >
                        {calendar.caldav ? `${calendar.caldav.username} · ${calendar.url}` : calendar.url}
                      </span>
                    )}
                    {calendar.caldav && (
                      <span className="muted small">
                        {calendar.caldav.calendars
                          .map((c) => (c.writeBack ? `${c.name} (your plan is written here)` : c.name))
                          .join(', ')}
                      </span>
                    )}
                    <span className="muted small">
                      {calendar.activities.toLocaleString()}{' '}
                      {calendar.activities === 1 ? 'activity' : 'activities'}
                      {calendar.lastSyncedAt &&
                        ` · ${calendar.kind === 'file' ? 'imported' : 'synced'} ${agoLabel(new Date(calendar.lastSyncedAt), timeZone)}`}
                    </span>
                    {calendar.lastError && (
                      <span className="calendar-row__error">Last sync failed: {calendar.lastError}</span>
                    )}
                  </div>
                  <div className="calendar-row__actions">
                    {calendar.kind !== 'file' && (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => syncNow(calendar)}
                        disabled={syncing}
                        aria-label={`Sync ${calendar.name} now`}
                      >
                        {syncing ? 'Syncing…' : 'Sync now'}
                      </button>
                    )}
                    <ConfirmButton
                      label={`Remove ${calendar.name}`}
                      className="button button--small button--ghost button--danger"
                      title={`Remove ‘${calendar.name}’?`}
                      explanation={<RemovalExplained calendar={calendar} />}
                      confirmLabel="Remove calendar"
                      busyLabel="Removing…"
                      mutation={remove}
                      variables={calendar}
                      done={`Removed ‘${calendar.name}’ and its ${calendar.activities} activities.`}
                      failed={(reason) => `‘${calendar.name}’ was not removed: ${reason}`}
                    >
                      Remove
                    </ConfirmButton>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </LoadedList>
    </Panel>
  );
}

function RemovalExplained({ calendar }: { calendar: CalendarItem }) {
  return (
    <p>
      This removes the calendar and the{' '}
      <strong>
        {calendar.activities.toLocaleString()} {calendar.activities === 1 ? 'activity' : 'activities'}
      </strong>{' '}
      imported from it, including any quadrant or account you set on them by hand. Your weeks' figures change
      accordingly.
    </p>
  );
}

function SubscriptionForm({ onDone }: { onDone: () => void }) {
  const add = useAddCalendar();
  const toast = useToast();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<{ name?: string; url?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof errors = {};
    if (!name.trim()) problems.name = 'Give it a name, e.g. Work';
    if (!/^(https?|webcals?):\/\/\S+$/i.test(url.trim()))
      problems.url = 'An address starting with https://, http:// or webcal://';
    setErrors(problems);
    if (problems.name || problems.url) return;
    add.mutate(
      { name: name.trim(), url: url.trim() },
      {
        onSuccess: (made) => {
          toast({ message: firstSyncMessage('Subscribed to', made) });
          onDone();
        },
        onError: (error) => setErrors(problemOf(error).fields),
      },
    );
  };

  const problem = problemOf(add.error);
  return (
    <form className="subscription-form" onSubmit={submit} noValidate aria-label="Add subscription">
      <FormError message={problem.formMessage} />
      <TextField
        label="Subscription name"
        error={errors.name}
        value={name}
        maxLength={200}
        placeholder="e.g. Work"
        autoComplete="off"
        onChange={(value) => {
          setName(value);
          add.reset();
        }}
      />
      <TextField
        label="Calendar address"
        error={errors.url}
        hint="The secret address in iCal format (Google: Settings → Integrate calendar; Outlook: Publish a calendar → ICS)."
        type="url"
        inputMode="url"
        value={url}
        maxLength={2000}
        placeholder="https://… or webcal://…/basic.ics"
        autoComplete="off"
        spellCheck={false}
        onChange={(value) => {
          setUrl(value);
          add.reset();
        }}
      />
      <FormActions
        className="subscription-form__actions"
        onCancel={onDone}
        quietCancel
        label="Subscribe"
        busy={add.isPending}
        busyLabel="Fetching the calendar…"
      />
    </form>
  );
}
