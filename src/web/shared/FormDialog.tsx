import type { ReactNode } from 'react';
import { FormError } from './Field.tsx';
import { problemOf, type Sending } from './forms.ts';
import { ModalDialog } from './ModalDialog.tsx';
import { SubmitButton } from './SubmitButton.tsx';

interface FormDialogProps {
  title: string;
  /** Extra classes for the dialog, e.g. `dialog--wide`. */
  className?: string;
  /** What sending the form does; the browser's own submit (a page load) never happens. */
  onSubmit: () => void;
  onClose: () => void;
  /** What the form sends: while it runs the button waits; why it failed shows above the fields. */
  sending: Sending;
  /** Says why the form was not accepted in place of the server's words (those a field shows go beside it). */
  error?: string | null;
  /** The submit button's label: with it the dialog ends in the footer of Cancel and that button. */
  saveLabel?: string;
  /** The footer's actions on the left, e.g. Delete. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A modal form with a titled header and a close button; Escape, the × and a backdrop click close it. */
export function FormDialog({
  title,
  className,
  onSubmit,
  onClose,
  sending,
  error = problemOf(sending.error).formMessage,
  saveLabel,
  actions,
  children,
}: FormDialogProps) {
  // Its submit stops here, since React would bubble it through the portal to a form this dialog
  // was opened from.
  return (
    <ModalDialog className={className ? `dialog ${className}` : 'dialog'} onClose={onClose}>
      {(titleId) => (
        <form
          className="dialog__body"
          onSubmit={(event) => {
            event.preventDefault();
            event.stopPropagation();
            onSubmit();
          }}
          noValidate
        >
          <header className="dialog__header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="button button--icon button--ghost" onClick={onClose}>
              <span aria-hidden="true">×</span>
              <span className="sr-only">Close</span>
            </button>
          </header>
          <FormError message={error} />
          {children}
          {saveLabel && (
            <DialogFooter onCancel={onClose} saving={sending.isPending} saveLabel={saveLabel}>
              {actions}
            </DialogFooter>
          )}
        </form>
      )}
    </ModalDialog>
  );
}

interface DialogFooterProps {
  onCancel: () => void;
  saving: boolean;
  saveLabel: string;
  /** Actions on the left, e.g. Delete. */
  children?: ReactNode;
}

/** The footer of a form dialog: any leading actions, then Cancel and the submit button. */
function DialogFooter({ onCancel, saving, saveLabel, children }: DialogFooterProps) {
  return (
    <footer className="dialog__footer">
      {children}
      <span className="spacer" />
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <SubmitButton label={saveLabel} busy={saving} busyLabel="Saving…" />
    </footer>
  );
}
