import { useToast } from './Toasts.tsx';

/** For a dialog whose work is done: says so in a toast, then `then` (closes it). */
export function useToastThen(then: () => void) {
  const toast = useToast();
  return (message: string) => {
    toast({ message });
    then();
  };
}
