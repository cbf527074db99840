import { useState } from 'react';
import { ConfirmButton } from '../../../shared/ConfirmDialog.tsx';
import { EditButton } from '../../../shared/EditButton.tsx';
import { EmptyNote } from '../../../shared/EmptyNote.tsx';
import { problemOf } from '../../../shared/forms.ts';
import { LoadedList } from '../../../shared/Loaded.tsx';
import { hrefOf } from '../../../shared/navigation.ts';
import { PageIntro } from '../../../shared/PageIntro.tsx';
import { Panel } from '../../../shared/Panel.tsx';
import { useToast } from '../../../shared/Toasts.tsx';
import { AccountDomainsPanel } from '../../accounts/AccountDomainsPanel.tsx';
import { useAccounts } from '../../accounts/accounts-queries.ts';
import { RuleEditor } from './RuleEditor.tsx';
import {
  describeActions,
  describeConditions,
  emptyRuleDraft,
  quadrantOfActions,
  type RuleDraft,
  ruleDraftOf,
} from './rule-draft.ts';
import { useDeleteRule, useReorderRules, useRules, useToggleRule } from './rules-queries.ts';

/** A rule's place in the order: one up, one down. */
const MOVES = [
  { by: -1, direction: 'up', arrow: '↑' },
  { by: 1, direction: 'down', arrow: '↓' },
] as const;

const reclassified = (changed: number) =>
  changed > 0 ? ` ${changed.toLocaleString()} ${changed === 1 ? 'event' : 'events'} re-classified.` : '';

/** #/rules: the ordered classification rules for imported events, and the accounts' email domains. */
export function RulesPage() {
  const rules = useRules();
  const accounts = useAccounts();
  const toggle = useToggleRule();
  const reorder = useReorderRules();
  const remove = useDeleteRule();
  const toast = useToast();
  const [editing, setEditing] = useState<{ id?: string; draft: RuleDraft } | null>(null);
  const failed = (what: string) => (error: unknown) =>
    toast({ tone: 'error', message: `${what}: ${problemOf(error).message}` });

  const move = (index: number, by: number) => {
    const list = rules.data;
    if (!list) return;
    const ids = list.map((r) => r.id);
    const [id] = ids.splice(index, 1);
    if (!id) return;
    ids.splice(index + by, 0, id);
    reorder.mutate(ids, {
      onSuccess: (changed) => {
        if (changed > 0) toast({ message: `Order saved.${reclassified(changed)}` });
      },
      onError: failed('The new order was not saved'),
    });
    // Keep the keyboard on the moved rule (on its other arrow once it reaches the top or bottom).
    requestAnimationFrame(() => {
      const same = document.getElementById(
        `rule-${id}-${by < 0 ? 'up' : 'down'}`,
      ) as HTMLButtonElement | null;
      const other = document.getElementById(`rule-${id}-${by < 0 ? 'down' : 'up'}`);
      (same && !same.disabled ? same : other)?.focus({ preventScroll: true });
    });
  };

  return (
    <div className="rules-page">
      <PageIntro
        title="Rules"
        intro={
          <>
            Rules classify imported events, top to bottom: for each field (quadrant, account, kind,
            commercial) the first enabled rule that matches and sets it wins. What no rule decides waits in{' '}
            <a href={hrefOf({ page: 'review' })}>Review</a>. Changes you make by hand are never overwritten.
          </>
        }
        actions={
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing({ draft: emptyRuleDraft() })}
          >
            New rule
          </button>
        }
      />

      <Panel
        title="Your rules"
        subtitle={
          rules.data && rules.data.length > 0 && `${rules.data.filter((r) => r.enabled).length} enabled`
        }
      >
        <LoadedList
          query={rules}
          what="Rules"
          rows={3}
          empty={
            <EmptyNote
              action={{
                label: 'Create the first rule',
                onClick: () => setEditing({ draft: emptyRuleDraft() }),
              }}
            >
              No rules yet. A rule says, for example, “meetings with people from northwind.com are Q2, on the
              Northwind account”.
            </EmptyNote>
          }
        >
          {(list) => (
            <ol className="rule-list">
              {list.map((rule, index) => {
                const quadrant = quadrantOfActions(rule.actions);
                const sets = describeActions(rule.actions, accounts.data);
                const when = describeConditions(rule.conditions);
                return (
                  <li
                    key={rule.id}
                    className={`rule-row${rule.enabled ? '' : ' rule-row--disabled'}`}
                    data-testid="rule-row"
                  >
                    <span className="rule-row__position" aria-hidden="true">
                      {index + 1}
                    </span>
                    <label className="switch" title={rule.enabled ? 'Enabled' : 'Disabled'}>
                      <input
                        type="checkbox"
                        role="switch"
                        checked={rule.enabled}
                        aria-checked={rule.enabled}
                        aria-label={`Enable ${rule.name}`}
                        onChange={(e) =>
                          toggle.mutate(
                            { rule, enabled: e.target.checked },
                            {
                              onSuccess: (changed) =>
                                toast({
                                  message: `‘${rule.name}’ ${e.target.checked ? 'enabled' : 'disabled'}.${reclassified(changed)}`,
                                }),
                              onError: failed(`‘${rule.name}’ was not changed`),
                            },
                          )
                        }
                      />
                      <span className="switch__track" aria-hidden="true" />
                    </label>
                    <div className="rule-row__main">
                      <span className="rule-row__name">{rule.name}</span>
                      <span className="rule-row__text">
                        <span className="muted">When </span>
                        {when.length ? when.join(' · ') : 'any event'}
                      </span>
                    </div>
                    <div className="rule-row__sets">
                      {quadrant && (
                        <span
                          className={`quadrant-badge quadrant-badge--${quadrant.id}`}
                          title={quadrant.explanation}
                        >
                          {quadrant.label} · {quadrant.name}
                        </span>
                      )}
                      {sets.map((text) => (
                        <span key={text} className="tag">
                          {text}
                        </span>
                      ))}
                    </div>
                    <div className="rule-row__actions">
                      {MOVES.map(({ by, direction, arrow }) => (
                        <button
                          key={direction}
                          type="button"
                          id={`rule-${rule.id}-${direction}`}
                          className="button button--icon button--small button--ghost"
                          aria-label={`Move ${rule.name} ${direction}`}
                          title={`Move ${direction}`}
                          disabled={by < 0 ? index === 0 : index === list.length - 1}
                          onClick={() => move(index, by)}
                        >
                          <span aria-hidden="true">{arrow}</span>
                        </button>
                      ))}
                      <EditButton
                        label={`Edit ${rule.name}`}
                        onClick={() => setEditing({ id: rule.id, draft: ruleDraftOf(rule) })}
                      />
                      <ConfirmButton
                        label={`Delete ${rule.name}`}
                        className="button button--small button--ghost button--danger"
                        title={`Delete ‘${rule.name}’?`}
                        explanation={
                          <p>
                            Events it classified are classified again by the remaining rules; those no rule
                            decides go to Review. Changes you made by hand stay.
                          </p>
                        }
                        confirmLabel="Delete rule"
                        busyLabel="Deleting…"
                        mutation={remove}
                        variables={rule}
                        done={`Deleted ‘${rule.name}’.`}
                        failed={(reason) => `The rule was not deleted: ${reason}`}
                      >
                        Delete
                      </ConfirmButton>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
        </LoadedList>
      </Panel>

      <AccountDomainsPanel />

      {editing && <RuleEditor ruleId={editing.id} initial={editing.draft} onClose={() => setEditing(null)} />}
    </div>
  );
}
