import { NameOptions } from '../../../shared/Field.tsx';
import { useAccounts } from '../../accounts/accounts-queries.ts';
import { INTERNAL, KEEP } from './rule-draft.ts';

/** The `<option>`s of an account choice: keep as is (`keepLabel`), internal, or one of the user's accounts. */
export function AccountOptions({ keepLabel }: { keepLabel: string }) {
  const accounts = useAccounts();
  return (
    <>
      <option value={KEEP}>{keepLabel}</option>
      <option value={INTERNAL}>Internal (no account)</option>
      <NameOptions items={accounts.data} />
    </>
  );
}
