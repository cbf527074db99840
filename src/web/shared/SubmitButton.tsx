export interface SubmitButtonProps {
  label: string;
  /** The form is being sent: the button is disabled and says `busyLabel` (or still `label`). */
  busy: boolean;
  busyLabel?: string;
  /** As wide as its form, as on the sign-in card. */
  block?: boolean;
}

/** A form's main button. */
export function SubmitButton({ label, busy, busyLabel, block }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      className={`button button--primary${block ? ' button--block' : ''}`}
      disabled={busy}
    >
      {busy && busyLabel ? busyLabel : label}
    </button>
  );
}
