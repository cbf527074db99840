import { ConfirmButton } from '../../shared/ConfirmDialog.tsx';
import { EditButton } from '../../shared/EditButton.tsx';
import { ColumnHeads } from '../../shared/Table.tsx';
import { type StakeholderView, useDeleteStakeholder } from './accounts-queries.ts';
import { StrengthDots } from './Coverage.tsx';
import { ATTITUDE_LABELS, FUNCTION_LABELS, LEVEL_LABELS, lastContactOf } from './stakeholder-labels.ts';

const HEADINGS = ['Name', 'Function', 'Level', 'Attitude', 'Strength', 'Last contact', 'Owners'];

/** Everyone we know at the account, with last contact derived from meetings. */
export function StakeholderTable({
  accountId,
  people,
  timeZone,
  canEdit,
  onEdit,
}: {
  accountId: string;
  people: StakeholderView[];
  /** The user's zone: last contact counts calendar days there. */
  timeZone: string;
  canEdit: boolean;
  onEdit: (person: StakeholderView) => void;
}) {
  const remove = useDeleteStakeholder(accountId);
  return (
    <div className="stakeholder-table__scroll">
      <table className="stakeholder-table">
        <ColumnHeads names={HEADINGS} className="stakeholder-table__heading" hiddenLast="Actions" />
        <tbody>
          {people.map((person) => (
            <tr key={person.id} data-testid="stakeholder-row">
              <td className="stakeholder-table__cell">
                <span className="stakeholder-table__name">{person.name}</span>
                {person.buyingOffice && <span className="tag tag--buying">Buying office</span>}
                {person.title && <span className="stakeholder-table__title">{person.title}</span>}
              </td>
              <td className="stakeholder-table__cell" data-label="Function">
                {FUNCTION_LABELS[person.function]}
              </td>
              <td className="stakeholder-table__cell" data-label="Level">
                {LEVEL_LABELS[person.level]}
              </td>
              <td className="stakeholder-table__cell" data-label="Attitude">
                <span className={`attitude attitude--${person.attitude}`}>
                  {ATTITUDE_LABELS[person.attitude]}
                </span>
              </td>
              <td className="stakeholder-table__cell" data-label="Strength">
                <StrengthDots strength={person.strength} />
              </td>
              <td
                className={`stakeholder-table__cell${person.lastContactAt ? '' : ' muted'}`}
                data-label="Last contact"
              >
                {lastContactOf(person.lastContactAt, timeZone)}
              </td>
              <td className="stakeholder-table__cell" data-label="Owners">
                {person.owners.length ? person.owners.map((o) => o.name).join(', ') : '—'}
              </td>
              <td className="stakeholder-table__cell stakeholder-table__actions">
                {canEdit && (
                  <>
                    <EditButton label={`Edit ${person.name}`} onClick={() => onEdit(person)} />
                    <ConfirmButton
                      label={`Delete ${person.name}`}
                      className="button button--small button--ghost button--danger"
                      title={`Delete ${person.name}?`}
                      explanation={
                        <p>They leave the coverage grid and the losing-touch list. Past meetings stay.</p>
                      }
                      confirmLabel="Delete stakeholder"
                      busyLabel="Deleting…"
                      mutation={remove}
                      variables={person.id}
                      done={`Deleted ${person.name}.`}
                      failed={(reason) => `${person.name} was not deleted: ${reason}`}
                    >
                      Delete
                    </ConfirmButton>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
