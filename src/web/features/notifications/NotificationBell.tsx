import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Me } from '../../api/types.ts';
import { ListSkeleton, Loaded } from '../../shared/Loaded.tsx';
import { hrefOf } from '../../shared/navigation.ts';
import { StrokeIcon } from '../../shared/StrokeIcon.tsx';
import { NotificationList } from './NotificationList.tsx';
import { badgeText, bellLabel } from './notification-days.ts';
import { type NotificationItem, useMarkRead, useNotifications } from './notification-queries.ts';

/**
 * The header's bell: how many notifications are unread (asked for every minute and when the window
 * comes back), and the notification centre it opens — a popover, a full-screen sheet on a phone.
 */
export function NotificationBell({ me }: { me: Me }) {
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const [open, setOpen] = useState(false);
  const bell = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const titleId = useId();
  const unread = notifications.data?.unread ?? 0;

  /** Closes the panel; focus goes back to the bell unless the person clicked elsewhere. */
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) bell.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !bell.current?.contains(target)) close(false);
    };
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') close(true);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, close]);

  const toggle = () => {
    if (open) close(true);
    else {
      setOpen(true);
      void notifications.refetch();
    }
  };

  const follow = (item: NotificationItem) => {
    if (item.readAt === null) markRead.mutate({ ids: [item.id] });
    close(true);
  };

  // Up and Down walk the list, Home and End jump to its ends; Tab still goes everywhere.
  const walk = (event: KeyboardEvent<HTMLDivElement>) => {
    const links = [...(panel.current?.querySelectorAll<HTMLElement>('.notification__link') ?? [])];
    if (links.length === 0 || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const at = links.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? links.length - 1
          : event.key === 'ArrowDown'
            ? Math.min(at + 1, links.length - 1)
            : Math.max(at - 1, 0);
    links[next]?.focus();
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
        <div
          ref={panel}
          id={panelId}
          className="notifications"
          role="dialog"
          aria-labelledby={titleId}
          tabIndex={-1}
          onKeyDown={walk}
          onBlur={(event) => {
            const to = event.relatedTarget as Node | null;
            if (to && !panel.current?.contains(to) && !bell.current?.contains(to)) close(false);
          }}
        >
          <header className="notifications__header">
            <h2 id={titleId} className="notifications__title">
              Notifications
            </h2>
            <button
              type="button"
              className="button button--ghost button--small"
              disabled={unread === 0}
              onClick={() => markRead.mutate({ all: true })}
            >
              Mark all read
            </button>
            <button
              type="button"
              className="button button--ghost button--icon button--small notifications__close"
              onClick={() => close(true)}
            >
              <span aria-hidden="true">×</span>
              <span className="sr-only">Close notifications</span>
            </button>
          </header>
          <div className="notifications__scroll">
            <Loaded
              query={notifications}
              what="Notifications"
              retry
              loading={<ListSkeleton rows={3} className="notifications__loading" />}
            >
              {(list) => <NotificationList items={list.items} timeZone={me.timeZone} onOpen={follow} />}
            </Loaded>
          </div>
          <footer className="notifications__footer">
            <a href={hrefOf({ page: 'settings', section: 'notifications' })} onClick={() => close(false)}>
              E-mail digests and notification settings
            </a>
          </footer>
        </div>
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
