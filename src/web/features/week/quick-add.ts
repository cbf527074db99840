import { useEffect, useRef } from 'react';
import type { Activity } from '../../api/types.ts';
import { addMinutesToTime, formatWeekRange, isoWeekOf } from '../../shared/dates.ts';
import { problemOf, useChecked, useDraft } from '../../shared/forms.ts';
import { navigate } from '../../shared/navigation.ts';
import { useToast } from '../../shared/Toasts.tsx';
import { type ActivityDraft, checkDraft, draftErrorsOf, inputOf, newDraft } from './activity-draft.ts';
import { useCreateActivity } from './activity-mutations.ts';

interface QuickAddOptions {
  /** The week on screen: an activity added to another one says where it went. */
  week: string;
  defaultDay: string;
  defaultStart: string;
  /** Said once it is added (where the form does not show it itself). */
  confirm?: (activity: Activity) => string;
}

/**
 * The one quick-add (the Week's form, the phone's on Today): a draft checked before it is sent,
 * the server's errors beside the fields, and after each add the form ready for the next one.
 */
export function useQuickAdd({ week, defaultDay, defaultStart, confirm }: QuickAddOptions) {
  const create = useCreateActivity();
  const toast = useToast();
  const titleRef = useRef<HTMLInputElement>(null);
  const { errors, setErrors, passes } = useChecked(checkDraft);
  const { draft, setDraft, change } = useDraft<ActivityDraft>(
    () => newDraft(defaultDay, defaultStart),
    (patch) => {
      setErrors((current) => {
        const next = { ...current };
        for (const key of Object.keys(patch) as (keyof ActivityDraft)[]) delete next[key];
        return next;
      });
      create.reset();
    },
  );

  // Viewing another week moves the default day there.
  useEffect(() => setDraft((current) => ({ ...current, day: defaultDay })), [defaultDay, setDraft]);

  /** Adds the draft, with what the pressed button decides (a quadrant, the time): false if it did not pass. */
  const add = (decided: Partial<ActivityDraft> = {}) => {
    const sent = { ...draft, ...decided };
    if (!passes(sent)) return false;
    setDraft(sent);
    const input = inputOf(sent, { full: false });
    create.mutate(input, {
      onSuccess: (submitted) => {
        // Ready for the next one, right after this one.
        setDraft((current) => ({
          ...current,
          title: '',
          start: addMinutesToTime(current.start, Number(input.minutes)),
        }));
        titleRef.current?.focus();
        if (!('sent' in submitted)) {
          toast({ message: `Saved on this device: ‘${input.title}’ is waiting to sync` });
          return;
        }
        const activity = submitted.sent;
        const addedWeek = isoWeekOf(sent.day);
        if (addedWeek !== week) {
          toast({
            message: `Added ‘${activity.title}’ to ${addedWeek} (${formatWeekRange(addedWeek)})`,
            action: { label: 'Show', onClick: () => navigate({ page: 'week', week: addedWeek }) },
          });
        } else if (confirm) toast({ message: confirm(activity) });
      },
      onError: (error) => setErrors(draftErrorsOf(problemOf(error).fields)),
    });
    return true;
  };

  return { draft, change, errors, add, sending: create, titleRef };
}
