import { Suspense, useState } from 'react';
import { lazyNamed } from '../../shared/lazy.ts';
import { hrefOf } from '../../shared/navigation.ts';
import { Panel } from '../../shared/Panel.tsx';
import { useReflection } from './reflection-queries.ts';

const ReflectionDialog = lazyNamed(() => import('./ReflectionDialog.tsx'), 'ReflectionDialog');

/**
 * Beside the week's report: from Friday of the current week (or for any past week) the app offers
 * the reflection prompts; a written one can be opened again.
 */
export function ReflectionCard({ week, ending }: { week: string; ending: boolean }) {
  const reflection = useReflection(week);
  const [open, setOpen] = useState(false);
  const written = Boolean(reflection.data?.updatedAt);
  if (!written && !ending) return null;
  return (
    <Panel
      title="Weekly reflection"
      link={{ href: hrefOf({ page: 'reflections' }), label: 'All reflections' }}
      className="reflection-card"
    >
      <p className="muted">
        {written
          ? `Written${reflection.data?.sharedWithTeam ? ', shared with the team' : ', private to you'}.`
          : 'The week is ending. Ten minutes with the legacy prompts: what did this week leave behind?'}
      </p>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {written ? 'Open my reflection' : 'Reflect on this week'}
      </button>
      {open && reflection.data && (
        <Suspense fallback={null}>
          <ReflectionDialog week={week} reflection={reflection.data} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </Panel>
  );
}
