import { useState } from 'react';
import type { LeaderView, Me } from '../../api/types.ts';
import { currentWeekIn, formatWeekRange } from '../../shared/dates.ts';
import { ListSkeleton, Loaded } from '../../shared/Loaded.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { SettingsSection } from '../../shared/SettingsSection.tsx';
import { WeekStepper } from '../../shared/WeekStepper.tsx';
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
      actions={<WeekStepper week={week} currentWeek={thisWeek} onWeek={setWeek} />}
    >
      <Loaded query={view} what="What your leader sees" retry loading={<ListSkeleton rows={3} tall />}>
        {(data) => <LeaderViewContent view={data} />}
      </Loaded>
    </SettingsSection>
  );
}

function LeaderViewContent({ view }: { view: LeaderView }) {
  const aggregate = view.privacy === 'aggregate';
  const leaders = view.seenBy.filter((p) => p.role !== 'owner').map((p) => p.name);
  const owners = view.seenBy.filter((p) => p.role === 'owner').map((p) => p.name);
  const seers = [
    ...leaders,
    ...(owners.length ? [`the workspace owner${owners.length > 1 ? 's' : ''} (${owners.join(', ')})`] : []),
  ];
  const who = seers.length
    ? `${seers.slice(0, -1).join(', ')}${seers.length > 1 ? ' and ' : ''}${seers.at(-1)} see`
    : 'Nobody else sees';
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
