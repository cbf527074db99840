import type { Me } from '../../api/types.ts';
import { initialsOf } from '../../shared/format.ts';
import { hrefOf, type Route } from '../../shared/navigation.ts';
import { useReviewCount } from '../../shared/review-count.ts';
import { useSignOut } from '../auth/session.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { BrandMark } from './BrandMark.tsx';

/** The header's links; `leaders` ones only for leaders and the owner. */
const NAV: { label: string; route: Route; leaders?: boolean }[] = [
  { label: 'Week', route: { page: 'week' } },
  { label: 'Plan', route: { page: 'plan' } },
  { label: 'Today', route: { page: 'today' } },
  { label: 'Accounts', route: { page: 'accounts' } },
  { label: 'Team', route: { page: 'team' }, leaders: true },
  { label: 'Reflections', route: { page: 'reflections' } },
  { label: 'Import', route: { page: 'import' } },
  { label: 'Review', route: { page: 'review' } },
  { label: 'Rules', route: { page: 'rules' } },
  { label: 'Settings', route: { page: 'settings' } },
];

export function AppHeader({ me, current }: { me: Me; current: Route }) {
  const signOut = useSignOut();
  const toReview = useReviewCount().data ?? 0;
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <a className="app-header__brand" href={hrefOf({ page: 'week' })}>
          <BrandMark />
          <span className="app-header__product">Linchpin</span>
        </a>
        <span className="app-header__workspace" title="Workspace">
          {me.workspace.name}
        </span>
        <nav className="app-header__nav" aria-label="Main">
          {NAV.filter((item) => !item.leaders || me.role !== 'member').map((item) => (
            <a
              key={item.label}
              href={hrefOf(item.route)}
              className="app-header__link"
              aria-current={item.route.page === current.page ? 'page' : undefined}
            >
              {item.label}
              {item.route.page === 'review' && toReview > 0 && (
                <span className="nav-badge" data-testid="review-badge">
                  {toReview > 999 ? '999+' : toReview}
                  <span className="sr-only"> waiting</span>
                </span>
              )}
            </a>
          ))}
        </nav>
        <div className="app-header__user">
          <NotificationBell me={me} />
          <span className="avatar" aria-hidden="true" title={me.name}>
            {initialsOf(me.name)}
          </span>
          <span className="app-header__name">{me.name}</span>
          <button
            type="button"
            className="button button--ghost button--small"
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
