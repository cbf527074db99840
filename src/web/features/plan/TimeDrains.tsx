import { useState } from 'react';
import { formatHours } from '../../shared/format.ts';
import { type Drain, useDecideDrain, useDrains } from './plan-queries.ts';

const CHOICES = [
  { id: 'decline', label: 'Decline' },
  { id: 'shorten', label: 'Shorten' },
  { id: 'delegate', label: 'Delegate' },
  { id: 'keep', label: 'Keep' },
] as const;

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
    <section className="panel" aria-label={title} data-testid={`drains-${quadrant}`}>
      <div className="panel__header">
        <h2 className="panel__title">{title}</h2>
      </div>
      <p className="muted">{intro}</p>
      {!drains.data ? null : drains.data.length === 0 ? (
        <p className="empty-note">Nothing to show from the last 8 weeks.</p>
      ) : (
        <ul className="links">
          {drains.data.slice(0, 10).map((d) => (
            <DrainRow key={d.key} quadrant={quadrant} drain={d} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DrainRow({ quadrant, drain }: { quadrant: 'q3' | 'q4'; drain: Drain }) {
  const decide = useDecideDrain(quadrant);
  const [delegateTo, setDelegateTo] = useState(drain.decision?.delegateTo ?? '');
  const [followUp, setFollowUp] = useState(drain.decision?.followUp ?? '');
  const save = (decision: (typeof CHOICES)[number]['id']) =>
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
          onChange={(e) => e.target.value && save(e.target.value as (typeof CHOICES)[number]['id'])}
        >
          <option value="">Decide…</option>
          {CHOICES.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
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
