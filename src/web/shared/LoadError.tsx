import { problemOf } from './forms.ts';

interface LoadErrorProps {
  what: string;
  error: unknown;
  onRetry?: () => void;
  /** In a panel of its own, where the page's content would be. */
  inPanel?: boolean;
}

/** A panel's data could not be loaded: says what and why, with Retry where it makes sense. */
export function LoadError({ what, error, onRetry, inPanel }: LoadErrorProps) {
  const Box = inPanel ? 'div' : 'p';
  return (
    <Box className={inPanel ? 'panel form-error' : 'form-error'} role="alert">
      {what} could not be loaded: {problemOf(error).message}
      {onRetry && (
        <>
          {' '}
          <button type="button" className="button button--small" onClick={onRetry}>
            Retry
          </button>
        </>
      )}
    </Box>
  );
}
