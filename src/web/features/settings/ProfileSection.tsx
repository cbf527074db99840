import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Me, MePatch } from '../../api/types.ts';
import { Field, FormError } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { QUADRANTS } from '../../shared/quadrants.ts';
import { ME_KEY } from '../../shared/query-client.ts';
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
    <form className="settings-section" onSubmit={save} noValidate aria-labelledby="profile-title">
      <header className="settings-section__head">
        <div>
          <h2 id="profile-title">Profile</h2>
          <p className="muted">
            {me.email} · {ROLE_LABELS[me.role]} of {me.workspace.name}
          </p>
        </div>
      </header>
      <FormError message={Object.keys(server.fields).length ? null : server.message} />

      <section className="panel settings__section" aria-label="Name and time zone">
        <div className="settings__grid">
          <Field label="Name" error={errors.name}>
            {(control) => (
              <input
                {...control}
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setLocalErrors({});
                }}
                autoComplete="name"
              />
            )}
          </Field>
          <TimeZoneField
            value={timeZone}
            onChange={setTimeZone}
            error={errors.timeZone}
            hint="Your weeks run from Monday 00:00 to Sunday 24:00 in this time zone."
          />
        </div>
      </section>

      <section className="panel settings__section">
        <div className="panel__header">
          <h2 className="panel__title">Quadrant targets</h2>
          <span className="panel__subtitle">Share of your week, in %. Leave a bound blank for none.</span>
        </div>
        {errors.targets && <p className="form-error">{errors.targets}</p>}
        <table className="targets-table" aria-label="Targets per quadrant">
          <thead>
            <tr>
              <th scope="col">Quadrant</th>
              <th scope="col">At least</th>
              <th scope="col">At most</th>
            </tr>
          </thead>
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
      </section>

      <div className="settings__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
