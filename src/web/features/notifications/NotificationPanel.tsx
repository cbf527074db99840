import type { UseQueryResult } from '@tanstack/react-query';
import { type KeyboardEvent, type RefObject, useEffect, useId, useRef } from 'react';
import type { Me } from '../../api/types.ts';
import { ListSkeleton, Loaded } from '../../shared/Loaded.tsx';
import { hrefOf } from '../../shared/navigation.ts';
import { NotificationList } from './NotificationList.tsx';
import {
  type NotificationItem,
  type NotificationList as Notifications,
  useMarkRead,
} from './notification-queries.ts';

interface NotificationPanelProps {
  id: string;
  me: Me;
  notifications: UseQueryResult<Notifications>;
  /** The bell that opened it: a click on it is not a click elsewhere. */
  bell: RefObject<HTMLButtonElement | null>;
  /** Closes the panel; `refocus` puts focus back on the bell (not when the person clicked elsewhere). */
  onClose: (refocus: boolean) => void;
}

/**
 * The notification centre the bell opens (a popover, a full-screen sheet on a phone): loaded when
 * the bell is first opened, so the page's first script carries only the bell.
 */
export function NotificationPanel({ id, me, notifications, bell, onClose }: NotificationPanelProps) {
  const markRead = useMarkRead();
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const unread = notifications.data?.unread ?? 0;

  useEffect(() => {
    panel.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !bell.current?.contains(target)) onClose(false);
    };
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') onClose(true);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [bell, onClose]);

  const follow = (item: NotificationItem) => {
    if (item.readAt === null) markRead.mutate({ ids: [item.id] });
    onClose(true);
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
    <div
      ref={panel}
      id={id}
      className="notifications"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={walk}
      onBlur={(event) => {
        const to = event.relatedTarget as Node | null;
        if (to && !panel.current?.contains(to) && !bell.current?.contains(to)) onClose(false);
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
          onClick={() => onClose(true)}
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
        <a href={hrefOf({ page: 'settings', section: 'notifications' })} onClick={() => onClose(false)}>
          E-mail digests and notification settings
        </a>
      </footer>
    </div>
  );
}
