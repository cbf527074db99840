import type { MouseEvent, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useModal } from './modal.ts';

interface ModalDialogProps {
  /** The dialog's classes, e.g. `dialog dialog--wide` or `sheet`. */
  className: string;
  onClose: () => void;
  /** Its content, given the id its heading must carry to name the dialog. */
  children: (titleId: string) => ReactNode;
}

/**
 * The frame every modal shares: a `<dialog>` shown for as long as it is mounted, that Escape and a
 * click on its backdrop close. In <body>, so a dialog opened from another dialog's form is not a
 * form inside a form.
 */
export function ModalDialog({ className, onClose, children }: ModalDialogProps) {
  const { dialog, titleId } = useModal();
  const closeOnBackdrop = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === dialog.current) onClose();
  };
  return createPortal(
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape already closes a modal dialog; the click is for the backdrop only.
    <dialog
      ref={dialog}
      className={className}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={closeOnBackdrop}
    >
      {children(titleId)}
    </dialog>,
    document.body,
  );
}
