import { useId } from 'react';
import type { Me, Quadrant } from '../../api/types.ts';
import { isoWeekOf, startedMinutesAgoIn, todayIn } from '../../shared/dates.ts';
import { FormError, TextField } from '../../shared/Field.tsx';
import { formatDuration } from '../../shared/format.ts';
import { fieldsOf, problemOf } from '../../shared/forms.ts';
import { quadrantInfo } from '../../shared/quadrants.ts';
import { AccountSelect } from '../accounts/AccountSelect.tsx';
import { MinutesField } from './ActivityFields.tsx';
import { QuadrantChoices } from './QuadrantChoices.tsx';
import { useQuickAdd } from './quick-add.ts';

const CHIPS = [15, 30, 45, 60, 90] as const;

/**
 * Today's quick-add, made for a thumb between two visits: what, how long, for which account, and a
 * quadrant's button logs it, ending now (the Week's quick-add, with the day and time decided).
 */
export function QuadrantQuickAdd({ me }: { me: Me }) {
  const today = todayIn(me.timeZone);
  const { draft, change, errors, add, sending, titleRef } = useQuickAdd({
    week: isoWeekOf(today),
    defaultDay: today,
    defaultStart: startedMinutesAgoIn(me.timeZone, 60),
    confirm: (activity) => {
      const q = quadrantInfo(activity.quadrant);
      return `Logged ‘${activity.title}’: ${formatDuration(activity.minutes)}, ${q.label} ${q.name}`;
    },
  });
  const field = fieldsOf(draft, change, errors);
  const titleId = useId();
  const addAs = (quadrant: Quadrant) => {
    const { urgent, important } = quadrantInfo(quadrant);
    const minutes = Number(draft.minutes) || 0;
    add({ day: todayIn(me.timeZone), start: startedMinutesAgoIn(me.timeZone, minutes), urgent, important });
  };
  // An error the fields do not show (the day or start was the app's choice, not the person's).
  const unshown = errors.day ?? errors.start;
  return (
    <form
      className="panel big-add"
      aria-labelledby={titleId}
      noValidate
      // Enter in the title does nothing: a quadrant's button adds.
      onSubmit={(event) => event.preventDefault()}
    >
      <h2 className="panel__title big-add__title" id={titleId}>
        Log time
      </h2>
      <FormError message={problemOf(sending.error).formMessage ?? unshown} />
      <TextField
        label="What did you do?"
        {...field('title')}
        ref={titleRef}
        placeholder="e.g. Site visit at Northwind"
        autoComplete="off"
        enterKeyHint="done"
        maxLength={300}
      />
      <MinutesField
        value={draft.minutes}
        error={errors.minutes}
        chips={CHIPS}
        onChange={(minutes) => change({ minutes })}
        className="big-add__minutes"
      />
      <AccountSelect {...field('accountId')} onChange={(accountId) => change({ accountId, goalId: '' })} />
      <fieldset className="big-add__quadrants" aria-describedby={`${titleId}-ends`}>
        <legend className="field__label">Add it as</legend>
        <QuadrantChoices layout="grid" verb="Add as" disabled={sending.isPending} onChoose={addAs} />
        <p className="muted small" id={`${titleId}-ends`}>
          Logged today, ending now.
        </p>
      </fieldset>
    </form>
  );
}
