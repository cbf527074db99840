import { isApiError } from '../api/client.ts';
import { problemOf } from './forms.ts';

/** A page whose subject could not be loaded: gone (404) or failing, with a way back. */
export function LoadFailure({
  error,
  what,
  backHref,
  backLabel,
}: {
  error: unknown;
  what: string;
  backHref: string;
  backLabel: string;
}) {
  return (
    <div className="accounts-page">
      <div className="empty-note">
        <p>
          {isApiError(error, 404)
            ? `This ${what} does not exist, or was removed.`
            : `The ${what} could not be loaded: ${problemOf(error).message}`}
        </p>
        <a className="button" href={backHref}>
          {backLabel}
        </a>
      </div>
    </div>
  );
}
