import { Suspense, useCallback, useId, useRef, useState } from 'react';
import type { Me } from '../../api/types.ts';
import { lazyNamed } from '../../shared/lazy.ts';
import { StrokeIcon } from '../../shared/StrokeIcon.tsx';
import { badgeText, bellLabel } from './notification-days.ts';
import { useNotifications } from './notification-queries.ts';

const NotificationPanel = lazyNamed(() => import('./NotificationPanel.tsx'), 'NotificationPanel');

/**
 * The header's bell: how many notifications are unread (asked for every minute and when the window
 * comes back), and the notification centre it opens (NotificationPanel, loaded when first wanted).
 */
export function NotificationBell({ me }: { me: Me }) {
  const notifications = useNotifications();
  const [open, setOpen] = useState(false);
  const bell = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const unread = notifications.data?.unread ?? 0;

  /** Closes the panel; focus goes back to the bell unless the person clicked elsewhere. */
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) bell.current?.focus();
  }, []);

  const toggle = () => {
    if (open) close(true);
    else {
      setOpen(true);
      void notifications.refetch();
    }
  };

  return (
    <div className="bell">
      <button
        ref={bell}
        type="button"
        className="button button--ghost button--icon bell__button"
        aria-label={bellLabel(unread)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-haspopup="dialog"
        data-testid="notification-bell"
        // Fetched as the pointer or focus comes near, so the centre opens at once.
        onPointerEnter={NotificationPanel.preload}
        onFocus={NotificationPanel.preload}
        onClick={toggle}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="nav-badge bell__badge" aria-hidden="true" data-testid="notification-badge">
            {badgeText(unread)}
          </span>
        )}
      </button>
      {open && (
        <Suspense fallback={null}>
          <NotificationPanel id={panelId} me={me} notifications={notifications} bell={bell} onClose={close} />
        </Suspense>
      )}
    </div>
  );
}

function BellIcon() {
  return (
    <StrokeIcon className="bell__icon" size={20}>
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </StrokeIcon>
  );
}
