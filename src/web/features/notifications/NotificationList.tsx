import { type ReactNode, useId } from 'react';
import { todayIn } from '../../shared/dates.ts';
import { KIND_LABELS } from './labels.ts';
import { groupByDay, hrefOfNotification, timeIn } from './notification-days.ts';
import type { NotificationItem } from './notification-queries.ts';

interface NotificationListProps {
  items: NotificationItem[];
  timeZone: string;
  /** An item was followed (clicked or Enter): mark it read, close the panel. */
  onOpen: (item: NotificationItem) => void;
}

/** Every recent notification, newest first under its day; unread ones bold with a dot. */
export function NotificationList({ items, timeZone, onOpen }: NotificationListProps) {
  if (items.length === 0) {
    return (
      <p className="notifications__empty" data-testid="notifications-empty">
        Nothing due. You're on top of things.
      </p>
    );
  }
  const groups = groupByDay(items, timeZone, todayIn(timeZone));
  return (
    <div className="notifications__days">
      {groups.map((group) => (
        <DayGroup key={group.day} label={group.label}>
          {group.items.map((item) => (
            <NotificationRow key={item.id} item={item} timeZone={timeZone} onOpen={onOpen} />
          ))}
        </DayGroup>
      ))}
    </div>
  );
}

function DayGroup({ label, children }: { label: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="notifications__day" aria-labelledby={headingId} data-testid="notification-day">
      <h3 id={headingId} className="notifications__day-label">
        {label}
      </h3>
      <ul className="notifications__items">{children}</ul>
    </section>
  );
}

function NotificationRow({
  item,
  timeZone,
  onOpen,
}: {
  item: NotificationItem;
  timeZone: string;
  onOpen: (item: NotificationItem) => void;
}) {
  const unread = item.readAt === null;
  return (
    <li
      className={unread ? 'notification notification--unread' : 'notification'}
      data-testid="notification"
      data-unread={unread}
    >
      <a className="notification__link" href={hrefOfNotification(item.url)} onClick={() => onOpen(item)}>
        <span className="notification__dot" aria-hidden="true" />
        {unread && <span className="sr-only">Unread: </span>}
        <span className="notification__body">
          <span className="notification__title">{item.title}</span>
          <span className="notification__meta">
            {KIND_LABELS[item.kind]} · {timeIn(item.createdAt, timeZone)}
          </span>
        </span>
      </a>
    </li>
  );
}
