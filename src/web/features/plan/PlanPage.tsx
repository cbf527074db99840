import { type FormEvent, useState } from 'react';
import type { Me } from '../../api/types.ts';
import { addDays, currentWeekIn, formatWeekRange, mondayOf, shiftWeek } from '../../shared/dates.ts';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { FormError, SelectField, TextField } from '../../shared/Field.tsx';
import { formatHours } from '../../shared/format.ts';
import { problemOf } from '../../shared/forms.ts';
import { Loaded, PageSkeleton } from '../../shared/Loaded.tsx';
import { hrefOf } from '../../shared/navigation.ts';
import { PageIntro } from '../../shared/PageIntro.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { SubmitButton } from '../../shared/SubmitButton.tsx';
import { ColumnHeads } from '../../shared/Table.tsx';
import { AccountSelect } from '../accounts/AccountSelect.tsx';
import { GoalSelect } from '../accounts/GoalSelect.tsx';
import { PlanItemRow } from './PlanItemRow.tsx';
import {
  type PlanItem,
  useAddRock,
  usePlan,
  useSchedule,
  useUnschedule,
  useUpdateRock,
  type WeekPlan,
} from './plan-queries.ts';
import { TimeDrains } from './TimeDrains.tsx';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** #/plan/<week>: Q2 big rocks with budgets, scheduled onto days, and planned against actual. */
export function PlanPage({ me, week: requested }: { me: Me; week?: string }) {
  const week = requested ?? currentWeekIn(me.timeZone);
  const plan = usePlan(week);
  const [prefill, setPrefill] = useState<{ title: string; accountId: string; goalId: string } | null>(null);
  return (
    <div className="accounts-page">
      <PageIntro
        title={
          <>
            Plan {week} <span className="muted plan-range">{formatWeekRange(week)}</span>
          </>
        }
        intro="Pick the Q2 work that must not be crowded out, give it time, and put it on days."
        actions={
          <div className="page-intro__actions">
            <a className="button" href={hrefOf({ page: 'plan', week: shiftWeek(week, -1) })}>
              ‹ Previous
            </a>
            <a className="button" href={hrefOf({ page: 'plan', week: shiftWeek(week, 1) })}>
              Next ›
            </a>
            <a className="button" href={`/api/plans/${week}/ics`} download>
              Export .ics
            </a>
          </div>
        }
      />
      <Loaded query={plan} what="The plan" loading={<PageSkeleton />}>
        {(data) => (
          <>
            <div className="account-layout">
              <Panel title="Big rocks" subtitle="Q2: build the legacy">
                {data.rocks.length === 0 && <EmptyNote>No big rocks yet this week.</EmptyNote>}
                <ul className="rocks">
                  {data.rocks.map((rock) => (
                    <Rock key={rock.id} rock={rock} week={week} />
                  ))}
                </ul>
                <RockForm
                  key={prefill ? `${prefill.title}-${prefill.goalId}` : 'blank'}
                  week={week}
                  prefill={prefill}
                  onDone={() => setPrefill(null)}
                />
              </Panel>
              <div className="stack">
                <PlannedVsActual plan={data} />
                {data.suggestions.length > 0 && (
                  <Panel title="Suggestions">
                    <ul className="links">
                      {data.suggestions.map((s) => (
                        <li key={`${s.kind}-${s.title}`} className="links__row">
                          <span>{s.title}</span>
                          <button
                            type="button"
                            className="button button--small"
                            onClick={() =>
                              setPrefill({ title: s.title, accountId: s.accountId, goalId: s.goalId ?? '' })
                            }
                          >
                            Make it a rock
                          </button>
                        </li>
                      ))}
                    </ul>
                  </Panel>
                )}
              </div>
            </div>
            <WeekDays plan={data} />
            <TimeDrains />
          </>
        )}
      </Loaded>
    </div>
  );
}

