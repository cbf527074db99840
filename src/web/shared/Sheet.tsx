import type { ReactNode } from 'react';
import { ModalDialog } from './ModalDialog.tsx';

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
  return (
    <ModalDialog className={className ? `sheet ${className}` : 'sheet'} onClose={onClose}>
      {(titleId) => (
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
      )}
    </ModalDialog>
  );
}
