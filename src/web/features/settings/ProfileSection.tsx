import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Me, MePatch } from '../../api/types.ts';
import { Field, FormError, TextField } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { Panel } from '../../shared/Panel.tsx';
import { QUADRANTS } from '../../shared/quadrants.ts';
import { ME_KEY } from '../../shared/query-client.ts';
import { SettingsSection } from '../../shared/SettingsSection.tsx';
import { SubmitButton } from '../../shared/SubmitButton.tsx';
import { ColumnHeads } from '../../shared/Table.tsx';
import { TimeZoneField } from '../../shared/TimeZoneField.tsx';
import { useToast } from '../../shared/Toasts.tsx';
import { ROLE_LABELS } from '../people/labels.ts';
import { refreshWeekData } from '../week/week-queries.ts';
import { parseTargets, type TargetErrors, type TargetsDraft, targetsDraftOf } from './targets-form.ts';

function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: MePatch) => api.PATCH('/me', { body: patch }),
    onSuccess: (me) => {
      queryClient.setQueryData(ME_KEY, me);
      // Targets and the time zone change every report.
      return refreshWeekData(queryClient);
    },
  });
}

/** Settings → Profile: name, time zone and quadrant targets. */
export function ProfileSection({ me }: { me: Me }) {
  const update = useUpdateMe();
  const toast = useToast();
  const [name, setName] = useState(me.name);
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const [targets, setTargets] = useState<TargetsDraft>(() => targetsDraftOf(me.targets));
  const [localErrors, setLocalErrors] = useState<TargetErrors>({});
  const server = problemOf(update.error);
  const errors: TargetErrors = { ...server.fields, ...localErrors };

  const setBound = (q: keyof TargetsDraft, side: 'min' | 'max', value: string) => {
    setTargets((current) => ({ ...current, [q]: { ...current[q], [side]: value } }));
    setLocalErrors({});
    update.reset();
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseTargets(targets);
    const nameError = name.trim() ? {} : { name: 'Your name must not be empty' };
    setLocalErrors({ ...parsed.errors, ...nameError });
    if (Object.keys(parsed.errors).length || nameError.name) return;
    update.mutate(
      { name: name.trim(), timeZone, targets: parsed.targets },
      { onSuccess: () => toast({ message: 'Settings saved.' }) },
    );
  };

  return (
    <SettingsSection
      title="Profile"
      intro={`${me.email} · ${ROLE_LABELS[me.role]} of ${me.workspace.name}`}
      onSubmit={save}
    >
      <FormError message={server.formMessage} />

      <section className="panel settings__section" aria-label="Name and time zone">
        <div className="settings__grid">
          <TextField
            label="Name"
            error={errors.name}
            value={name}
            onChange={(value) => {
              setName(value);
              setLocalErrors({});
            }}
            autoComplete="name"
          />
          <TimeZoneField
            value={timeZone}
            onChange={setTimeZone}
            error={errors.timeZone}
            hint="Your weeks run from Monday 00:00 to Sunday 24:00 in this time zone."
          />
        </div>
      </section>

      <Panel
        title="Quadrant targets"
        subtitle="Share of your week, in %. Leave a bound blank for none."
        className="settings__section"
        named={false}
      >
        {errors.targets && <p className="form-error">{errors.targets}</p>}
        <table className="targets-table" aria-label="Targets per quadrant">
          <ColumnHeads names={['Quadrant', 'At least', 'At most']} />
          <tbody>
            {QUADRANTS.map((q) => {
              const rowError = errors[`targets.${q.id}`];
              return (
                <tr key={q.id}>
                  <td>
                    <div className="targets-table__quadrant">
                      <span className={`dot bg-${q.id}`} aria-hidden="true" />
                      <div>
                        <strong>
                          {q.label} {q.name}
                        </strong>
                        <p className="muted small">{q.explanation}</p>
                        {rowError && <p className="field__error">{rowError}</p>}
                      </div>
                    </div>
                  </td>
                  {(['min', 'max'] as const).map((side) => (
                    <td key={side}>
                      <Field
                        label={`${q.label} ${side === 'min' ? 'minimum' : 'maximum'} %`}
                        error={errors[`targets.${q.id}.${side}`]}
                        className="field--compact"
                      >
                        {(control) => (
                          <span className="percent-input">
                            <input
                              {...control}
                              inputMode="decimal"
                              value={targets[q.id][side]}
                              onChange={(e) => setBound(q.id, side, e.target.value)}
                              placeholder="–"
                            />
                            <span aria-hidden="true">%</span>
                          </span>
                        )}
                      </Field>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </Panel>

      <div className="settings__actions">
        <SubmitButton label="Save settings" busy={update.isPending} busyLabel="Saving…" />
      </div>
    </SettingsSection>
  );
}
