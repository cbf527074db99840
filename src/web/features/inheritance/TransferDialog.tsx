import { type FormEvent, useState } from 'react';
import type { AccountView } from '../../api/types.ts';
import { Field, FormError, SelectField } from '../../shared/Field.tsx';
import { DialogFooter, FormDialog } from '../../shared/FormDialog.tsx';
import { problemOf } from '../../shared/forms.ts';
import { useToast } from '../../shared/Toasts.tsx';
import { choosable, usePeople } from '../people/people-queries.ts';
import { useTransfer } from './inheritance-queries.ts';

/** Hands the account to a successor, who then works through the inheritance review. */
export function TransferDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const people = usePeople();
  const transfer = useTransfer(account.id);
  const toast = useToast();
  const [toUserId, setToUserId] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const candidates = choosable(people.data).filter((p) => p.id !== account.owner?.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!toUserId) return setMissing(true);
    transfer.mutate(
      { toUserId, note: note.trim() || null },
      {
        onSuccess: (review) => {
          toast({
            message: `${account.name} now belongs to ${review.to?.name}. Their inheritance review is ready.`,
          });
          onClose();
        },
      },
    );
  };
  const problem = problemOf(transfer.error);
  return (
    <FormDialog
      titleId="transfer-title"
      title={`Hand over ${account.name}`}
      className="dialog--small"
      onSubmit={submit}
      onClose={onClose}
    >
      <FormError
        message={
          missing ? 'Choose the successor.' : Object.keys(problem.fields).length ? null : problem.message
        }
      />
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
        {candidates.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <Field label="Note for the successor" error={problem.fields.note}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <DialogFooter onCancel={onClose} saving={transfer.isPending} saveLabel="Hand over" />
    </FormDialog>
  );
}
