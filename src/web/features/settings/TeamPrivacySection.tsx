import type { FormEvent } from 'react';
import type { TeamPrivacy, TeamPrivacyMode } from '../../api/types.ts';
import { FormError, NumberField } from '../../shared/Field.tsx';
import { fieldsOf, problemOf, useChecked, useDraft } from '../../shared/forms.ts';
import { ListSkeleton, Loaded } from '../../shared/Loaded.tsx';
import { SettingsSection } from '../../shared/SettingsSection.tsx';
import { SubmitButton } from '../../shared/SubmitButton.tsx';
import { useToast } from '../../shared/Toasts.tsx';
import { useSetTeamPrivacy, useTeamPrivacy } from '../team/team-queries.ts';

export const PRIVACY_MODES: { id: TeamPrivacyMode; label: string; explanation: string }[] = [
  {
    id: 'per-person',
    label: 'Per person',
    explanation:
      'Leaders see each of their people: hours, quadrant split against their targets, the Q2 trend, planned vs actual Q2 and whether they reflected. For coaching.',
  },
  {
    id: 'aggregate',
    label: 'Aggregate only',
    explanation:
      'Leaders see team totals only, and only for groups large enough not to point at anyone. No per-person rows, no heatmap.',
  },
];

type Draft = { mode: TeamPrivacyMode; minGroupSize: string };

/** Settings → Team privacy (the owner's only): what leaders' team pages show of each person. */
export function TeamPrivacySection() {
  const privacy = useTeamPrivacy();
  return (
    <SettingsSection
      title="Team privacy"
      intro="What leaders see of their people on the team page. Everyone can check what their leader sees in Settings → What my leader sees."
    >
      <Loaded query={privacy} what="Team privacy" retry loading={<ListSkeleton rows={2} />}>
        {(current) => <PrivacyForm current={current} />}
      </Loaded>
    </SettingsSection>
  );
}

function PrivacyForm({ current }: { current: TeamPrivacy }) {
  const save = useSetTeamPrivacy();
  const toast = useToast();
  const checked = useChecked((draft: Draft) =>
    /^\d+$/.test(draft.minGroupSize.trim()) ? {} : { minGroupSize: 'Enter a whole number of people' },
  );
  const { draft, change } = useDraft<Draft>(
    { mode: current.mode, minGroupSize: String(current.minGroupSize) },
    () => {
      checked.setErrors({});
      save.reset();
    },
  );
  const server = problemOf(save.error);
  const field = fieldsOf(draft, change, { ...server.fields, ...checked.errors });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!checked.passes(draft)) return;
    save.mutate(
      { mode: draft.mode, minGroupSize: Number(draft.minGroupSize.trim()) },
      { onSuccess: () => toast({ message: 'Team privacy saved.' }) },
    );
  };

  return (
    <form className="panel stack team-privacy-form" onSubmit={submit} noValidate aria-label="Team privacy">
      <FormError message={server.formMessage} />
      <fieldset className="privacy-modes">
        <legend className="field__label">What team pages show</legend>
        {PRIVACY_MODES.map((mode) => (
          <label
            key={mode.id}
            className={draft.mode === mode.id ? 'privacy-mode privacy-mode--chosen' : 'privacy-mode'}
          >
            <input
              type="radio"
              name="team-privacy-mode"
              value={mode.id}
              checked={draft.mode === mode.id}
              onChange={() => change({ mode: mode.id })}
            />
            <span>
              <strong>{mode.label}</strong>
              <span className="muted">{mode.explanation}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <NumberField
        label="Smallest group for team totals"
        className="team-privacy-form__size"
        min={5}
        {...field('minGroupSize')}
        hint="At least 5. In aggregate mode a team (and an account's hours) is shown only when this many people or more logged time; smaller groups would point at people."
      />
      <div>
        <SubmitButton label="Save team privacy" busy={save.isPending} busyLabel="Saving…" />
      </div>
    </form>
  );
}
