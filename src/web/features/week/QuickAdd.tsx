import { type FormEvent, useEffect, useRef } from 'react';
import { addMinutesToTime, formatWeekRange, isoWeekOf } from '../../shared/dates.ts';
import { FormError } from '../../shared/Field.tsx';
import { problemOf, useChecked, useDraft } from '../../shared/forms.ts';
import { navigate } from '../../shared/navigation.ts';
import { PanelHeading } from '../../shared/Panel.tsx';
import { SubmitButton } from '../../shared/SubmitButton.tsx';
import { useToast } from '../../shared/Toasts.tsx';
import { ActivityFields } from './ActivityFields.tsx';
import { type ActivityDraft, checkDraft, draftErrorsOf, inputOf, newDraft } from './activity-draft.ts';
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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!passes(draft)) return;
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
      <PanelHeading title="Quick add" subtitle="Log what you did or plan what is next; press Enter to add." />
      <FormError message={serverProblem.formMessage} />
      <div className="activity-grid activity-grid--inline">
        <ActivityFields draft={draft} errors={errors} onChange={change} titleRef={titleRef} />
        <div className="area-submit">
          <SubmitButton label="Add" busy={create.isPending} />
        </div>
      </div>
    </form>
  );
}
