import { useState } from 'react';
import type { AccountView } from '../../api/types.ts';
import { Check, ChoiceField } from '../../shared/Field.tsx';
import { FormDialog } from '../../shared/FormDialog.tsx';
import { problemOf } from '../../shared/forms.ts';
import { useToast } from '../../shared/Toasts.tsx';
import { useCreateAccount } from './accounts-queries.ts';
import {
  type ContactChoice,
  type ContactRow,
  type ContactsSummary,
  useImportContacts,
  usePreviewContacts,
} from './contacts-import-queries.ts';
import { FUNCTION_LABELS, LEVEL_LABELS } from './stakeholder-labels.ts';

const ACTION_LABELS: Record<ContactRow['action'], string> = {
  added: 'Add',
  updated: 'Update',
  unchanged: 'Unchanged',
  skipped: 'Skip',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Account page → Import stakeholders: a contacts file (CRM CSV or vCard) is previewed row by row —
 * what would be added, updated, left alone or skipped and why — the suggested level and function
 * of new people can be corrected, and Import writes it all at once.
 */
export function ContactsImportDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [onlyHere, setOnlyHere] = useState(false);
  const [choices, setChoices] = useState<Map<number, ContactChoice>>(new Map());
  const preview = usePreviewContacts();
  const run = useImportContacts();
  const createAccount = useCreateAccount();
  const toast = useToast();

  const previewOf = (chosen: File | null, here = onlyHere) => {
    setFile(chosen);
    setChoices(new Map());
    preview.reset();
    if (chosen) preview.mutate({ file: chosen, dryRun: true, accountId: here ? account.id : undefined });
  };
  const summary = preview.data;
  const rows = summary?.rows.map((row) => ({ ...row, ...choices.get(row.line) })) ?? [];
  const writes = summary ? summary.added + summary.updated : 0;

  const choose = (row: ContactRow, patch: Partial<ContactChoice>) =>
    setChoices((before) => {
      const next = new Map(before);
      const { line, level, function: fn, buyingOffice } = { ...row, ...before.get(row.line), ...patch };
      next.set(line, { line, level, function: fn, buyingOffice });
      return next;
    });

  const submit = () => {
    if (!file || !summary || writes === 0) return;
    run.mutate(
      { file, dryRun: false, accountId: onlyHere ? account.id : undefined, choices: [...choices.values()] },
      {
        onSuccess: (done) => {
          toast({ message: doneMessage(done) });
          onClose();
        },
      },
    );
  };

  const addAccount = (name: string) =>
    createAccount.mutate(
      { name },
      {
        onSuccess: () => previewOf(file),
        onError: (error) => toast({ message: `${name} was not created: ${problemOf(error).message}` }),
      },
    );

  return (
    <FormDialog
      title="Import stakeholders"
      className="dialog--wide contacts-import"
      onSubmit={submit}
      onClose={onClose}
      sending={run}
      error={problemOf(preview.error ?? run.error).message}
      saveLabel={
        summary ? (writes ? `Import ${plural(writes, 'stakeholder')}` : 'Nothing to import') : undefined
      }
    >
      <p className="dialog__text">
        A contacts file from Salesforce, HubSpot, Outlook or Google (CSV), or a vCard (.vcf). People land on
        the account named like their company, or whose e-mail domain they have. Someone already there keeps
        what you entered; only empty title and e-mail are filled in.
      </p>
      <div className="contacts-import__pick">
        <label className="button">
          {file ? 'Choose another file' : 'Choose a file…'}
          <input
            type="file"
            className="sr-only"
            aria-label="Contacts file"
            accept=".csv,.vcf,text/csv,text/vcard"
            onChange={(e) => previewOf(e.target.files?.[0] ?? null)}
          />
        </label>
        {file && <span className="contacts-import__file">{file.name}</span>}
        <Check
          label={`Put everyone on ${account.name}`}
          checked={onlyHere}
          onChange={(checked) => {
            setOnlyHere(checked);
            if (file) previewOf(file, checked);
          }}
        />
      </div>
      {preview.isPending && (
        <p className="muted" role="status">
          Reading the file…
        </p>
      )}
      {summary && (
        <>
          <p className="contacts-import__summary" role="status">
            {previewLine(summary)}
          </p>
          {summary.unknownCompanies.length > 0 && (
            <div className="contacts-import__unknown">
              <span>No account yet for:</span>
              {summary.unknownCompanies.map((name) => (
                <button
                  key={name}
                  type="button"
                  className="button button--small"
                  disabled={createAccount.isPending}
                  onClick={() => addAccount(name)}
                >
                  Create account {name}
                </button>
              ))}
            </div>
          )}
          <PreviewTable rows={rows} onChoose={choose} />
        </>
      )}
    </FormDialog>
  );
}

