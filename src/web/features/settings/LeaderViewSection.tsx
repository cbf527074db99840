import { useState } from 'react';
import type { LeaderView, Me } from '../../api/types.ts';
import { currentWeekIn, formatWeekRange, shiftWeek } from '../../shared/dates.ts';
import { ListSkeleton, Loaded } from '../../shared/Loaded.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { SettingsSection } from '../../shared/SettingsSection.tsx';
import { PeopleTable } from '../team/PeopleTable.tsx';
import { useLeaderView } from '../team/team-queries.ts';

/** What no leader (nor the owner) ever sees on a team page, whatever the privacy mode. */
const NEVER_SHOWN = [
  'Activity titles and notes',
  'Your plans: big rocks and the actions on your days',
  'What you write in your reflections (only whether you reflected)',
  'Your legacy statement',
  'Stakeholder notes',
];

/** Settings → What my leader sees: your own row of the team page, exactly as your leader has it. */
export function LeaderViewSection({ me }: { me: Me }) {
  const thisWeek = currentWeekIn(me.timeZone);
  const [week, setWeek] = useState(thisWeek);
  const view = useLeaderView(week);
  return (
    <SettingsSection
      title="What my leader sees"
      intro="Your figures as they appear on your leader's team page. Nothing else about you is shown there."
      actions={
        <nav className="week-nav__buttons" aria-label="Week">
          <button
            type="button"
            className="button button--icon"
            aria-label="Previous week"
            onClick={() => setWeek(shiftWeek(week, -1))}
          >
            <span aria-hidden="true">‹</span>
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setWeek(thisWeek)}
            disabled={week === thisWeek}
          >
            This week
          </button>
          <button
            type="button"
            className="button button--icon"
            aria-label="Next week"
            onClick={() => setWeek(shiftWeek(week, 1))}
          >
            <span aria-hidden="true">›</span>
          </button>
        </nav>
      }
    >
      <Loaded query={view} what="What your leader sees" retry loading={<ListSkeleton rows={3} tall />}>
        {(data) => <LeaderViewContent view={data} me={me} />}
      </Loaded>
    </SettingsSection>
  );
}

function LeaderViewContent({ view, me }: { view: LeaderView; me: Me }) {
  const aggregate = view.privacy === 'aggregate';
  const who = view.leader
    ? `${view.leader.name} and the workspace owner see`
    : me.role === 'owner'
      ? 'Nobody leads you: the workspace owners see'
      : 'The workspace owner sees';
  return (
    <>
      <Panel
        title={
          <>
            Team privacy:{' '}
            <span data-testid="leader-view-mode">{aggregate ? 'aggregate only' : 'per person'}</span>
          </>
        }
        subtitle="Set by the workspace owner"
        testId="leader-view-privacy"
      >
        <p data-testid="leader-view-who">
          {aggregate ? (
            <>
              Your leader sees only team totals of {view.minGroupSize} or more people. Nobody sees your own
              row.
            </>
          ) : (
            <>
              {who} these figures, for {view.week} ({formatWeekRange(view.week)}) and the 11 weeks before it.
            </>
          )}
        </p>
      </Panel>

      {view.person && (
        <Panel title="Your row on the team page" subtitle={view.week} testId="leader-view-row">
          <PeopleTable people={[view.person]} label="What your leader sees about you" />
        </Panel>
      )}

      <Panel title="Never shown to anyone else" testId="leader-view-never">
        <ul className="never-shown">
          {NEVER_SHOWN.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </Panel>
    </>
  );
}
