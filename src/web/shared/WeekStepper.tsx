import { shiftWeek } from './dates.ts';

interface WeekStepperProps {
  week: string;
  currentWeek: string;
  onWeek: (week: string) => void;
}

/** Previous week, this week, next week: the one week stepper of every page that shows a week. */
export function WeekStepper({ week, currentWeek, onWeek }: WeekStepperProps) {
  return (
    <nav className="week-nav__buttons" aria-label="Week">
      <button
        type="button"
        className="button button--icon"
        aria-label="Previous week"
        onClick={() => onWeek(shiftWeek(week, -1))}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <button
        type="button"
        className="button"
        onClick={() => onWeek(currentWeek)}
        disabled={week === currentWeek}
      >
        This week
      </button>
      <button
        type="button"
        className="button button--icon"
        aria-label="Next week"
        onClick={() => onWeek(shiftWeek(week, 1))}
      >
        <span aria-hidden="true">›</span>
      </button>
    </nav>
  );
}
