import { useState } from 'react';
import { ACTIVITY_KINDS, type ActivityKind, type RulePreview } from '../../../api/types.ts';
import { formatWhen } from '../../../shared/dates.ts';
import { Check, NumberField, Options, SelectField, TextField } from '../../../shared/Field.tsx';
import { FormDialog } from '../../../shared/FormDialog.tsx';
import { checksOf, fieldsOf, problemOf, useChecked } from '../../../shared/forms.ts';
import { KIND_LABELS, QUADRANT_IDS, quadrantInfo, quadrantOf } from '../../../shared/quadrants.ts';
import { useToast } from '../../../shared/Toasts.tsx';
import { AccountOptions } from './AccountOptions.tsx';
import { checkRuleDraft, type RuleDraft, type RuleErrors, ruleInputOf } from './rule-draft.ts';
import { usePreviewRule, useSaveRule } from './rules-queries.ts';

interface RuleEditorProps {
  /** Set when editing a saved rule. */
  ruleId?: string;
  initial: RuleDraft;
  onClose: () => void;
}

/** The API's name for each draft field (conditions keep their names under `conditions.`). */
const FIELD_OF: Record<string, string> = {
  name: 'name',
  setQuadrant: 'actions',
  urgent: 'actions.urgent',
  important: 'actions.important',
  account: 'actions.accountId',
  kind: 'actions.kind',
  commercial: 'actions.commercial',
  titleWords: 'conditions.titleWords',
  titleRegex: 'conditions.titleRegex',
  attendeeDomains: 'conditions.attendeeDomains',
  allAttendeesInternal: 'conditions.allAttendeesInternal',
  attendeeFromAccount: 'conditions.attendeeFromAccount',
  organizer: 'conditions.organizer',
  location: 'conditions.location',
  minMinutes: 'conditions.minMinutes',
  maxMinutes: 'conditions.maxMinutes',
  recurring: 'conditions.recurring',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The modal rule editor: conditions, actions, a dry test over recent events, and save + re-apply. */
export function RuleEditor({ ruleId, initial, onClose }: RuleEditorProps) {
  const save = useSaveRule();
  const preview = usePreviewRule();
  const toast = useToast();
  const [draft, setDraft] = useState<RuleDraft>(initial);
  const { errors, setErrors, passes } = useChecked<RuleDraft, RuleErrors>(checkRuleDraft);
  const [tested, setTested] = useState<RuleDraft | null>(null);

  const change = (patch: Partial<RuleDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    // A field's errors go as it changes (the server names them `conditions.titleWords.2` and so on).
    const fields = Object.keys(patch).map((key) => FIELD_OF[key] ?? key);
    setErrors((current) =>
      Object.fromEntries(
        Object.entries(current).filter(
          ([field]) =>
            field !== 'conditions' &&
            field !== 'actions' &&
            !fields.some((f) => field === f || field.startsWith(`${f}.`)),
        ),
      ),
    );
    save.reset();
  };

  const valid = () => passes(draft);

  const test = () => {
    if (!valid()) return;
    const snapshot = draft;
    preview.mutate(
      { ...ruleInputOf(draft), id: ruleId },
      {
        onSuccess: () => setTested(snapshot),
        onError: (error) => setErrors(problemOf(error).fields),
      },
    );
  };

  const submit = () => {
    if (!valid()) return;
    save.mutate(
      { id: ruleId, input: ruleInputOf(draft) },
      {
        onSuccess: ({ changed }) => {
          toast({
            message: `Rule saved; ${plural(changed, 'event')} re-classified.`,
          });
          onClose();
        },
        onError: (error) => setErrors(problemOf(error).fields),
      },
    );
  };

  /** A field's error, also when the server names a part of it (`conditions.titleWords.2`). */
  const err = (key: string) =>
    errors[key] ?? Object.entries(errors).find(([field]) => field.startsWith(`${key}.`))?.[1];
  const field = fieldsOf(
    draft,
    change,
    Object.fromEntries(Object.keys(draft).map((key) => [key, err(FIELD_OF[key] ?? key)])),
  );
  const check = checksOf(draft, change);
  const quadrant = quadrantInfo(quadrantOf(draft));
  const previewProblem = problemOf(preview.error);
  const stale = tested !== null && tested !== draft;

  return (
    <FormDialog
      title={ruleId ? 'Edit rule' : 'New rule'}
      className="dialog--wide"
      onSubmit={submit}
      onClose={onClose}
      sending={save}
      saveLabel="Save rule"
    >
      <TextField
        label="Rule name"
        {...field('name')}
        autoFocus
        maxLength={200}
        placeholder="e.g. Northwind meetings"
        autoComplete="off"
      />

      <div className="rule-editor">
        <fieldset className="rule-editor__group">
          <legend>When an imported event…</legend>
          <p className="muted small">Every condition you fill in must hold.</p>
          {errors.conditions ? (
            <p className="field__error">{errors.conditions}</p>
          ) : (
            Object.keys(ruleInputOf(draft).conditions).length === 0 && (
              <p className="rule-editor__warning">
                No conditions yet: this rule would match every imported event.
              </p>
            )
          )}
          <TextField
            label="Title words"
            {...field('titleWords')}
            hint="Any of these words or phrases, comma-separated, e.g. standup, weekly sync"
            autoComplete="off"
          />
          <TextField
            label="Title pattern (regular expression)"
            {...field('titleRegex')}
            autoComplete="off"
            spellCheck={false}
            inputClassName="mono"
            placeholder="e.g. ^(QBR|Quarterly)"
          />
          <TextField
            label="Attendee email domains"
            {...field('attendeeDomains')}
            hint="Someone from any of them (subdomains too), e.g. northwind.com"
            autoComplete="off"
            spellCheck={false}
          />
          <Check
            label="All attendees are internal (your own email domain)"
            {...check('allAttendeesInternal')}
          />
          <SelectField<RuleDraft['attendeeFromAccount']>
            label="Attendees from an account"
            {...field('attendeeFromAccount')}
            hint="Someone whose email domain belongs to one of your accounts (see Accounts & domains)"
          >
            <option value="any">Any</option>
            <option value="yes">At least one</option>
            <option value="no">None</option>
          </SelectField>
          <div className="rule-editor__pair">
            <TextField
              label="Organizer"
              {...field('organizer')}
              autoComplete="off"
              placeholder="email or domain"
            />
            <TextField label="Location contains" {...field('location')} autoComplete="off" />
          </div>
          <div className="rule-editor__triple">
            <NumberField label="Min minutes" {...field('minMinutes')} min={0} max={1440} />
            <NumberField label="Max minutes" {...field('maxMinutes')} min={0} max={1440} />
            <SelectField<RuleDraft['recurring']> label="Recurring" {...field('recurring')}>
              <option value="any">Any</option>
              <option value="yes">Recurring only</option>
              <option value="no">One-off only</option>
            </SelectField>
          </div>
        </fieldset>

        <fieldset className="rule-editor__group">
          <legend>…then set</legend>
          <p className="muted small">Fields you leave unchanged can be set by a later rule.</p>
          {errors.actions && <p className="field__error">{errors.actions}</p>}
          <div className="flags">
            <Check label="Set the quadrant" {...check('setQuadrant')} />
            <div className="flags__row">
              <Check label="Urgent" {...check('urgent')} disabled={!draft.setQuadrant} toggle />
              <Check label="Important" {...check('important')} disabled={!draft.setQuadrant} toggle />
              {draft.setQuadrant ? (
                <span
                  className={`quadrant-badge quadrant-badge--${quadrant.id}`}
                  title={quadrant.explanation}
                >
                  {quadrant.label} · {quadrant.name}
                </span>
              ) : (
                <span className="muted small">Unchanged</span>
              )}
            </div>
          </div>
          <SelectField label="Account" {...field('account')}>
            <AccountOptions keepLabel="Unchanged" />
          </SelectField>
          <SelectField<ActivityKind | ''> label="Kind" {...field('kind')}>
            <option value="">Unchanged</option>
            <Options values={ACTIVITY_KINDS} labels={KIND_LABELS} />
          </SelectField>
          <SelectField<RuleDraft['commercial']> label="Commercial" {...field('commercial')}>
            <option value="">Unchanged</option>
            <option value="yes">Commercial</option>
            <option value="no">Relationship (non-commercial)</option>
          </SelectField>
        </fieldset>
      </div>

      <section className="rule-test" aria-live="polite">
        <div className="rule-test__bar">
          <button type="button" className="button" onClick={test} disabled={preview.isPending}>
            {preview.isPending ? 'Testing…' : 'Test against the last and next 8 weeks'}
          </button>
          {preview.data && !preview.isPending && (
            <p className="rule-test__result" data-testid="rule-test-result">
              Matches <strong>{plural(preview.data.matched, 'event')}</strong>, would change{' '}
              <strong>{preview.data.wouldChange.toLocaleString()}</strong>
              {stale && <span className="muted"> (before your last edit; test again)</span>}
            </p>
          )}
          {preview.isError && Object.keys(previewProblem.fields).length === 0 && (
            <p className="field__error" role="alert">
              The test failed: {previewProblem.message}
            </p>
          )}
        </div>
        {preview.data && preview.data.sample.length > 0 && <PreviewSample preview={preview.data} />}
      </section>
    </FormDialog>
  );
}

/** `q3` → a Q3 badge; anything else (unclassified, an account name…) as text. */
function Outcome({ value }: { value: string | null }) {
  if (value && (QUADRANT_IDS as readonly string[]).includes(value)) {
    const info = quadrantInfo(value as (typeof QUADRANT_IDS)[number]);
    return (
      <span className={`quadrant-badge quadrant-badge--${info.id} quadrant-badge--small`} title={info.name}>
        {info.label}
      </span>
    );
  }
  return <span className="muted">{value ?? 'unclassified'}</span>;
}

function PreviewSample({ preview }: { preview: RulePreview }) {
  return (
    <ul className="rule-test__sample">
      {preview.sample.map((item) => (
        <li key={item.id}>
          <span className="rule-test__title" title={item.title}>
            {item.title}
          </span>
          <span className="muted small">{formatWhen(item.startsAt)}</span>
          <span className="rule-test__change">
            <Outcome value={item.from} />
            <span aria-hidden="true">→</span>
            <span className="sr-only">becomes</span>
            <Outcome value={item.to} />
          </span>
        </li>
      ))}
    </ul>
  );
}
