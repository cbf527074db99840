import type { ReactNode } from 'react';

interface EmptyNoteProps {
  /** What would be here, and how it gets here. */
  children: ReactNode;
  /** The way to start: a button, or a link when `href` is given. */
  action?: { label: string; onClick?: () => void; href?: string };
}

/** A dashed box saying there is nothing here yet, with the way to start when there is one. */
export function EmptyNote({ children, action }: EmptyNoteProps) {
  if (!action) return <p className="empty-note">{children}</p>;
  return (
    <div className="empty-note">
      <p>{children}</p>
      {action.href ? (
        <a className="button" href={action.href}>
          {action.label}
        </a>
      ) : (
        <button type="button" className="button" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
