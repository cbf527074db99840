import type { Quadrant, TeamPerson } from '../../api/types.ts';
import { formatHours, formatShare } from '../../shared/format.ts';
import { QUADRANTS } from '../../shared/quadrants.ts';
import { ColumnHeads } from '../../shared/Table.tsx';
import { Sparkline } from './Sparkline.tsx';

export const PEOPLE_COLUMNS = [
  'Person',
  'Hours',
  ...QUADRANTS.map((q) => q.label),
  'Q2, 12 weeks',
  'Q2 planned / actual',
  'Recurring Q3',
  'Reflected',
] as const;

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** A person's target for a quadrant in words: `at least 35 %`, `at most 15 %`, `between 20 and 40 %`. */
function targetText(target: { min?: number; max?: number }): string {
  if (target.min !== undefined && target.max !== undefined)
    return `between ${Math.round(target.min * 100)} and ${percent(target.max)}`;
  return target.min !== undefined ? `at least ${percent(target.min)}` : `at most ${percent(target.max ?? 1)}`;
}

/** The DOM id of a person's row, for the heatmap to scroll to. */
export const personRowId = (userId: string) => `team-person-${userId}`;

/** One quadrant's share, and how it stands against the person's own target for it. */
function ShareCell({ person, quadrant }: { person: TeamPerson; quadrant: Quadrant }) {
  const { share } = person.quadrants[quadrant];
  const target = person.targets[quadrant];
  const empty = person.totalMinutes === 0;
  const verdict = target && !empty ? (target.met ? 'met' : 'missed') : null;
  const bounds = target ? targetText(target) : null;
  const title = bounds ? `Target: ${bounds}${verdict ? `, ${verdict}` : ''}` : 'No target';
  return (
    <td className="team-people__share" data-label={quadrant.toUpperCase()} title={title}>
      <span className={`dot bg-${quadrant}`} aria-hidden="true" />
      <span className={verdict ? `team-share team-share--${verdict}` : 'team-share'}>
        {empty ? '–' : formatShare(share)}
      </span>
      {verdict && (
        <span className={`team-target team-target--${verdict}`}>
          <span aria-hidden="true">{verdict === 'met' ? '✓' : '✗'}</span>
          <span className="sr-only">
            {' '}
            target of {bounds} {verdict}
          </span>
        </span>
      )}
    </td>
  );
}

/**
 * One person's row of the team page. The same row shows in Settings → What my leader sees, so a
 * member sees exactly what their leader does.
 */
export function PersonRow({ person, highlighted }: { person: TeamPerson; highlighted?: boolean }) {
  const q2 = person.quadrants.q2.minutes;
  return (
    <tr
      id={personRowId(person.userId)}
      className={highlighted ? 'team-people__row team-people__row--highlighted' : 'team-people__row'}
      data-testid="team-person"
      data-person={person.name}
    >
      <th scope="row" className="team-people__name">
        {person.name}
        {person.deactivated && <span className="pill pill--muted">Deactivated</span>}
      </th>
      <td data-label="Hours" className="team-people__num" data-testid="team-person-hours">
        {formatHours(person.totalMinutes)}
      </td>
      {QUADRANTS.map((q) => (
        <ShareCell key={q.id} person={person} quadrant={q.id} />
      ))}
      <td data-label="Q2, 12 weeks" className="team-people__trend">
        <Sparkline points={person.q2Trend} label={person.name} />
      </td>
      <td data-label="Q2 planned / actual" className="team-people__num">
        {formatHours(person.plannedQ2Minutes)} / {formatHours(q2)}
      </td>
      <td data-label="Recurring Q3" className="team-people__num">
        {formatHours(person.recurringQ3Minutes)}
      </td>
      <td data-label="Reflected">
        {person.reflected ? (
          <span className="pill pill--good">Yes</span>
        ) : (
          <span className="pill pill--muted">No</span>
        )}
      </td>
    </tr>
  );
}

/** People with their week's figures: a table on a desktop, a card per person on a phone. */
export function PeopleTable({
  people,
  highlight,
  label,
}: {
  people: TeamPerson[];
  /** The row to mark (picked on the heatmap). */
  highlight?: string;
  label: string;
}) {
  return (
    <div className="team-people__scroll">
      <table className="team-people" aria-label={label}>
        <ColumnHeads names={PEOPLE_COLUMNS} />
        <tbody>
          {people.map((person) => (
            <PersonRow key={person.userId} person={person} highlighted={person.userId === highlight} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
