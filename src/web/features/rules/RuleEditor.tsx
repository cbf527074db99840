import { type FormEvent, type MouseEvent, useEffect, useRef, useState } from 'react';
import { ACTIVITY_KINDS, type ActivityKind, type RulePreview } from '../../api/types.ts';
import { formatWhen } from '../../shared/dates.ts';
import { Field, FormError } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { KIND_LABELS, QUADRANT_IDS, quadrantInfo, quadrantOf } from '../../shared/quadrants.ts';
import { useToast } from '../../shared/Toasts.tsx';
import { useAccounts } from '../week/week-queries.ts';
import {
  checkRuleDraft,
  INTERNAL,
  KEEP,
  type RuleDraft,
  type RuleErrors,
  ruleInputOf,
} from './rule-draft.ts';
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
  const dialog = useRef<HTMLDialogElement>(null);
  const accounts = useAccounts();
  const save = useSaveRule();
  const preview = usePreviewRule();
  const toast = useToast();
  const [draft, setDraft] = useState<RuleDraft>(initial);
  const [errors, setErrors] = useState<RuleErrors>({});
  const [tested, setTested] = useState<RuleDraft | null>(null);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

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

  const valid = () => {
    const problems = checkRuleDraft(draft);
    setErrors(problems);
    return Object.keys(problems).length === 0;
  };

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

  const submit = (event: FormEvent) => {
    event.preventDefault();
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

  const closeOnBackdrop = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === dialog.current) onClose();
  };

  /** A field's error, also when the server names a part of it (`conditions.titleWords.2`). */
  const err = (key: string) =>
    errors[key] ?? Object.entries(errors).find(([field]) => field.startsWith(`${key}.`))?.[1];
  const quadrant = quadrantInfo(quadrantOf(draft));
  const problem = problemOf(save.error);
  const previewProblem = problemOf(preview.error);
  const stale = tested !== null && tested !== draft;

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape already closes a modal dialog; the click is for the backdrop only.
    <dialog
      ref={dialog}
      className="dialog dialog--wide"
      aria-labelledby="rule-editor-title"
      onClose={onClose}
      onClick={closeOnBackdrop}
    >
      <form className="dialog__body" onSubmit={submit} noValidate>
        <header className="dialog__header">
          <h2 id="rule-editor-title">{ruleId ? 'Edit rule' : 'New rule'}</h2>
          <button type="button" className="button button--icon button--ghost" onClick={onClose}>
            <span aria-hidden="true">×</span>
            <span className="sr-only">Close</span>
          </button>
        </header>
        <FormError message={Object.keys(problem.fields).length ? null : problem.message} />
        <Field label="Rule name" error={errors.name}>
          {(control) => (
            <input
              {...control}
              autoFocus
              value={draft.name}
              maxLength={200}
              placeholder="e.g. Northwind meetings"
              autoComplete="off"
              onChange={(e) => change({ name: e.target.value })}
            />
          )}
        </Field>

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
            <Field
              label="Title words"
              error={err('conditions.titleWords')}
              hint="Any of these words or phrases, comma-separated, e.g. standup, weekly sync"
            >
              {(control) => (
                <input
                  {...control}
                  value={draft.titleWords}
                  autoComplete="off"
                  onChange={(e) => change({ titleWords: e.target.value })}
                />
              )}
            </Field>
            <Field label="Title pattern (regular expression)" error={err('conditions.titleRegex')}>
              {(control) => (
                <input
                  {...control}
                  value={draft.titleRegex}
                  autoComplete="off"
                  spellCheck={false}
                  className="mono"
                  placeholder="e.g. ^(QBR|Quarterly)"
                  onChange={(e) => change({ titleRegex: e.target.value })}
                />
              )}
            </Field>
            <Field
              label="Attendee email domains"
              error={err('conditions.attendeeDomains')}
              hint="Someone from any of them (subdomains too), e.g. northwind.com"
            >
              {(control) => (
                <input
                  {...control}
                  value={draft.attendeeDomains}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => change({ attendeeDomains: e.target.value })}
                />
              )}
            </Field>
            <label className="check">
              <input
                type="checkbox"
                checked={draft.allAttendeesInternal}
                onChange={(e) => change({ allAttendeesInternal: e.target.checked })}
              />
              <span>All attendees are internal (your own email domain)</span>
            </label>
            <Field
              label="Attendees from an account"
              error={err('conditions.attendeeFromAccount')}
              hint="Someone whose email domain belongs to one of your accounts (see Accounts & domains)"
            >
              {(control) => (
                <select
                  {...control}
                  value={draft.attendeeFromAccount}
                  onChange={(e) =>
                    change({ attendeeFromAccount: e.target.value as RuleDraft['attendeeFromAccount'] })
                  }
                >
                  <option value="any">Any</option>
                  <option value="yes">At least one</option>
                  <option value="no">None</option>
                </select>
              )}
            </Field>
            <div className="rule-editor__pair">
              <Field label="Organizer" error={err('conditions.organizer')}>
                {(control) => (
                  <input
                    {...control}
                    value={draft.organizer}
                    autoComplete="off"
                    placeholder="email or domain"
                    onChange={(e) => change({ organizer: e.target.value })}
                  />
                )}
              </Field>
              <Field label="Location contains" error={err('conditions.location')}>
                {(control) => (
                  <input
                    {...control}
                    value={draft.location}
                    autoComplete="off"
                    onChange={(e) => change({ location: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <div className="rule-editor__triple">
              <Field label="Min minutes" error={err('conditions.minMinutes')}>
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    min={0}
                    max={1440}
                    inputMode="numeric"
                    value={draft.minMinutes}
                    onChange={(e) => change({ minMinutes: e.target.value })}
                  />
                )}
              </Field>
              <Field label="Max minutes" error={err('conditions.maxMinutes')}>
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    min={0}
                    max={1440}
                    inputMode="numeric"
                    value={draft.maxMinutes}
                    onChange={(e) => change({ maxMinutes: e.target.value })}
                  />
                )}
              </Field>
              <Field label="Recurring" error={err('conditions.recurring')}>
                {(control) => (
                  <select
                    {...control}
                    value={draft.recurring}
                    onChange={(e) => change({ recurring: e.target.value as RuleDraft['recurring'] })}
                  >
                    <option value="any">Any</option>
                    <option value="yes">Recurring only</option>
                    <option value="no">One-off only</option>
                  </select>
                )}
              </Field>
            </div>
          </fieldset>

          <fieldset className="rule-editor__group">
            <legend>…then set</legend>
            <p className="muted small">Fields you leave unchanged can be set by a later rule.</p>
            {errors.actions && <p className="field__error">{errors.actions}</p>}
            <div className="flags">
              <label className="check">
                <input
                  type="checkbox"
                  checked={draft.setQuadrant}
                  onChange={(e) => change({ setQuadrant: e.target.checked })}
                />
                <span>Set the quadrant</span>
              </label>
              <div className="flags__row">
                <label className="toggle">
                  <input
                    type="checkbox"
                    checked={draft.urgent}
                    disabled={!draft.setQuadrant}
                    onChange={(e) => change({ urgent: e.target.checked })}
                  />
                  <span>Urgent</span>
                </label>
                <label className="toggle">
                  <input
                    type="checkbox"
                    checked={draft.important}
                    disabled={!draft.setQuadrant}
                    onChange={(e) => change({ important: e.target.checked })}
                  />
                  <span>Important</span>
                </label>
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
            <Field label="Account" error={err('actions.accountId')}>
              {(control) => (
                <select
                  {...control}
                  value={draft.account}
                  onChange={(e) => change({ account: e.target.value })}
                >
                  <option value={KEEP}>Unchanged</option>
                  <option value={INTERNAL}>Internal (no account)</option>
                  {accounts.data?.map((account) => (
                    <option key={account.id} value={account.id}>
                      {account.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Kind" error={err('actions.kind')}>
              {(control) => (
                <select
                  {...control}
                  value={draft.kind}
                  onChange={(e) => change({ kind: e.target.value as ActivityKind | '' })}
                >
                  <option value="">Unchanged</option>
                  {ACTIVITY_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {KIND_LABELS[kind]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Commercial" error={err('actions.commercial')}>
              {(control) => (
                <select
                  {...control}
                  value={draft.commercial}
                  onChange={(e) => change({ commercial: e.target.value as RuleDraft['commercial'] })}
                >
                  <option value="">Unchanged</option>
                  <option value="yes">Commercial</option>
                  <option value="no">Relationship (non-commercial)</option>
                </select>
              )}
            </Field>
          </fieldset>
        </div>

        <section className="rule-test" aria-live="polite">
          <div className="rule-test__bar">
            <button type="button" className="button" onClick={test} disabled={preview.isPending}>
              {preview.isPending ? 'Testing…' : 'Test against the last 8 weeks'}
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

        <footer className="dialog__footer">
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save rule'}
          </button>
        </footer>
      </form>
    </dialog>
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
