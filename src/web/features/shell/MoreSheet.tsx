import type { Me } from '../../api/types.ts';
import { initialsOf } from '../../shared/format.ts';
import { hrefOf, type Route } from '../../shared/navigation.ts';
import { Sheet } from '../../shared/Sheet.tsx';
import { useSignOut } from '../auth/session.ts';
import { NavIcon } from './icons.tsx';
import { ReviewBadge } from './NavBadge.tsx';
import { isCurrent, moreItems } from './nav-items.ts';

interface MoreSheetProps {
  me: Me;
  current: Route;
  toReview: number;
  onClose: () => void;
}

/** The bottom navigation's More: the pages without a tab, who is signed in, and Sign out. */
export function MoreSheet({ me, current, toReview, onClose }: MoreSheetProps) {
  const signOut = useSignOut();
  return (
    <Sheet
      title="More"
      subtitle={
        <span className="more-sheet__who">
          <span className="avatar" aria-hidden="true">
            {initialsOf(me.name)}
          </span>
          <span>
            {me.name} <span className="muted">· {me.workspace.name}</span>
          </span>
        </span>
      }
      className="more-sheet"
      onClose={onClose}
    >
      <ul className="sheet__list">
        {moreItems(me).map((item) => (
          <li key={item.page}>
            <a
              className="sheet__item"
              href={hrefOf({ page: item.page })}
              aria-current={isCurrent(item, current) ? 'page' : undefined}
              onClick={onClose}
            >
              <NavIcon name={item.icon} />
              <span className="sheet__label">{item.page === 'review' ? 'Review inbox' : item.label}</span>
              {item.page === 'review' && <ReviewBadge count={toReview} />}
            </a>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="sheet__item"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate()}
          >
            <NavIcon name="signOut" />
            <span className="sheet__label">Sign out</span>
          </button>
        </li>
      </ul>
    </Sheet>
  );
}
