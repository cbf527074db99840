import type { Activity, ExclusionReason } from '../../api/types.ts';
import { formatWhen } from '../../shared/dates.ts';

const REASONS: Record<ExclusionReason, string> = {
  all_day: 'All day',
  multi_day: 'Multi-day',
  declined: 'Declined',
  free: 'Free',
};

/** Imported events shown but not counted as time: all-day, multi-day, declined, free. */
export function NotCountedStrip({ activities }: { activities: Activity[] }) {
  return (
    <section className="not-counted" aria-labelledby="not-counted-title" data-testid="not-counted">
      <header className="not-counted__header">
        <h2 className="not-counted__title" id="not-counted-title">
          Not counted <span className="not-counted__count">{activities.length}</span>
        </h2>
        <p className="muted small">
          All-day, multi-day, declined and free events: on your calendar, not in your time.
        </p>
      </header>
      <ul className="not-counted__list">
        {activities.map((activity) => (
          <li key={activity.id} className="not-counted__item" title={activity.title}>
            <span className="not-counted__name">{activity.title}</span>
            <span className="muted">{formatWhen(activity.startsAt).split(' · ')[0]}</span>
            <span className={`not-counted__reason not-counted__reason--${activity.excludedReason}`}>
              {activity.excludedReason ? REASONS[activity.excludedReason] : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
