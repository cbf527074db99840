import { type ReactNode, useState } from 'react';
import { createPortal } from 'react-dom';
import { problemOf } from './forms.ts';
import { useModal } from './modal.ts';
import { useToast } from './Toasts.tsx';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** A destructive action gets the danger button. */
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** A small modal question ("Remove this calendar?"); Escape or Cancel closes it, focus starts on Cancel. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  busy,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const { dialog, titleId } = useModal();

  return (
    <dialog ref={dialog} className="dialog dialog--small" aria-labelledby={titleId} onClose={onClose}>
      <div className="dialog__body">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <div className="dialog__text">{children}</div>
        <footer className="dialog__footer">
          <span className="spacer" />
          {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes focus when the question opens. */}
          <button type="button" className="button" onClick={onClose} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className={`button ${danger ? 'button--danger-solid' : 'button--primary'}`}
            onClick={onConfirm}
            disabled={busy}
          >
            {confirmLabel}
          </button>
        </footer>
      </div>
    </dialog>
  );
}

interface Mutation<V> {
  mutate: (variables: V, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
}

interface ConfirmButtonProps<V> {
  /** The button's text. */
  children: ReactNode;
  /** The button's name for screen readers and tests, when its text is not enough ("Delete Ann"). */
  label?: string;
  className: string;
  /** The question, e.g. "Delete ‘Standups’?". */
  title: string;
  /** What the answer does, in the question's body. */
  explanation: ReactNode;
  confirmLabel: string;
  /** The confirm button's text while it runs, e.g. "Deleting…". */
  busyLabel?: string;
  /** What a yes runs, with `variables`. */
  mutation: Mutation<V>;
  variables: V;
  /** The toast once it is done. */
  done: string;
  /** The toast when it failed, given the reason; without it the question stays open. */
  failed?: (reason: string | null) => string;
  /** After it is done, e.g. close the dialog it was asked from. */
  onDone?: () => void;
}

/**
 * A destructive action that asks first: the button opens the question, a yes runs the mutation
 * and a toast says how it went. The question renders in `<body>`, as if asked from the page.
 */
export function ConfirmButton<V>({
  children,
  label,
  className,
  title,
  explanation,
  confirmLabel,
  busyLabel,
  mutation,
  variables,
  done,
  failed,
  onDone,
}: ConfirmButtonProps<V>) {
  const [asking, setAsking] = useState(false);
  const toast = useToast();
  const confirm = () =>
    mutation.mutate(variables, {
      onSuccess: () => {
        toast({ message: done });
        setAsking(false);
        onDone?.();
      },
      onError: (error) => {
        if (!failed) return;
        toast({ tone: 'error', message: failed(problemOf(error).message) });
        setAsking(false);
      },
    });
  return (
    <>
      <button type="button" className={className} aria-label={label} onClick={() => setAsking(true)}>
        {children}
      </button>
      {asking &&
        createPortal(
          <ConfirmDialog
            title={title}
            confirmLabel={mutation.isPending && busyLabel ? busyLabel : confirmLabel}
            danger
            busy={mutation.isPending}
            onConfirm={confirm}
            onClose={() => setAsking(false)}
          >
            {explanation}
          </ConfirmDialog>,
          document.body,
        )}
    </>
  );
}
