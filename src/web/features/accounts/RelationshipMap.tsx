import { useState } from 'react';
import type { AccountView } from '../../api/types.ts';
import type { StakeholderView } from './accounts-queries.ts';
import { StrengthDots } from './Coverage.tsx';
import { ATTITUDE_LABELS, FUNCTION_LABELS, FUNCTIONS, LEVEL_LABELS, LEVELS } from './stakeholder-labels.ts';

interface OurPerson {
  id: string;
  name: string;
  /** How many of the account's stakeholders they hold a relationship with. */
  holds: number;
  colour: number;
}

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

/** Our account team and everyone who owns a relationship, most relationships first. */
function ourSide(account: AccountView, people: StakeholderView[]): OurPerson[] {
  const byId = new Map<string, { id: string; name: string; holds: number }>();
  for (const p of [account.owner, ...account.members]) if (p) byId.set(p.id, { ...p, holds: 0 });
  for (const person of people) {
    for (const owner of person.owners) {
      const entry = byId.get(owner.id) ?? { ...owner, holds: 0 };
      entry.holds += 1;
      byId.set(owner.id, entry);
    }
  }
  return [...byId.values()]
    .sort((a, b) => b.holds - a.holds || a.name.localeCompare(b.name))
    .map((p, i) => ({ ...p, colour: i % 6 }));
}

/**
 * Who on our side holds which relationship: the customer's people grouped by function (the buying
 * office first and marked), executives on top; pick one of ours to see their relationships alone.
 */
export function RelationshipMap({ account, people }: { account: AccountView; people: StakeholderView[] }) {
  const [focus, setFocus] = useState<string | null>(null);
  const ours = ourSide(account, people);
  const colourOf = new Map(ours.map((p) => [p.id, p.colour]));
  const unowned = people.filter((p) => p.owners.length === 0).length;
  const groups = FUNCTIONS.map((fn) => ({
    fn,
    people: people
      .filter((p) => p.function === fn)
      .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || b.influence - a.influence),
  }))
    .filter((g) => g.people.length > 0)
    .sort(
      (a, b) => Number(b.people.some((p) => p.buyingOffice)) - Number(a.people.some((p) => p.buyingOffice)),
    );

  if (people.length === 0) {
    return (
      <p className="empty-note">The map fills as you add stakeholders and who on our side knows them.</p>
    );
  }
  return (
    <div className="relmap">
      <fieldset className="relmap__ours">
        <legend className="sr-only">Our side: pick one to see their relationships</legend>
        <span className="relmap__label">Our side</span>
        {ours.map((p) => (
          <button
            key={p.id}
            type="button"
            className={`relmap__us relmap__us--c${p.colour}`}
            aria-pressed={focus === p.id}
            onClick={() => setFocus(focus === p.id ? null : p.id)}
          >
            <span className="relmap__avatar" aria-hidden="true">
              {initialsOf(p.name)}
            </span>
            {p.name}
            <span className="relmap__holds">{p.holds}</span>
          </button>
        ))}
        {unowned > 0 && <span className="relmap__unowned">{unowned} with no owner on our side</span>}
      </fieldset>
      <div className="relmap__groups">
        {groups.map((group) => (
          <section
            key={group.fn}
            className={`relmap__group${group.people.some((p) => p.buyingOffice) ? ' relmap__group--buying' : ''}`}
            aria-label={FUNCTION_LABELS[group.fn]}
          >
            <h3 className="relmap__function">{FUNCTION_LABELS[group.fn]}</h3>
            {group.people.map((person) => {
              const dim = focus !== null && !person.owners.some((o) => o.id === focus);
              return (
                <article
                  key={person.id}
                  className={[
                    'relmap__card',
                    `relmap__card--${person.attitude}`,
                    person.buyingOffice ? 'relmap__card--buying' : '',
                    dim ? 'relmap__card--dim' : '',
                  ].join(' ')}
                  data-testid="relmap-card"
                >
                  <div className="relmap__name">{person.name}</div>
                  <div className="relmap__title">
                    {[person.title, LEVEL_LABELS[person.level]].filter(Boolean).join(' · ')}
                  </div>
                  <div className="relmap__facts">
                    <span className={`attitude attitude--${person.attitude}`}>
                      {ATTITUDE_LABELS[person.attitude]}
                    </span>
                    <StrengthDots strength={person.strength} />
                    {person.buyingOffice && <span className="tag tag--buying">Buying office</span>}
                  </div>
                  <div className="relmap__owners">
                    {person.owners.length === 0 ? (
                      <span className="relmap__nobody">Nobody on our side</span>
                    ) : (
                      person.owners.map((o) => (
                        <span
                          key={o.id}
                          className={`relmap__avatar relmap__avatar--small relmap__us--c${colourOf.get(o.id) ?? 0}`}
                          title={o.name}
                        >
                          {initialsOf(o.name)}
                        </span>
                      ))
                    )}
                  </div>
                </article>
              );
            })}
          </section>
        ))}
      </div>
    </div>
  );
}
