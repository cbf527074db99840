import { type FormEvent, useState } from 'react';
import { agoLabel } from '../../../../core/time/days.ts';
import type { CalendarItem, SyncResult } from '../../../api/types.ts';
import { ConfirmDialog } from '../../../shared/ConfirmDialog.tsx';
import { FormError, TextField } from '../../../shared/Field.tsx';
import { problemOf } from '../../../shared/forms.ts';
import { LoadError } from '../../../shared/LoadError.tsx';
import { useToast } from '../../../shared/Toasts.tsx';
import { useMe } from '../../auth/session.ts';
import { useAddSubscription, useCalendars, useDeleteCalendar, useSyncCalendar } from './import-queries.ts';

function syncMessage(calendar: CalendarItem, result: SyncResult): string {
  if (result.notModified) return `‘${calendar.name}’ has not changed since the last sync.`;
  const review = result.toReview > 0 ? `; ${result.toReview} to review` : '';
  return `Synced ‘${calendar.name}’: ${result.added} added, ${result.updated} updated, ${result.removed} removed${review}.`;
}

/** The user's imported calendars and subscriptions: sync, remove, subscribe to a new address. */
export function CalendarsPanel() {
  const timeZone = useMe().data?.timeZone ?? 'UTC';
  const calendars = useCalendars();
  const sync = useSyncCalendar();
  const remove = useDeleteCalendar();
  const toast = useToast();
  const [removing, setRemoving] = useState<CalendarItem | null>(null);
  const [adding, setAdding] = useState(false);

  const syncNow = (calendar: CalendarItem) =>
    sync.mutate(calendar, {
      onSuccess: (result) => toast({ message: syncMessage(calendar, result) }),
      onError: (error) =>
        toast({
          tone: 'error',
          message: `‘${calendar.name}’ could not be synced: ${problemOf(error).message}`,
        }),
    });

  const confirmRemove = () => {
    if (!removing) return;
    const calendar = removing;
    remove.mutate(calendar, {
      onSuccess: () => {
        setRemoving(null);
        toast({ message: `Removed ‘${calendar.name}’ and its ${calendar.activities} activities.` });
      },
      onError: (error) => {
        setRemoving(null);
        toast({ tone: 'error', message: `‘${calendar.name}’ was not removed: ${problemOf(error).message}` });
      },
    });
  };

  return (
    <section className="panel" aria-labelledby="calendars-title">
      <div className="panel__header">
        <h2 className="panel__title" id="calendars-title">
          Calendars
        </h2>
        {!adding && (
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            Add subscription
          </button>
        )}
      </div>
      {adding && <SubscriptionForm onDone={() => setAdding(false)} />}

      {calendars.isPending ? (
        <div className="list-skeleton" aria-busy="true">
          <span />
          <span />
        </div>
      ) : calendars.isError ? (
        <LoadError what="Calendars" error={calendars.error} onRetry={() => calendars.refetch()} />
      ) : calendars.data.length === 0 ? (
        <p className="empty-note">
          No calendars yet. Import an .ics file or CSV export, or subscribe to your calendar's address so
          Linchpin keeps up with it by itself.
        </p>
      ) : (
        <ul className="calendar-list">
          {calendars.data.map((calendar) => {
            const syncing = sync.isPending && sync.variables?.id === calendar.id;
            return (
              <li key={calendar.id} className="calendar-row" data-testid="calendar-row">
                <div className="calendar-row__main">
                  <div className="calendar-row__name">
                    <strong>{calendar.name}</strong>
                    <span className="pill pill--muted">
                      {calendar.kind === 'file' ? 'File' : 'Subscription'}
                    </span>
                  </div>
                  {calendar.url && (
                    <span className="calendar-row__url" title="The secret part of the address is hidden">
                      {calendar.url}
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
                  {calendar.kind === 'subscription' && (
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
                  <button
                    type="button"
                    className="button button--small button--ghost button--danger"
                    onClick={() => setRemoving(calendar)}
                    aria-label={`Remove ${calendar.name}`}
                  >
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {removing && (
        <ConfirmDialog
          title={`Remove ‘${removing.name}’?`}
          confirmLabel={remove.isPending ? 'Removing…' : 'Remove calendar'}
          danger
          busy={remove.isPending}
          onConfirm={confirmRemove}
          onClose={() => setRemoving(null)}
        >
          <p>
            This removes the calendar and the{' '}
            <strong>
              {removing.activities.toLocaleString()} {removing.activities === 1 ? 'activity' : 'activities'}
            </strong>{' '}
            imported from it, including any quadrant or account you set on them by hand. Your weeks' figures
            change accordingly.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function SubscriptionForm({ onDone }: { onDone: () => void }) {
  const add = useAddSubscription();
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
        onSuccess: ({ calendar, sync }) => {
          const added = sync.notModified ? '' : `: ${sync.added} events added`;
          const review = !sync.notModified && sync.toReview > 0 ? `, ${sync.toReview} to review` : '';
          toast({ message: `Subscribed to ‘${calendar.name}’${added}${review}.` });
          onDone();
        },
        onError: (error) => setErrors(problemOf(error).fields),
      },
    );
  };

  const problem = problemOf(add.error);
  return (
    <form className="subscription-form" onSubmit={submit} noValidate aria-label="Add subscription">
      <FormError message={Object.keys(problem.fields).length ? null : problem.message} />
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
      <div className="subscription-form__actions">
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? 'Fetching the calendar…' : 'Subscribe'}
        </button>
      </div>
    </form>
  );
}
