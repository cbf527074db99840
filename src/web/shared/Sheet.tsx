import type { MouseEvent, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useModal } from './modal.ts';

interface SheetProps {
  title: ReactNode;
  /** A line under the title: what the sheet is about (the card being moved). */
  subtitle?: ReactNode;
  onClose: () => void;
  /** Extra classes beside `sheet`. */
  className?: string;
  children: ReactNode;
}

/**
 * A choice rising from the bottom of a phone's screen (a small centred dialog on wider ones), shown
 * for as long as it is mounted: a modal `<dialog>`, so focus stays inside it and starts on its
 * first choice; Escape, Cancel and a tap beside it close it.
 */
export function Sheet({ title, subtitle, onClose, className, children }: SheetProps) {
  const { dialog, titleId } = useModal();
  const closeOnBackdrop = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === dialog.current) onClose();
  };
  return createPortal(
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape already closes a modal dialog; the click is for the backdrop only.
    <dialog
      ref={dialog}
      className={className ? `sheet ${className}` : 'sheet'}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={closeOnBackdrop}
    >
      <div className="sheet__body">
        <header className="sheet__header">
          <h2 id={titleId} className="sheet__title">
            {title}
          </h2>
          {subtitle && <p className="sheet__subtitle">{subtitle}</p>}
        </header>
        {children}
        <button type="button" className="button sheet__cancel" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>,
    document.body,
  );
}
