import type { WeekReport } from '../../api/types.ts';
import { formatWeekRange } from '../../shared/dates.ts';
import { formatHours, formatPoints } from '../../shared/format.ts';
import { navigate } from '../../shared/navigation.ts';
import { WeekStepper } from '../../shared/WeekStepper.tsx';

interface WeekHeaderProps {
  week: string;
  currentWeek: string;
  report: WeekReport | undefined;
}

/** Week navigation, the week's one-sentence summary and its headline figures. */
export function WeekHeader({ week, currentWeek, report }: WeekHeaderProps) {
  const go = (target: string) => navigate({ page: 'week', week: target });
  const isCurrent = week === currentWeek;
  return (
    <div className="week-header">
      <div className="week-nav">
        <WeekStepper week={week} currentWeek={currentWeek} onWeek={go} />
        <h1 className="week-nav__label" data-testid="week-label">
          <span className="week-nav__week">{week}</span>
          <span className="week-nav__range">{formatWeekRange(week)}</span>
          {isCurrent && <span className="pill pill--neutral">This week</span>}
        </h1>
      </div>
      <div className="summary">
        <p className="summary__text" data-testid="week-summary">
          {report?.summary ?? '\u00a0'}
        </p>
        {report && report.totalMinutes > 0 && (
          <dl className="summary__stats">
            <div>
              <dt>Logged</dt>
              <dd>{formatHours(report.totalMinutes)}</dd>
            </div>
            <div>
              <dt>vs {report.previous.week.slice(5)}</dt>
              <dd>{changeInHours(report.totalMinutes - report.previous.totalMinutes)}</dd>
            </div>
            <div>
              <dt>Q2 vs {report.previous.week.slice(5)}</dt>
              <dd>
                {report.previous.totalMinutes
                  ? formatPoints(report.quadrants.q2.share - report.previous.quadrants.q2.share)
                  : '–'}
              </dd>
            </div>
          </dl>
        )}
      </div>
    </div>
  );
}

function changeInHours(minutes: number): string {
  const hours = formatHours(Math.abs(minutes));
  return minutes > 0 ? `+${hours}` : minutes < 0 ? `−${hours}` : '±0 h';
}
