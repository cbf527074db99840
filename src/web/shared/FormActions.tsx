import { SubmitButton, type SubmitButtonProps } from './SubmitButton.tsx';

interface FormActionsProps extends SubmitButtonProps {
  /** The row's own class, e.g. `legacy-form__actions`. */
  className: string;
  onCancel: () => void;
  /** Cancel as a borderless button. */
  quietCancel?: boolean;
}

/** The foot of an inline form: Cancel, then its main button. */
export function FormActions({ className, onCancel, quietCancel, ...submit }: FormActionsProps) {
  return (
    <div className={className}>
      <button type="button" className={quietCancel ? 'button button--ghost' : 'button'} onClick={onCancel}>
        Cancel
      </button>
      <SubmitButton {...submit} />
    </div>
  );
}
