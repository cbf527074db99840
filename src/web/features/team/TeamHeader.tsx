import type { Me } from '../../api/types.ts';
import { currentWeekIn, formatWeekRange } from '../../shared/dates.ts';
import { SelectField } from '../../shared/Field.tsx';
import { WeekStepper } from '../../shared/WeekStepper.tsx';
import { usePeople } from '../people/people-queries.ts';
import { pickableLeaders } from './team-queries.ts';

interface TeamHeaderProps {
  me: Me;
  week: string;
  leaderId?: string;
  /** Whose team is shown, as the server says (null: the whole workspace). */
  leader: { id: string; name: string } | null;
  /** In aggregate mode only one's own team may be opened: no picker. */
  aggregate: boolean;
  onWeek: (week: string) => void;
  onLeader: (leaderId: string | undefined) => void;
}

/** The page's title, the week shown (previous, this, next) and, where there is a choice, whose team. */
export function TeamHeader({ me, week, leaderId, leader, aggregate, onWeek, onLeader }: TeamHeaderProps) {
  const people = usePeople();
  const currentWeek = currentWeekIn(me.timeZone);
  const isCurrent = week === currentWeek;
  const leaders = pickableLeaders(people.data ?? [], me);
  // A leader picked by address whom the list does not (yet) have still shows as chosen.
  const chosen = leaderId && !leaders.some((l) => l.id === leaderId) && leader ? [leader] : [];
  const whose =
    me.role === 'owner' && !leaderId
      ? 'Everyone in the workspace'
      : leader && leader.id !== me.id
        ? `Everyone reporting to ${leader.name}`
        : 'Everyone reporting to you, directly or through other leaders';
  return (
    <div className="team-header">
      <div className="team-header__title">
        <h1 className="week-nav__label" data-testid="team-label">
          Team <span className="week-nav__week">{week}</span>
          <span className="week-nav__range">{formatWeekRange(week)}</span>
          {isCurrent && <span className="pill pill--neutral">This week</span>}
        </h1>
        <p className="muted">{whose}. Figures only: titles, notes, plans and reflections stay private.</p>
      </div>
      <div className="team-header__controls">
        {!aggregate && (me.role === 'owner' || leaders.length > 0) && (
          <SelectField
            label="Team"
            className="team-header__pick"
            value={leaderId ?? ''}
            onChange={(value) => onLeader(value || undefined)}
          >
            <option value="">{me.role === 'owner' ? 'Whole workspace' : 'My team'}</option>
            {[...chosen, ...leaders].map((l) => (
              <option key={l.id} value={l.id}>
                {l.id === me.id ? 'People reporting to me' : `${l.name}'s team`}
              </option>
            ))}
          </SelectField>
        )}
        <WeekStepper week={week} currentWeek={currentWeek} onWeek={onWeek} />
      </div>
    </div>
  );
}
