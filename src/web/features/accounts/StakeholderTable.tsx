import type { StakeholderView } from './accounts-queries.ts';
import { StrengthDots } from './Coverage.tsx';
import { ATTITUDE_LABELS, FUNCTION_LABELS, LEVEL_LABELS, lastContactOf } from './stakeholder-labels.ts';

/** Everyone we know at the account, with last contact derived from meetings. */
export function StakeholderTable({
  people,
  timeZone,
  canEdit,
  onEdit,
  onDelete,
}: {
  people: StakeholderView[];
  /** The user's zone: last contact counts calendar days there. */
  timeZone: string;
  canEdit: boolean;
  onEdit: (person: StakeholderView) => void;
  onDelete: (person: StakeholderView) => void;
}) {
  return (
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
          {people.map((person) => (
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
                {lastContactOf(person.lastContactAt, timeZone)}
              </td>
              <td className="stakeholder-table__cell">
                {person.owners.length ? person.owners.map((o) => o.name).join(', ') : '—'}
              </td>
              <td className="stakeholder-table__cell stakeholder-table__actions">
                {canEdit && (
                  <>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Edit ${person.name}`}
                      onClick={() => onEdit(person)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button--small button--ghost button--danger"
                      aria-label={`Delete ${person.name}`}
                      onClick={() => onDelete(person)}
                    >
                      Delete
                    </button>
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
