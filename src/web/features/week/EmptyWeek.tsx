import { EmptyState } from '../../shared/EmptyState.tsx';
import { FormError } from '../../shared/Field.tsx';
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
    <EmptyState title={<>Nothing logged in {week} yet</>} className="empty-week">
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
      {demo.isError && <FormError message={problemOf(demo.error).message} />}
    </EmptyState>
  );
}