function previewLine(summary: ContactsSummary): string {
  return [
    `${summary.added} to add`,
    `${summary.updated} to update`,
    `${summary.unchanged} unchanged`,
    `${summary.skipped.length} skipped`,
  ].join(' · ');
}

function doneMessage(done: ContactsSummary): string {
  const parts = [`${plural(done.added, 'stakeholder')} added`];
  if (done.updated) parts.push(`${done.updated} updated`);
  if (done.skipped.length) parts.push(`${done.skipped.length} skipped`);
  return `${parts.join(', ')}.`;
}

const HEADINGS = ['Contact', 'Action', 'Account', 'Level', 'Function', 'Why'];
/** Rows drawn at a time: a CRM export of thousands would otherwise draw two selects per contact at once. */
const PAGE_ROWS = 200;

/** The preview, one row a contact; cards on a phone like the stakeholders' table. */
function PreviewTable({
  rows,
  onChoose,
}: {
  rows: ContactRow[];
  onChoose: (row: ContactRow, patch: Partial<ContactChoice>) => void;
}) {
  const [shown, setShown] = useState(PAGE_ROWS);
  return (
    <>
      <div className="stakeholder-table__scroll contacts-import__table">
        <table className="stakeholder-table">
          <thead>
            <tr>
              {HEADINGS.map((heading) => (
                <th key={heading} scope="col" className="stakeholder-table__heading">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((row) => (
              <tr key={row.line} data-testid="contact-row" className={`contacts-import__row--${row.action}`}>
                <td className="stakeholder-table__cell">
                  <span className="stakeholder-table__name">{row.name || `(line ${row.line})`}</span>
                  {row.buyingOffice && <span className="tag tag--buying">Buying office</span>}
                  <span className="stakeholder-table__title">
                    {[row.title, row.email].filter(Boolean).join(' · ') || '—'}
                  </span>
                </td>
                <td className="stakeholder-table__cell" data-label="Action">
                  <span className={`tag contacts-import__action contacts-import__action--${row.action}`}>
                    {ACTION_LABELS[row.action]}
                  </span>
                </td>
                <td className="stakeholder-table__cell" data-label="Account">
                  {row.account?.name ?? row.company ?? '—'}
                </td>
                <ChoiceCell
                  heading="Level"
                  row={row}
                  labels={LEVEL_LABELS}
                  value={row.level}
                  onChange={(level) => onChoose(row, { level })}
                />
                <ChoiceCell
                  heading="Function"
                  row={row}
                  labels={FUNCTION_LABELS}
                  value={row.function}
                  onChange={(fn) => onChoose(row, { function: fn, buyingOffice: fn === 'procurement' })}
                />
                <td className="stakeholder-table__cell contacts-import__reason" data-label="Why">
                  <span>
                    <span className="muted">Line {row.line}: </span>
                    {row.reason}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <p className="contacts-import__more">
          <span className="muted">
            Showing {shown.toLocaleString()} of {rows.length.toLocaleString()} contacts; all of them are
            imported.
          </span>{' '}
          <button type="button" className="button button--small" onClick={() => setShown(shown + PAGE_ROWS)}>
            Show {Math.min(PAGE_ROWS, rows.length - shown)} more
          </button>
        </p>
      )}
    </>
  );
}

/** A suggestion a new person's row lets one correct; others show what is (or nothing, when skipped). */
function ChoiceCell<T extends string>({
  heading,
  row,
  labels,
  value,
  onChange,
}: {
  heading: string;
  row: ContactRow;
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <td className="stakeholder-table__cell" data-label={heading}>
      {row.action === 'added' ? (
        <ChoiceField label={`${heading} of ${row.name}`} labels={labels} value={value} onChange={onChange} />
      ) : row.action === 'skipped' ? (
        '—'
      ) : (
        labels[value]
      )}
    </td>
  );
}
