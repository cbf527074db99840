import { problemOf } from '../../shared/forms.ts';
import { useToast } from '../../shared/Toasts.tsx';
import { useLoadDemo } from './activity-mutations.ts';

/** Shown while the viewed week has no activities: start logging, or explore with demo data. */
export function EmptyWeek({ week }: { week: string }) {
  const demo = useLoadDemo();
  const toast = useToast();
  const load = () =>
    demo.mutate(undefined, {
      onSuccess: ({ activities }) =>
        toast({ message: `Loaded ${activities} demo activities over the last 12 weeks.` }),
    });

  return (
    <section className="panel empty-week">
      <div className="empty-week__art" aria-hidden="true">
        <span className="bg-q1" />
        <span className="bg-q2" />
        <span className="bg-q3" />
        <span className="bg-q4" />
      </div>
      <div className="empty-week__body">
        <h2 className="panel__title">Nothing logged in {week} yet</h2>
        <p>
          Add what you worked on or plan to, and mark each activity urgent and/or important. Linchpin shows
          where the week went, and whether the work that builds your legacy (Q2) got its share.
        </p>
        <p className="muted">New here? Load 12 weeks of a Customer Manager's realistic week to explore.</p>
        <div className="empty-week__actions">
          <button type="button" className="button" onClick={load} disabled={demo.isPending}>
            {demo.isPending ? 'Loading…' : 'Load demo data'}
          </button>
        </div>
        {demo.isError && (
          <p className="form-error" role="alert">
            {problemOf(demo.error).message}
          </p>
        )}
      </div>
    </section>
  );
}
