import { type FormEvent, type MouseEvent, type ReactNode, useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

interface FormDialogProps {
  /** The heading's id, which labels the dialog. */
  titleId: string;
  title: string;
  /** Extra classes for the dialog, e.g. `dialog--wide`. */
  className?: string;
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
  children: ReactNode;
}

/** A modal form with a titled header and a close button; Escape, the × and a backdrop click close it. */
export function FormDialog({ titleId, title, className, onSubmit, onClose, children }: FormDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  const closeOnBackdrop = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === dialog.current) onClose();
  };

  // In <body>, so a dialog opened from another dialog's form is not a form inside a form; and its
  // submit stops here, since React would bubble it to the outer form through the portal.
  return createPortal(
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape already closes a modal dialog; the click is for the backdrop only.
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={closeOnBackdrop}
    >
      <form
        className="dialog__body"
        onSubmit={(event) => {
          event.stopPropagation();
          onSubmit(event);
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
        {children}
      </form>
    </dialog>,
    document.body,
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
export function DialogFooter({ onCancel, saving, saveLabel, children }: DialogFooterProps) {
  return (
    <footer className="dialog__footer">
      {children}
      <span className="spacer" />
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button--primary" disabled={saving}>
        {saving ? 'Saving…' : saveLabel}
      </button>
    </footer>
  );
}
