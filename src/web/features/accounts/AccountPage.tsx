import { useState } from 'react';
import { ConfirmDialog } from '../../shared/ConfirmDialog.tsx';
import { SelectField } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { hrefOf } from '../../shared/navigation.ts';
import { useToast } from '../../shared/Toasts.tsx';
import {
  type Connectivity,
  type StakeholderView,
  useAccounts,
  useConnectivity,
  useDeleteStakeholder,
  useStakeholders,
} from './accounts-queries.ts';
import { StakeholderDialog } from './StakeholderDialog.tsx';
import {
  ATTITUDE_LABELS,
  FUNCTION_LABELS,
  FUNCTIONS,
  LEVEL_LABELS,
  LEVELS,
  lastContactOf,
  WARNING_SHORT,
} from './stakeholder-labels.ts';

const LOSING_TOUCH_DAYS = ['30', '60', '90'] as const;
type LosingTouchDays = (typeof LOSING_TOUCH_DAYS)[number];

/** #/accounts/<id>: one customer's people, how they cover its functions and levels, and who is drifting. */
export function AccountPage({ accountId }: { accountId: string }) {
  const accounts = useAccounts();
  const people = useStakeholders(accountId);
  const [days, setDays] = useState<LosingTouchDays>('60');
  const connectivity = useConnectivity(accountId, Number(days));
  const [editing, setEditing] = useState<{ stakeholder?: StakeholderView } | null>(null);
  const [deleting, setDeleting] = useState<StakeholderView | null>(null);
  const remove = useDeleteStakeholder(accountId);
  const toast = useToast();

  const account = accounts.data?.find((a) => a.id === accountId);
  if (accounts.isPending) return <div className="page-skeleton" aria-busy="true" />;
  if (!account) {
    return (
      <div className="accounts-page">
        <div className="empty-note">
          <p>This account does not exist, or was removed.</p>
          <a className="button" href={hrefOf({ page: 'accounts' })}>
            All accounts
          </a>
        </div>
      </div>
    );
  }

  const add = () => setEditing({});
  return (
    <div className="accounts-page">
      <div className="page-intro page-intro--row">
        <div>
          <a className="account-back" href={hrefOf({ page: 'accounts' })}>
            ← Accounts
          </a>
          <h1>{account.name}</h1>
          <p className="muted">{account.domains?.length ? account.domains.join(', ') : 'No email domains'}</p>
        </div>
        <button type="button" className="button button--primary" onClick={add}>
          Add stakeholder
        </button>
      </div>

      {connectivity.data?.warnings.map((warning) => (
        <div
          key={warning.kind}
          className="account-warning"
          role="status"
          data-testid={`warning-${warning.kind}`}
        >
          <span className="account-warning__dot" aria-hidden="true" />
          <strong>{WARNING_SHORT[warning.kind] ?? warning.kind}</strong>
          <span>{warning.message}</span>
        </div>
      ))}

      <div className="account-layout">
        <section className="panel" aria-labelledby="coverage-title">
          <div className="panel__header">
            <h2 className="panel__title" id="coverage-title">
              Coverage
            </h2>
            {connectivity.data && (
              <span className="panel__subtitle">
                {connectivity.data.breadth.functions} of {FUNCTIONS.length} functions,{' '}
                {connectivity.data.breadth.levels} of {LEVELS.length} levels
              </span>
            )}
          </div>
          {connectivity.isPending ? (
            <div className="list-skeleton" aria-busy="true">
              <span />
              <span />
            </div>
          ) : connectivity.isError ? (
            <p className="form-error" role="alert">
              Coverage could not be loaded: {problemOf(connectivity.error).message}
            </p>
          ) : (
            <CoverageGrid coverage={connectivity.data.coverage} />
          )}
        </section>

        <section className="panel" aria-labelledby="losing-touch-title">
          <div className="panel__header">
            <h2 className="panel__title" id="losing-touch-title">
              Losing touch
            </h2>
            <SelectField<LosingTouchDays>
              label="No contact for"
              className="field--inline"
              value={days}
              onChange={setDays}
            >
              {LOSING_TOUCH_DAYS.map((d) => (
                <option key={d} value={d}>
                  {d} days
                </option>
              ))}
            </SelectField>
          </div>
          {!connectivity.data ? null : connectivity.data.losingTouch.length === 0 ? (
            <p className="empty-note">
              {people.data?.length
                ? `Everyone was contacted in the last ${days} days.`
                : 'No stakeholders yet.'}
            </p>
          ) : (
            <ul className="losing-touch">
              {connectivity.data.losingTouch.map((p) => (
                <li key={p.id} className="losing-touch__row" data-testid="losing-touch">
                  <span className="losing-touch__name">{p.name}</span>
                  <span className="muted" title="Influence">
                    Influence {p.influence}
                  </span>
                  <span className="losing-touch__when">
                    {p.daysSinceContact === null ? 'never contacted' : `${p.daysSinceContact} days ago`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="panel" aria-labelledby="stakeholders-title">
        <div className="panel__header">
          <h2 className="panel__title" id="stakeholders-title">
            Stakeholders
          </h2>
          {people.data && people.data.length > 0 && (
            <span className="panel__subtitle">{people.data.length} people</span>
          )}
        </div>
        {people.isPending ? (
          <div className="list-skeleton" aria-busy="true">
            <span />
            <span />
          </div>
        ) : people.isError ? (
          <p className="form-error" role="alert">
            Stakeholders could not be loaded: {problemOf(people.error).message}{' '}
            <button type="button" className="button button--small" onClick={() => people.refetch()}>
              Retry
            </button>
          </p>
        ) : people.data.length === 0 ? (
          <div className="empty-note">
            <p>No stakeholders yet. Add the people you know at {account.name}, from the buyer to the CFO.</p>
            <button type="button" className="button" onClick={add}>
              Add the first stakeholder
            </button>
          </div>
        ) : (
          <div className="stakeholder-table__scroll">
            <table className="stakeholder-table">
              <thead>
                <tr>
                  <th scope="col" className="stakeholder-table__heading">
                    Name
                  </th>
                  <th scope="col" className="stakeholder-table__heading">
                    Function
                  </th>
                  <th scope="col" className="stakeholder-table__heading">
                    Level
                  </th>
                  <th scope="col" className="stakeholder-table__heading">
                    Attitude
                  </th>
                  <th scope="col" className="stakeholder-table__heading">
                    Strength
                  </th>
                  <th scope="col" className="stakeholder-table__heading">
                    Last contact
                  </th>
                  <th scope="col" className="stakeholder-table__heading">
                    Owners
                  </th>
                  <th scope="col" className="stakeholder-table__heading">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.data.map((person) => (
                  <tr key={person.id} data-testid="stakeholder-row">
                    <td className="stakeholder-table__cell">
                      <span className="stakeholder-table__name">{person.name}</span>
                      {person.buyingOffice && <span className="tag tag--buying">Buying office</span>}
                      {person.title && <span className="stakeholder-table__title">{person.title}</span>}
                    </td>
                    <td className="stakeholder-table__cell">{FUNCTION_LABELS[person.function]}</td>
                    <td className="stakeholder-table__cell">{LEVEL_LABELS[person.level]}</td>
                    <td className="stakeholder-table__cell">
                      <span className={`attitude attitude--${person.attitude}`}>
                        {ATTITUDE_LABELS[person.attitude]}
                      </span>
                    </td>
                    <td className="stakeholder-table__cell">
                      <StrengthDots strength={person.strength} />
                    </td>
                    <td className={`stakeholder-table__cell${person.lastContactAt ? '' : ' muted'}`}>
                      {lastContactOf(person.lastContactAt)}
                    </td>
                    <td className="stakeholder-table__cell">
                      {person.owners.length ? person.owners.map((o) => o.name).join(', ') : '—'}
                    </td>
                    <td className="stakeholder-table__cell stakeholder-table__actions">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`Edit ${person.name}`}
                        onClick={() => setEditing({ stakeholder: person })}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button button--small button--ghost button--danger"
                        aria-label={`Delete ${person.name}`}
                        onClick={() => setDeleting(person)}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {editing && (
        <StakeholderDialog
          accountId={accountId}
          stakeholder={editing.stakeholder}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          confirmLabel={remove.isPending ? 'Deleting…' : 'Delete stakeholder'}
          danger
          busy={remove.isPending}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                toast({ message: `Deleted ${deleting.name}.` });
                setDeleting(null);
              },
              onError: (error) => {
                toast({
                  tone: 'error',
                  message: `${deleting.name} was not deleted: ${problemOf(error).message}`,
                });
                setDeleting(null);
              },
            })
          }
        >
          <p>They leave the coverage grid and the losing-touch list. Past meetings stay.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** Functions down, levels across; each cell shaded by the strongest relationship there. */
function CoverageGrid({ coverage }: { coverage: Connectivity['coverage'] }) {
  const cellOf = (fn: string, level: string) => coverage.find((c) => c.function === fn && c.level === level);
  return (
    <table className="coverage-grid">
      <thead>
        <tr>
          <th scope="col" className="coverage-grid__level">
            <span className="sr-only">Function</span>
          </th>
          {LEVELS.map((level) => (
            <th key={level} scope="col" className="coverage-grid__level">
              {LEVEL_LABELS[level]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {FUNCTIONS.map((fn) => (
          <tr key={fn}>
            <th scope="row" className="coverage-grid__function">
              {FUNCTION_LABELS[fn]}
            </th>
            {LEVELS.map((level) => {
              const cell = cellOf(fn, level);
              const count = cell?.stakeholders ?? 0;
              const strength = cell?.strength ?? null;
              return (
                <td key={level} className="coverage-grid__cell">
                  <span
                    className={`coverage-cell coverage-cell--${strength === null ? 'empty' : strength}`}
                    data-testid={`coverage-${fn}-${level}`}
                    data-count={count}
                    title={
                      count
                        ? `${count} ${count === 1 ? 'person' : 'people'}, strongest relationship ${strength}/5`
                        : 'Nobody'
                    }
                  >
                    {count}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StrengthDots({ strength }: { strength: number }) {
  return (
    <span className="strength" role="img" aria-label={`Strength ${strength} of 5`}>
      {[1, 2, 3, 4, 5].map((i) => (
        <span key={i} className={i <= strength ? 'strength__dot strength__dot--on' : 'strength__dot'} />
      ))}
    </span>
  );
}