function Rock({ rock, week }: { rock: WeekPlan['rocks'][number]; week: string }) {
  const update = useUpdateRock();
  const schedule = useSchedule();
  const [day, setDay] = useState(mondayOf(week));
  const [time, setTime] = useState('09:00');
  const [minutes, setMinutes] = useState('60');
  const scale = Math.max(rock.budgetMinutes, rock.scheduledMinutes, 1);
  return (
    <li className={`rock rock--${rock.status}`} data-testid="rock">
      <div className="rock__head">
        <strong>{rock.title}</strong>
        {(rock.accountName || rock.goalTitle) && (
          <span className="muted">{[rock.accountName, rock.goalTitle].filter(Boolean).join(' · ')}</span>
        )}
        <select
          aria-label={`Status of ${rock.title}`}
          value={rock.status}
          onChange={(e) => update.mutate({ id: rock.id, patch: { status: e.target.value as 'open' } })}
        >
          <option value="open">Open</option>
          <option value="done">Done</option>
          <option value="dropped">Dropped</option>
        </select>
      </div>
      <div className="rock__bar" aria-hidden="true">
        <span className="rock__scheduled" style={{ width: `${(rock.scheduledMinutes / scale) * 100}%` }} />
        <span className="rock__done" style={{ width: `${(rock.doneMinutes / scale) * 100}%` }} />
      </div>
      <div className="rock__figures muted" data-testid="rock-figures">
        {formatHours(rock.doneMinutes)} done · {formatHours(rock.scheduledMinutes)} scheduled of{' '}
        {formatHours(rock.budgetMinutes)}
      </div>
      <form
        className="rock__schedule"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          schedule.mutate({ rockId: rock.id, day, startTime: time || null, minutes: Number(minutes) });
        }}
      >
        <select aria-label={`Day for ${rock.title}`} value={day} onChange={(e) => setDay(e.target.value)}>
          {DAY_NAMES.map((name, i) => {
            const date = addDays(mondayOf(week), i);
            return (
              <option key={date} value={date}>
                {name} {date.slice(5)}
              </option>
            );
          })}
        </select>
        <input
          aria-label={`Time for ${rock.title}`}
          type="time"
          value={time}
          onChange={(e) => setTime(e.target.value)}
        />
        <input
          aria-label={`Minutes for ${rock.title}`}
          type="number"
          min={5}
          max={1440}
          step={15}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <button type="submit" className="button button--small" disabled={schedule.isPending}>
          Schedule
        </button>
        {schedule.error && <span className="field__error">{problemOf(schedule.error).message}</span>}
      </form>
    </li>
  );
}

function RockForm({
  week,
  prefill,
  onDone,
}: {
  week: string;
  prefill: { title: string; accountId: string; goalId: string } | null;
  onDone: () => void;
}) {
  const add = useAddRock(week);
  const [title, setTitle] = useState(prefill?.title ?? '');
  const [accountId, setAccountId] = useState(prefill?.accountId ?? '');
  const [goalId, setGoalId] = useState(prefill?.goalId ?? '');
  const [hours, setHours] = useState('2');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        title: title.trim(),
        accountId: accountId || null,
        goalId: goalId || null,
        budgetMinutes: Math.round(Number(hours) * 60),
      },
      {
        onSuccess: () => {
          setTitle('');
          onDone();
        },
      },
    );
  };
  const problem = problemOf(add.error);
  return (
    <form className="rock-form" onSubmit={submit} noValidate>
      <FormError message={problem.formMessage} />
      <TextField
        label="New big rock"
        value={title}
        onChange={setTitle}
        maxLength={300}
        error={problem.fields.title}
      />
      <AccountSelect
        value={accountId}
        onChange={(id) => {
          setAccountId(id);
          setGoalId('');
        }}
      />
      <GoalSelect accountId={accountId} value={goalId} onChange={setGoalId} />
      <SelectField<string>
        label="Budget"
        value={hours}
        onChange={setHours}
        error={problem.fields.budgetMinutes}
      >
        {['0.5', '1', '1.5', '2', '3', '4', '6', '8'].map((h) => (
          <option key={h} value={h}>
            {h} h
          </option>
        ))}
      </SelectField>
      <SubmitButton label="Add big rock" busy={add.isPending} />
    </form>
  );
}

function PlannedVsActual({ plan }: { plan: WeekPlan }) {
  const q = plan.plannedVsActual.quadrants;
  return (
    <Panel
      title="Planned vs actual"
      link={{ href: hrefOf({ page: 'week', week: plan.week }), label: 'The week’s report' }}
      testId="planned-vs-actual"
    >
      <table className="gap-table">
        <ColumnHeads names={['Quadrant', 'Planned', 'Actual']} />
        <tbody>
          {(['q1', 'q2', 'q3', 'q4'] as const).map((id) => (
            <tr key={id}>
              <th scope="row">{id.toUpperCase()}</th>
              <td>{q[id].planned === null ? '–' : formatHours(q[id].planned ?? 0)}</td>
              <td>{formatHours(q[id].actual)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function WeekDays({ plan }: { plan: WeekPlan }) {
  const remove = useUnschedule();
  return (
    <Panel title="The week, day by day">
      <div className="plan-days">
        {DAY_NAMES.map((name, i) => {
          const date = addDays(plan.from, i);
          const items = plan.items.filter((item) => item.day === date);
          return (
            <div key={date} className="plan-day">
              <h3 className="plan-day__name">
                {name} <span className="muted">{date.slice(5)}</span>
              </h3>
              {items.map((item: PlanItem) => (
                <PlanItemRow key={item.id} item={item} testId="plan-item">
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    aria-label={`Remove ${item.title}`}
                    onClick={(e) => {
                      e.preventDefault();
                      remove.mutate(item.id);
                    }}
                  >
                    ×
                  </button>
                </PlanItemRow>
              ))}
            </div>
          );
        })}
      </div>
    </Panel>
  );
}
