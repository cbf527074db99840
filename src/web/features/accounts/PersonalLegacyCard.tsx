import { type FormEvent, useState } from 'react';
import type { PersonalLegacy } from '../../api/types.ts';
import { FormError, TextAreaField } from '../../shared/Field.tsx';
import { FormActions } from '../../shared/FormActions.tsx';
import { problemOf } from '../../shared/forms.ts';
import { usePersonalLegacy, useSavePersonalLegacy } from './accounts-queries.ts';

const PARTS = [
  { key: 'platform', label: 'Platform', hint: 'What you stand on: strengths, network, reputation' },
  { key: 'pointOfView', label: 'Point of view', hint: 'What you believe about your customers and industry' },
  { key: 'mission', label: 'Mission', hint: 'What you want to be remembered for' },
] as const;

type Part = (typeof PARTS)[number]['key'];

/** Your own legacy statement, private to you: shown as three short paragraphs, edited in place. */
export function PersonalLegacyCard() {
  const legacy = usePersonalLegacy();
  const [editing, setEditing] = useState(false);
  if (legacy.isPending) return <div className="panel panel--skeleton" aria-busy="true" />;
  if (legacy.isError) return null;
  const written = PARTS.some((p) => legacy.data[p.key]);
  return (
    <section className="panel legacy-card" aria-labelledby="my-legacy-title">
      <div className="panel__header">
        <div className="legacy-card__heading">
          <h2 className="panel__title" id="my-legacy-title">
            My legacy statement
          </h2>
          <span className="panel__subtitle">Only you see this</span>
        </div>
        {!editing && (
          <button type="button" className="button button--small" onClick={() => setEditing(true)}>
            {written ? 'Edit' : 'Write it'}
          </button>
        )}
      </div>
      {editing ? (
        <LegacyForm legacy={legacy.data} onDone={() => setEditing(false)} />
      ) : written ? (
        <dl className="legacy-parts">
          {PARTS.map((p) => (
            <div key={p.key} className="legacy-parts__part">
              <dt>{p.label}</dt>
              <dd className={legacy.data[p.key] ? undefined : 'muted'}>
                {legacy.data[p.key] ?? 'Not written yet'}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">
          The numbers are the bare minimum. What do you want to be remembered for at your customers, and by
          whoever takes over from you?
        </p>
      )}
    </section>
  );
}

function LegacyForm({ legacy, onDone }: { legacy: PersonalLegacy; onDone: () => void }) {
  const save = useSavePersonalLegacy();
  const [draft, setDraft] = useState<Record<Part, string>>({
    platform: legacy.platform ?? '',
    pointOfView: legacy.pointOfView ?? '',
    mission: legacy.mission ?? '',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        platform: draft.platform || null,
        pointOfView: draft.pointOfView || null,
        mission: draft.mission || null,
      },
      { onSuccess: onDone },
    );
  };
  const problem = problemOf(save.error);
  return (
    <form className="legacy-form" onSubmit={submit} noValidate>
      <FormError message={problem.formMessage} />
      {PARTS.map((p) => (
        <TextAreaField
          key={p.key}
          label={p.label}
          hint={p.hint}
          error={problem.fields[p.key]}
          rows={2}
          maxLength={2000}
          value={draft[p.key]}
          onChange={(text) => setDraft({ ...draft, [p.key]: text })}
        />
      ))}
      <FormActions
        className="legacy-form__actions"
        onCancel={onDone}
        label="Save"
        busy={save.isPending}
        busyLabel="Saving…"
      />
    </form>
  );
}
