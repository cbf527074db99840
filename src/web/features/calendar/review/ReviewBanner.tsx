import { hrefOf } from '../../../shared/navigation.ts';
import { useReviewCount } from '../../../shared/review-count.ts';

/** Imported events waiting in the review inbox, and the way there (nothing when none wait). */
export function ReviewBanner() {
  const toReview = useReviewCount().data ?? 0;
  if (toReview === 0) return null;
  return (
    <div className="review-banner" data-testid="review-banner">
      <span className="review-banner__dot" aria-hidden="true" />
      <span>
        <strong>
          {toReview.toLocaleString()} imported {toReview === 1 ? 'event waits' : 'events wait'} for review
        </strong>
        <span className="muted">
          {' '}
          — no rule could place {toReview === 1 ? 'it' : 'them'} on the matrix yet.
        </span>
      </span>
      <a className="button button--small" href={hrefOf({ page: 'review' })}>
        Review them
      </a>
    </div>
  );
}
