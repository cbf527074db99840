import type { FieldErrors } from '../../api/client.ts';
import type { Activity, ActivityInput, ActivityKind, ActivityStatus } from '../../api/types.ts';
import { localParts } from '../../shared/dates.ts';

/** What the quick-add and edit forms hold, as the inputs show it. */
export interface ActivityDraft {
  title: string;
  day: string;
  start: string;
  minutes: string;
  /** '' for none (internal). */
  accountId: string;
  /** The account's name as the activity shows it, in case it is archived and not in the picker. */
  accountName: string;
  /** '' for none. */
  goalId: string;
  urgent: boolean;
  important: boolean;
  kind: ActivityKind;
  commercial: boolean;
  status: ActivityStatus;
  notes: string;
}

export type DraftErrors = Partial<Record<keyof ActivityDraft, string>>;

export const newDraft = (day: string, start: string): ActivityDraft => ({
  title: '',
  day,
  start,
  minutes: '60',
  accountId: '',
  accountName: '',
  goalId: '',
  urgent: false,
  important: false,
  kind: 'other',
  commercial: false,
  status: 'planned',
  notes: '',
});

export function draftOf(activity: Activity): ActivityDraft {
  // The activity's own wall clock: the server reads a time without offset in the activity's zone.
  const { day, time } = localParts(activity.startsAt);
  return {
    title: activity.title,
    day,
    start: time,
    minutes: String(activity.minutes),
    accountId: activity.accountId ?? '',
    accountName: activity.accountName ?? '',
    goalId: activity.goalId ?? '',
    urgent: activity.urgent,
    important: activity.important,
    kind: activity.kind,
    commercial: activity.commercial,
    status: activity.status,
    notes: activity.notes ?? '',
  };
}

/** Checks what the browser can know before sending; the server has the final word. */
export function checkDraft(draft: ActivityDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.title.trim()) errors.title = 'Give it a title';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.day)) errors.day = 'Pick a day';
  if (!/^\d{2}:\d{2}$/.test(draft.start)) errors.start = 'Pick a start time';
  const minutes = Number(draft.minutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
    errors.minutes = 'Whole minutes, 1 to 1440';
  return errors;
}

export function inputOf(draft: ActivityDraft, options: { full: boolean }): ActivityInput {
  const base: ActivityInput = {
    title: draft.title.trim(),
    startsAt: `${draft.day}T${draft.start}`,
    minutes: Number(draft.minutes),
    urgent: draft.urgent,
    important: draft.important,
    accountId: draft.accountId || null,
    kind: draft.kind,
  };
  if (!options.full) return base;
  return {
    ...base,
    goalId: draft.goalId || null,
    commercial: draft.commercial,
    status: draft.status,
    notes: draft.notes.trim() || null,
  };
}

/** The server names API fields; the form shows them next to its own inputs. */
export function draftErrorsOf(fields: FieldErrors): DraftErrors {
  const errors: DraftErrors = {};
  const map: Record<string, keyof ActivityDraft> = {
    title: 'title',
    startsAt: 'start',
    endsAt: 'minutes',
    minutes: 'minutes',
    account: 'accountId',
    accountId: 'accountId',
    goalId: 'goalId',
    kind: 'kind',
    status: 'status',
    notes: 'notes',
    urgent: 'urgent',
    important: 'important',
  };
  for (const [field, message] of Object.entries(fields)) {
    const key = map[field];
    if (key) errors[key] ??= message;
  }
  return errors;
}
