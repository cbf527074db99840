import { useState } from 'react';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { Options } from '../../shared/Field.tsx';
import { formatHours } from '../../shared/format.ts';
import { Loaded } from '../../shared/Loaded.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { type Drain, useDecideDrain, useDrains } from './plan-queries.ts';

type Choice = 'decline' | 'shorten' | 'delegate' | 'keep';
const CHOICE_LABELS: Record<Choice, string> = {
  decline: 'Decline',
  shorten: 'Shorten',
  delegate: 'Delegate',
  keep: 'Keep',
};
const _CHOICES = Object.keys(CHOICE_LABELS) as Choice[];

/** Say no (recurring Q3 meetings) and delegate (Q4 work), most hours over the last 8 weeks first. */
export function TimeDrains() {
  return (
    <div className="account-layout account-layout--even">
      <DrainList
        quadrant="q3"
        title="Say no"
        intro="Recurring Q3 meetings by the hours they cost you over the last 8 weeks."
      />
      <DrainList
        quadrant="q4"
        title="Delegate"
        intro="Q4 work by hours over the last 8 weeks: who could do it instead?"
      />
    </div>
  );
}

function DrainList({ quadrant, title, intro }: { quadrant: 'q3' | 'q4'; title: string; intro: string }) {
  const drains = useDrains(quadrant);
  return (
    <Panel title={title} testId={`drains-${quadrant}`}>
      <p className="muted">{intro}</p>
      <Loaded query={drains} empty={<EmptyNote>Nothing to show from the last 8 weeks.</EmptyNote>}>
        {(list) => (
          <ul className="links">
            {list.slice(0, 10).map((d) => (
              <DrainRow key={d.key} quadrant={quadrant} drain={d} />
            ))}
          </ul>
        )}
      </Loaded>
    </Panel>
  );
}

function DrainRow({ quadrant, drain }: { quadrant: 'q3' | 'q4'; drain: Drain }) {
  const decide = useDecideDrain(quadrant);
  const [delegateTo, setDelegateTo] = useState(drain.decision?.delegateTo ?? '');
  const [followUp, setFollowUp] = useState(drain.decision?.followUp ?? '');
  const save = (decision: Choice) =>
    decide.mutate({
      title: drain.title,
      decision,
      delegateTo: delegateTo || null,
      followUp: followUp || null,
    });
  return (
    <li className="drain" data-testid="drain">
      <div className="drain__head">
        <strong>{drain.title}</strong>
        <span className="muted">
          {formatHours(drain.minutes)} · {drain.occurrences}×
          {drain.organizer ? ` · organised by ${drain.organizer}` : ''}
        </span>
      </div>
      <div className="drain__decide">
        <select
          aria-label={`Decision on ${drain.title}`}
          value={drain.decision?.decision ?? ''}
          onChange={(e) => e.target.value && save(e.target.value as Choice)}
        >
          <option value="">Decide…</option>
          <Options labels={CHOICE_LABELS} />
        </select>
        <input
          aria-label={`Who could do ${drain.title} instead`}
          placeholder="Who instead?"
          value={delegateTo}
          maxLength={200}
          onChange={(e) => setDelegateTo(e.target.value)}
          onBlur={() => drain.decision && save(drain.decision.decision)}
        />
        <input
          aria-label={`Follow up on ${drain.title}`}
          type="date"
          value={followUp}
          onChange={(e) => setFollowUp(e.target.value)}
          onBlur={() => drain.decision && save(drain.decision.decision)}
        />
      </div>
    </li>
  );
}
