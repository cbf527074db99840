import { type FormEvent, useEffect, useRef, useState } from 'react';
import { addMinutesToTime, formatWeekRange, isoWeekOf } from '../../shared/dates.ts';
import { FormError } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { navigate } from '../../shared/navigation.ts';
import { useToast } from '../../shared/Toasts.tsx';
import { ActivityFields } from './ActivityFields.tsx';
import {
  type ActivityDraft,
  checkDraft,
  type DraftErrors,
  draftErrorsOf,
  inputOf,
  newDraft,
} from './activity-draft.ts';
import { useCreateActivity } from './activity-mutations.ts';

interface QuickAddProps {
  week: string;
  defaultDay: string;
  defaultStart: string;
}

export function QuickAdd({ week, defaultDay, defaultStart }: QuickAddProps) {
  const create = useCreateActivity();
  const toast = useToast();
  const titleRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<ActivityDraft>(() => newDraft(defaultDay, defaultStart));
  const [errors, setErrors] = useState<DraftErrors>({});

  // Viewing another week moves the default day there.
  useEffect(() => setDraft((current) => ({ ...current, day: defaultDay })), [defaultDay]);

  const change = (patch: Partial<ActivityDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as (keyof ActivityDraft)[]) delete next[key];
      return next;
    });
    create.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = checkDraft(draft);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    create.mutate(inputOf(draft, { full: false }), {
      onSuccess: (activity) => {
        // Ready for the next one, right after this one.
        setDraft((current) => ({
          ...current,
          title: '',
          start: addMinutesToTime(current.start, activity.minutes),
        }));
        titleRef.current?.focus();
        const addedWeek = isoWeekOf(draft.day);
        if (addedWeek !== week) {
          toast({
            message: `Added ‘${activity.title}’ to ${addedWeek} (${formatWeekRange(addedWeek)})`,
            action: { label: 'Show', onClick: () => navigate({ page: 'week', week: addedWeek }) },
          });
        }
      },
      onError: (error) => setErrors(draftErrorsOf(problemOf(error).fields)),
    });
  };

  const serverProblem = problemOf(create.error);
  return (
    <form className="panel quick-add" onSubmit={submit} noValidate>
      <div className="panel__header">
        <h2 className="panel__title">Quick add</h2>
        <p className="panel__subtitle">Log what you did or plan what is next; press Enter to add.</p>
      </div>
      <FormError message={Object.keys(serverProblem.fields).length ? null : serverProblem.message} />
      <div className="activity-grid activity-grid--inline">
        <ActivityFields draft={draft} errors={errors} onChange={change} titleRef={titleRef} />
        <div className="area-submit">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            Add
          </button>
        </div>
      </div>
    </form>
  );
}
