import type { FormEvent } from 'react';
import { WaitingActivities } from '../../offline/SyncStatus.tsx';
import { useSignedInId } from '../../offline/sync.ts';
import { FormError } from '../../shared/Field.tsx';
import { problemOf } from '../../shared/forms.ts';
import { PanelHeading } from '../../shared/Panel.tsx';
import { SubmitButton } from '../../shared/SubmitButton.tsx';
import { ActivityFields } from './ActivityFields.tsx';
import { useQuickAdd } from './quick-add.ts';

interface QuickAddProps {
  week: string;
  defaultDay: string;
  defaultStart: string;
}

export function QuickAdd(props: QuickAddProps) {
  const { draft, change, errors, add, sending, titleRef } = useQuickAdd(props);
  const userId = useSignedInId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add();
  };
  return (
    <form className="panel quick-add" onSubmit={submit} noValidate>
      <PanelHeading title="Quick add" subtitle="Log what you did or plan what is next; press Enter to add." />
      <FormError message={problemOf(sending.error).formMessage} />
      <div className="activity-grid activity-grid--inline">
        <ActivityFields draft={draft} errors={errors} onChange={change} titleRef={titleRef} />
        <div className="area-submit">
          <SubmitButton label="Add" busy={sending.isPending} />
        </div>
      </div>
      {userId && <WaitingActivities userId={userId} />}
    </form>
  );
}
