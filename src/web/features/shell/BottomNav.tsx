import { Suspense, useRef, useState } from 'react';
import type { Me } from '../../api/types.ts';
import { lazyNamed } from '../../shared/lazy.ts';
import { hrefOf, type Route } from '../../shared/navigation.ts';
import { useReviewCount } from '../../shared/review-count.ts';
import { NavIcon } from './icons.tsx';
import { isCurrent, moreItems, tabItems } from './nav-items.ts';

// Loaded when first opened: the pages' first script carries only the tabs.
const MoreSheet = lazyNamed(() => import('./MoreSheet.tsx'), 'MoreSheet');

/**
 * A phone's navigation (shell.css shows it up to 720 px): Today, Week, Plan and Accounts as tabs
 * fixed to the bottom of the screen, and More for the rest, in a sheet.
 */
export function BottomNav({ me, current }: { me: Me; current: Route }) {
  const [moreOpen, setMoreOpen] = useState(false);
  const moreButton = useRef<HTMLButtonElement>(null);
  const toReview = useReviewCount().data ?? 0;
  const inMore = moreItems(me).some((item) => isCurrent(item, current));
  const closeMore = () => {
    setMoreOpen(false);
    moreButton.current?.focus();
  };
  return (
    <nav className="bottom-nav" aria-label="Main" data-testid="bottom-nav">
      {tabItems(me).map((item) => (
        <a
          key={item.page}
          href={hrefOf({ page: item.page })}
          className="bottom-nav__tab"
          aria-current={isCurrent(item, current) ? 'page' : undefined}
        >
          <NavIcon name={item.icon} />
          <span className="bottom-nav__label">{item.label}</span>
        </a>
      ))}
      <button
        ref={moreButton}
        type="button"
        className={`bottom-nav__tab${inMore ? ' bottom-nav__tab--within' : ''}`}
        aria-haspopup="dialog"
        aria-expanded={moreOpen}
        onClick={() => setMoreOpen(true)}
      >
        <NavIcon name="more" />
        <span className="bottom-nav__label">More</span>
        {toReview > 0 && (
          <span className="bottom-nav__dot">
            <span className="sr-only">, {toReview} to review</span>
          </span>
        )}
      </button>
      {moreOpen && (
        <Suspense fallback={null}>
          <MoreSheet me={me} current={current} toReview={toReview} onClose={closeMore} />
        </Suspense>
      )}
    </nav>
  );
}
