import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, inArray, isNull, lt, lte, notInArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { type NotificationKind, notificationSettings, notifications } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';
import type { NotificationSettings, NotificationView } from './schemas.ts';

/** One thing to tell one person about. */
export interface Notice {
  kind: NotificationKind;
  /** Names the thing and its due state; the person is told about a key once. */
  key: string;
  title: string;
  url: string;
  dueOn?: string | null;
}

/** The newest this many are listed; the unread count covers all. */
const LIST_LIMIT = 100;

export async function listNotifications(
  db: Db,
  actor: Actor,
  options: { unread?: boolean } = {},
): Promise<{ items: NotificationView[]; unread: number }> {
  const mine = eq(notifications.userId, actor.userId);
  const [rows, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(options.unread ? and(mine, isNull(notifications.readAt)) : mine)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(LIST_LIMIT),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      url: r.url,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    unread: unread?.n ?? 0,
  };
}

/** Marks some (by id) or all of one's notifications read; an id that is not one's own is a 404. */
export async function markRead(db: Db, actor: Actor, input: { ids?: string[]; all?: boolean }) {
  const mine = eq(notifications.userId, actor.userId);
  if (input.all) {
    await db
      .update(notifications)
      .set({ readAt: now() })
      .where(and(mine, isNull(notifications.readAt)));
    return;
  }
  const ids = [...new Set(input.ids ?? [])];
  const found = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(mine, inArray(notifications.id, ids)));
  const missing = ids.find((id) => !found.some((f) => f.id === id));
  if (missing) throw AppError.notFound(`notification ${missing}`);
  await db
    .update(notifications)
    .set({ readAt: now() })
    .where(and(mine, inArray(notifications.id, ids), isNull(notifications.readAt)));
}

/** Tells a person about something, once per key (any number of processes may call it). */
export async function notify(
  db: Db | Tx,
  to: { userId: string; workspaceId: string },
  notices: Notice[],
): Promise<number> {
  if (notices.length === 0) return 0;
  const inserted = await db
    .insert(notifications)
    .values(
      notices.map((n) => ({
        id: randomUUID(),
        userId: to.userId,
        workspaceId: to.workspaceId,
        ...n,
        dueOn: n.dueOn ?? null,
      })),
    )
    .onConflictDoNothing({ target: [notifications.userId, notifications.key] })
    .returning({ id: notifications.id });
  return inserted.length;
}

/**
 * Marks read the unread notices of `kinds` whose key is no longer due: the person acted on them
 * (reviewed the decision, planned the week), so they leave "unread" without a click. Only notices
 * made by the time this pass looked at the data: another process's newer notice is not this pass's to judge.
 */
export async function resolveNotices(
  db: Db,
  userId: string,
  pass: { kinds: readonly NotificationKind[]; stillDue: string[]; startedAt: Date },
) {
  const conditions = [
    eq(notifications.userId, userId),
    isNull(notifications.readAt),
    inArray(notifications.kind, [...pass.kinds]),
    lte(notifications.createdAt, pass.startedAt),
  ];
  if (pass.stillDue.length > 0) conditions.push(notInArray(notifications.key, pass.stillDue));
  await db
    .update(notifications)
    .set({ readAt: now() })
    .where(and(...conditions));
}

/** Forgets notices read long ago (what is due again comes back under a new key). */
export async function pruneNotifications(db: Db, olderThanDays = 90) {
  const before = new Date(now().getTime() - olderThanDays * 86_400_000);
  await db.delete(notifications).where(lt(notifications.readAt, before));
}

/** What a person gets before they choose (the table's column defaults say the same). */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  weeklyPlan: true,
  fridayReflection: true,
  daily: false,
  email: true,
};

export async function getNotificationSettings(db: Db, userId: string): Promise<NotificationSettings> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
  if (!row) return { ...DEFAULT_NOTIFICATION_SETTINGS };
  return {
    weeklyPlan: row.weeklyPlan,
    fridayReflection: row.fridayReflection,
    daily: row.daily,
    email: row.email,
  };
}

export async function updateNotificationSettings(
  db: Db,
  userId: string,
  patch: Partial<NotificationSettings>,
): Promise<NotificationSettings> {
  const next = { ...(await getNotificationSettings(db, userId)), ...patch };
  await db
    .insert(notificationSettings)
    .values({ userId, ...next })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: { ...next, updatedAt: now() } });
  return next;
}
