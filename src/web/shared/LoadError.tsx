import { problemOf } from './forms.ts';

/** A panel's data could not be loaded: says what and why, with Retry where it makes sense. */
export function LoadError({ what, error, onRetry }: { what: string; error: unknown; onRetry?: () => void }) {
  return (
    <p className="form-error" role="alert">
      {what} could not be loaded: {problemOf(error).message}
      {onRetry && (
        <>
          {' '}
          <button type="button" className="button button--small" onClick={onRetry}>
            Retry
          </button>
        </>
      )}
    </p>
  );
}
