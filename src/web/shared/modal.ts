import { useEffect, useId, useRef } from 'react';

/** A `<dialog>` shown as a modal for as long as it is mounted, named by its heading (`titleId`). */
export function useModal() {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return { dialog, titleId };
}
