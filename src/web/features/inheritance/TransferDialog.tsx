import { useState } from 'react';
import type { AccountView } from '../../api/types.ts';
import { NameOptions, SelectField, TextAreaField } from '../../shared/Field.tsx';
import { FormDialog } from '../../shared/FormDialog.tsx';
import { problemOf } from '../../shared/forms.ts';
import { useToastThen } from '../../shared/toast-then.ts';
import { choosable, usePeople } from '../people/people-queries.ts';
import { useTransfer } from './inheritance-queries.ts';

/** Hands the account to a successor, who then works through the inheritance review. */
export function TransferDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const people = usePeople();
  const transfer = useTransfer(account.id);
  const done = useToastThen(onClose);
  const [toUserId, setToUserId] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const candidates = choosable(people.data).filter((p) => p.id !== account.owner?.id);
  const submit = () => {
    if (!toUserId) return setMissing(true);
    transfer.mutate(
      { toUserId, note: note.trim() || null },
      {
        onSuccess: (review) =>
          done(`${account.name} now belongs to ${review.to?.name}. Their inheritance review is ready.`),
      },
    );
  };
  const problem = problemOf(transfer.error);
  return (
    <FormDialog
      title={`Hand over ${account.name}`}
      className="dialog--small"
      onSubmit={submit}
      onClose={onClose}
      sending={transfer}
      saveLabel="Hand over"
      error={missing ? 'Choose the successor.' : problem.formMessage}
    >
      <p className="muted">
        The successor becomes the owner and gets an inheritance review: every precedent in force to keep,
        revisit or undo, and the introductions to ask for. Generate the handover pack first if you want a copy
        to send.
      </p>
      <SelectField<string>
        label="Successor"
        value={toUserId}
        onChange={setToUserId}
        error={problem.fields.toUserId}
      >
        <option value="">Choose…</option>
        <NameOptions items={candidates} />
      </SelectField>
      <TextAreaField
        label="Note for the successor"
        error={problem.fields.note}
        rows={3}
        maxLength={2000}
        value={note}
        onChange={setNote}
      />
    </FormDialog>
  );
}
