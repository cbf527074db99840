interface EditButtonProps {
  /** What is edited, for screen readers: `Edit goal Expand to EMEA`. */
  label: string;
  /** Classes besides the small button's, e.g. `button--ghost goal__edit`. */
  className?: string;
  onClick: () => void;
}

/** The small Edit button of a row or card in a list. */
export function EditButton({ label, className, onClick }: EditButtonProps) {
  return (
    <button
      type="button"
      className={className ? `button button--small ${className}` : 'button button--small'}
      aria-label={label}
      onClick={onClick}
    >
      Edit
    </button>
  );
}
