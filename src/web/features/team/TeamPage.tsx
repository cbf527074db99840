import { Suspense, useEffect, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import type { Me, TeamView } from '../../api/types.ts';
import { currentWeekIn } from '../../shared/dates.ts';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { EmptyState } from '../../shared/EmptyState.tsx';
import { problemOf } from '../../shared/forms.ts';
import { PageSkeleton } from '../../shared/Loaded.tsx';
import { lazyNamed } from '../../shared/lazy.ts';
import { hrefOf, navigate } from '../../shared/navigation.ts';
import { Panel } from '../../shared/Panel.tsx';
import { AccountsTable } from './AccountsTable.tsx';
import { HEAT_STEPS, NO_TIME_COLOUR } from './heat.ts';
import { PeopleTable, personRowId } from './PeopleTable.tsx';
import { TeamHeader } from './TeamHeader.tsx';
import { TeamTotals } from './TeamTotals.tsx';
import { exportHref, useTeam } from './team-queries.ts';

const TeamHeatmap = lazyNamed(() => import('./TeamCharts.tsx'), 'TeamHeatmap');

/** #/team/<week>[/<leaderId>]: a leader's team in figures; the owner's whole workspace or one leader's team. */
export function TeamPage({ me, week: requested, leaderId }: { me: Me; week?: string; leaderId?: string }) {
  if (me.role === 'member') return <ForLeaders />;
  return <LeaderTeamPage me={me} week={requested ?? currentWeekIn(me.timeZone)} leaderId={leaderId} />;
}

/** A member who opened #/team: what it is, and where they see what their leader sees. */
function ForLeaders() {
  return (
    <div className="team-page">
      <EmptyState
        title="The team page is for leaders"
        className="empty-week team-empty"
        testId="team-for-leaders"
      >
        <p className="muted">
          It shows a Sales Leader the figures of the people who report to them: hours, the quadrant split and
          the Q2 trend — never a title, note, plan or reflection.
        </p>
        <p>
          <a className="button" href={hrefOf({ page: 'settings', section: 'leader-view' })}>
            See what your leader sees about you
          </a>
        </p>
      </EmptyState>
    </div>
  );
}

interface Focus {
  userId: string;
  week: string;
}

function LeaderTeamPage({ me, week, leaderId }: { me: Me; week: string; leaderId?: string }) {
  const team = useTeam(week, leaderId);
  const [focus, setFocus] = useState<Focus | null>(null);
  const go = (target: { week?: string; leaderId?: string | null }) =>
    navigate({
      page: 'team',
      week: target.week ?? week,
      leaderId: target.leaderId === null ? undefined : (target.leaderId ?? leaderId),
    });

  // A cell picked on the heatmap: once its week is shown, bring the person's row into view.
  const shown = team.data && !team.isPlaceholderData ? team.data.week : null;
  useEffect(() => {
    if (!focus || shown !== focus.week) return;
    document
      .getElementById(personRowId(focus.userId))
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focus, shown]);

  return (
    <div className="team-page" aria-busy={team.isFetching}>
      <TeamHeader
        me={me}
        week={week}
        leaderId={leaderId}
        leader={team.data?.leader ?? null}
        aggregate={team.data?.privacy === 'aggregate'}
        onWeek={(next) => go({ week: next })}
        onLeader={(next) => {
          setFocus(null);
          go({ leaderId: next ?? null });
        }}
      />
      {team.isPending ? (
        <PageSkeleton />
      ) : team.isError ? (
        <TeamError error={team.error} />
      ) : (
        <TeamContent
          view={team.data}
          me={me}
          leaderId={leaderId}
          focus={focus?.week === team.data.week ? focus.userId : undefined}
          onFocus={(userId, cell) => {
            setFocus({ userId, week: cell });
            go({ week: cell });
          }}
          onClearFocus={() => setFocus(null)}
          onWeek={(next) => go({ week: next })}
        />
      )}
    </div>
  );
}

function TeamError({ error }: { error: unknown }) {
  if (isApiError(error, 404))
    return (
      <EmptyNote action={{ label: 'Show my team', href: hrefOf({ page: 'team' }) }}>
        That leader is not in your team (or has left the workspace).
      </EmptyNote>
    );
  if (isApiError(error, 403)) return <ForLeaders />;
  return <p className="panel form-error">The team could not be loaded: {problemOf(error).message}</p>;
}

function TeamContent({
  view,
  me,
  leaderId,
  focus,
  onFocus,
  onClearFocus,
  onWeek,
}: {
  view: TeamView;
  me: Me;
  leaderId?: string;
  focus?: string;
  onFocus: (userId: string, week: string) => void;
  onClearFocus: () => void;
  onWeek: (week: string) => void;
}) {
  const aggregate = view.privacy === 'aggregate';
  const nobody = view.size === 0;
  if (nobody) return <NobodyYet me={me} view={view} />;
  const focused = focus ? view.people.find((p) => p.userId === focus) : undefined;
  return (
    <>
      {aggregate && (
        <p className="team-privacy-note" role="note" data-testid="team-aggregate-note">
          <strong>Team privacy: aggregate</strong> — per-person figures are hidden; totals need at least{' '}
          {view.minGroupSize} people.
          {me.role === 'owner' && (
            <>
              {' '}
              <a href={hrefOf({ page: 'settings', section: 'team-privacy' })}>Change in Settings</a>
            </>
          )}
        </p>
      )}

      {view.team ? (
        <TeamTotals totals={view.team} week={view.week} onWeek={onWeek} />
      ) : (
        <EmptyNote>
          Fewer than {view.minGroupSize} people contributed in {view.week}, so no team totals are shown: with
          so few, the figures would point at people.
        </EmptyNote>
      )}

      {!aggregate && view.people.length > 0 && (
        <>
          <Panel
            title="Q2 week by week"
            subtitle="Share of each person's week in Q2 · click a cell to see that week"
            testId="team-heatmap-panel"
          >
            <Suspense fallback={<div className="team-heatmap__chart" aria-busy="true" />}>
              <TeamHeatmap
                people={view.people.map((p) =>
                  p.deactivated ? { ...p, name: `${p.name} (deactivated)` } : p,
                )}
                weeks={view.weeks}
                week={view.week}
                selected={focus}
                onSelect={onFocus}
              />
            </Suspense>
            <HeatLegend />
          </Panel>

          <Panel
            title="People"
            subtitle={`${view.week} · ${view.people.length} ${view.people.length === 1 ? 'person' : 'people'}`}
            testId="team-people"
            actions={
              <a className="button button--small" href={exportHref('people', view.week, leaderId)} download>
                Export CSV
              </a>
            }
          >
            {focused && (
              <p className="team-focus" role="status" data-testid="team-focus">
                Showing <strong>{focused.name}</strong> in {view.week}, picked on the heatmap.{' '}
                <button type="button" className="button button--link" onClick={onClearFocus}>
                  Clear
                </button>
              </p>
            )}
            <PeopleTable people={view.people} highlight={focus} label="People in the team" />
            <p className="muted small team-people__foot">
              Shares of each person's counted week; ✓ and ✗ compare with their own targets. Figures only:
              titles, notes, plans and reflections stay private.
            </p>
          </Panel>
        </>
      )}

      <Panel
        title="Accounts"
        subtitle={`${view.accounts.length} owned or worked on by the team`}
        testId="team-accounts"
        actions={
          view.accounts.length > 0 && (
            <a className="button button--small" href={exportHref('accounts', view.week, leaderId)} download>
              Export CSV
            </a>
          )
        }
      >
        {view.accounts.length === 0 ? (
          <EmptyNote>No accounts yet: the team's accounts and their risks appear here.</EmptyNote>
        ) : (
          <AccountsTable accounts={view.accounts} timeZone={me.timeZone} minGroupSize={view.minGroupSize} />
        )}
      </Panel>
    </>
  );
}

function HeatLegend() {
  return (
    <ul className="heat-legend" aria-label="Shades of Q2 share">
      <li>
        <span className="heat-legend__swatch" style={{ background: NO_TIME_COLOUR }} aria-hidden="true" />
        No time logged
      </li>
      {HEAT_STEPS.map((step) => (
        <li key={step.label}>
          <span className="heat-legend__swatch" style={{ background: step.colour }} aria-hidden="true" />
          {step.label}
        </li>
      ))}
    </ul>
  );
}

/** A leader nobody reports to yet: where people come from. */
function NobodyYet({ me, view }: { me: Me; view: TeamView }) {
  const mine = !view.leader || view.leader.id === me.id;
  return (
    <EmptyState
      title={mine ? 'Nobody reports to you yet' : `Nobody reports to ${view.leader?.name} yet`}
      className="empty-week team-empty"
      testId="team-empty"
    >
      <p className="muted">
        The team page shows the figures of everyone who reports to {mine ? 'you' : view.leader?.name},
        directly or through other leaders. Invite your Customer Managers, or ask the owner to set their
        reporting line.
      </p>
      <p>
        <a className="button button--primary" href={hrefOf({ page: 'settings', section: 'people' })}>
          Settings → People
        </a>
      </p>
    </EmptyState>
  );
}
