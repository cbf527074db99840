import type { Me } from '../../api/types.ts';
import { SyncStatus } from '../../offline/SyncStatus.tsx';
import { initialsOf } from '../../shared/format.ts';
import { hrefOf, type Route } from '../../shared/navigation.ts';
import { useReviewCount } from '../../shared/review-count.ts';
import { useSignOut } from '../auth/session.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { BrandMark } from './BrandMark.tsx';
import { ReviewBadge } from './NavBadge.tsx';
import { headerItems, isCurrent } from './nav-items.ts';

/**
 * The top bar: the brand, the navigation and the person on wide screens; on a phone a slim bar
 * (brand and bell), the navigation being the tabs at the bottom of the screen (BottomNav).
 */
export function AppHeader({ me, current }: { me: Me; current: Route }) {
  const signOut = useSignOut();
  const toReview = useReviewCount().data ?? 0;
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <a className="app-header__brand" href={hrefOf({ page: 'home' })}>
          <BrandMark />
          <span className="app-header__product">Linchpin</span>
        </a>
        <span className="app-header__workspace" title="Workspace">
          {me.workspace.name}
        </span>
        <nav className="app-header__nav" aria-label="Main" data-testid="header-nav">
          {headerItems(me).map((item) => (
            <a
              key={item.page}
              href={hrefOf({ page: item.page })}
              className="app-header__link"
              aria-current={isCurrent(item, current) ? 'page' : undefined}
            >
              {item.label}
              {item.page === 'review' && <ReviewBadge count={toReview} testId="review-badge" />}
            </a>
          ))}
        </nav>
        <div className="app-header__user">
          <SyncStatus userId={me.id} />
          <NotificationBell me={me} />
          <span className="avatar app-header__avatar" aria-hidden="true" title={me.name}>
            {initialsOf(me.name)}
          </span>
          <span className="app-header__name">{me.name}</span>
          <button
            type="button"
            className="button button--ghost button--small app-header__sign-out"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
