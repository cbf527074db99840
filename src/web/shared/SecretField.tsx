import type { ReactNode } from 'react';
import { useToast } from './Toasts.tsx';

interface SecretFieldProps {
  /** Names the read-only field for screen readers and tests, e.g. "Invitation link". */
  label: string;
  value: string;
  /** What to do with it, e.g. "Send this link; it is shown only now:". */
  children: ReactNode;
  testId?: string;
}

/** A link or token shown once, selected on focus, with a Copy button. */
export function SecretField({ label, value, children, testId }: SecretFieldProps) {
  const toast = useToast();
  const copy = () =>
    navigator.clipboard
      ?.writeText(value)
      .then(() => toast({ message: 'Copied.' }))
      .catch(() => toast({ message: 'Copying was refused: select the text and copy it.', tone: 'error' }));
  return (
    <div className="fresh-link" role="status">
      <span className="fresh-link__text">{children}</span>
      <span className="fresh-link__value">
        <input
          readOnly
          value={value}
          aria-label={label}
          data-testid={testId}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button button--small" onClick={copy}>
          Copy
        </button>
      </span>
    </div>
  );
}
