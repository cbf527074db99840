import { eq, isNull } from 'drizzle-orm';
import { type Actor, ownReach } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { DIGEST_KINDS, type DigestKind, notificationSettings, users } from '../db/schema/index.ts';
import { decisionsDue } from '../decisions/service.ts';
import { AppError } from '../errors.ts';
import { mailHtml, mailText } from '../mail/layout.ts';
import type { Mail } from '../mail/mailer.ts';
import { enqueueMails, type OutboxRow, type RenderMail } from '../mail/outbox.ts';
import { FOLLOW_UP_DAYS } from '../notifications/due.ts';
import type { NotificationSettings } from '../notifications/schemas.ts';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  getNotificationSettings,
  updateNotificationSettings,
} from '../notifications/service.ts';
import { suggestions, today } from '../plan/service.ts';
import { followUps } from '../plan/time-drains.ts';
import { PROMPT_TEXT, REFLECTION_PROMPTS } from '../reflections/prompts.ts';
import { DEFAULT_TARGETS } from '../reports/targets.ts';
import { weekReport } from '../reports/week-report.ts';
import { now } from '../time/clock.ts';
import { addDays, dateIn } from '../time/days.ts';
import { shiftWeek, weekOf, weekRange } from '../time/weeks.ts';
import { type DigestFacts, digestDocument } from './content.ts';
import { nextSlot, slotToSend } from './slots.ts';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe.ts';

/** The digests a person gets: the weekly plan, the Friday reflection and the daily one, in their zone. */

const SETTING: Record<DigestKind, keyof NotificationSettings> = {
  weekly_plan: 'weeklyPlan',
  friday_reflection: 'fridayReflection',
  daily: 'daily',
};

type Person = Actor & { name: string; email: string };

async function personOf(db: Db, userId: string) {
  const [row] = await db
    .select({
      userId: users.id,
      workspaceId: users.workspaceId,
      role: users.role,
      timeZone: users.timeZone,
      name: users.name,
      email: users.email,
      targets: users.targets,
      deactivatedAt: users.deactivatedAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/** What the digest of `kind` says to `person` now. */
async function facts(
  db: Db,
  person: Person & { targets: typeof users.$inferSelect.targets },
  kind: DigestKind,
  links: { origin: string; secret: string },
): Promise<DigestFacts> {
  const at = now();
  const day = dateIn(at, person.timeZone);
  const week = weekOf(at, person.timeZone);
  const own = ownReach(person);
  const until =
    kind === 'weekly_plan'
      ? addDays(dateIn(weekRange(week, person.timeZone).to.toJSDate(), person.timeZone), -1)
      : day;
  const targets = person.targets ?? DEFAULT_TARGETS;
  const [report, picks, decisions, drains, plan] = await Promise.all([
    kind === 'daily'
      ? null
      : weekReport(db, person, { week: kind === 'weekly_plan' ? shiftWeek(week, -1) : week, targets }),
    kind === 'weekly_plan' ? suggestions(db, own) : [],
    kind === 'friday_reflection' ? [] : decisionsDue(db, own, until),
    kind === 'friday_reflection' ? [] : followUps(db, person, { from: addDays(day, -FOLLOW_UP_DAYS), until }),
    kind === 'daily' ? today(db, person) : null,
  ]);
  return {
    kind,
    name: person.name,
    origin: links.origin,
    timeZone: person.timeZone,
    day,
    week,
    report,
    suggestions: picks.slice(0, 5),
    due: [
      ...decisions.map((d) => ({
        title: `Review the decision "${d.title}" (${d.accountName})`,
        url: `/#/accounts/${d.accountId}/decisions/${d.id}`,
        on: d.reviewBy,
      })),
      ...drains.map((f) => ({ title: `Follow up on "${f.title}"`, url: '/#/plan', on: f.followUp })),
    ],
    actions: (plan?.items ?? []).filter((i) => !i.done),
    prompts: REFLECTION_PROMPTS.slice(4, 7).map((p) => PROMPT_TEXT[p]),
    unsubscribeUrl: `${links.origin}/api/public/unsubscribe/${unsubscribeToken(links.secret, person.userId, kind)}`,
    settingsUrl: `${links.origin}/#/settings/notifications`,
  };
}

function toMail(
  to: string,
  digest: { subject: string; doc: Parameters<typeof mailHtml>[0] },
  unsubscribeUrl: string,
): Mail {
  return {
    to,
    subject: digest.subject,
    text: mailText(digest.doc),
    html: mailHtml(digest.doc),
    // RFC 8058: mail clients show "Unsubscribe" and POST to it; no sign-in, no confirmation page.
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** The next digest the person would get (by its time; the weekly plan if all are off), as it reads now. */
export async function previewDigest(db: Db, actor: Actor, links: { origin: string; secret: string }) {
  const person = await personOf(db, actor.userId);
  if (!person) throw AppError.notFound('user');
  const settings = await getNotificationSettings(db, actor.userId);
  const on = DIGEST_KINDS.filter((k) => settings[SETTING[k]]);
  const at = now();
  const kind =
    on.length === 0
      ? 'weekly_plan'
      : on.reduce((a, b) => (nextSlot(b, person.timeZone, at) < nextSlot(a, person.timeZone, at) ? b : a));
  const f = await facts(db, person, kind, links);
  const { subject, text, html } = toMail(person.email, digestDocument(f), f.unsubscribeUrl);
  return { subject, text, html };
}

/** Builds a digest when the outbox sends it; null (dropped) when the person or the digest is off by then. */
export function renderDigestMail(db: Db, links: { origin: string; secret: string }): RenderMail {
  return async (row: OutboxRow) => {
    const kind = row.kind as DigestKind;
    if (!row.userId || !(DIGEST_KINDS as readonly string[]).includes(kind)) return null;
    const person = await personOf(db, row.userId);
    if (!person || person.deactivatedAt) return null;
    const settings = await getNotificationSettings(db, row.userId);
    if (!settings.email || !settings[SETTING[kind]]) return null;
    // A row left from before downtime (or a time zone change) is not the digest due now: drop it,
    // so the person gets the current one once, not two that both say what is true today.
    const due = slotToSend(kind, person.timeZone, now(), person.createdAt);
    if (due?.toISOString() !== row.subject.slot) return null;
    const f = await facts(db, person, kind, links);
    return toMail(person.email, digestDocument(f), f.unsubscribeUrl);
  };
}

/** The outbox key of one person's digest of one slot: the same from every process, so it is sent once. */
export const digestKey = (kind: DigestKind, userId: string, slot: Date) =>
  `digest:${kind}:${userId}:${slot.toISOString()}`;

/**
 * Puts every digest whose time has come into the outbox, once: the key is the person, the kind and
 * the slot, so every process may run this. Only the latest slot, and only while fresh, is enqueued:
 * after downtime a person gets one digest, not the ones missed.
 */
export async function enqueueDueDigests(db: Db): Promise<number> {
  const people = await db
    .select({
      userId: users.id,
      workspaceId: users.workspaceId,
      timeZone: users.timeZone,
      createdAt: users.createdAt,
      settings: notificationSettings,
    })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(isNull(users.deactivatedAt));
  const at = now();
  const wanted: { workspaceId: string; userId: string; kind: DigestKind; key: string; slot: Date }[] = [];
  for (const p of people) {
    const s = p.settings ?? DEFAULT_NOTIFICATION_SETTINGS;
    if (!s.email) continue;
    for (const kind of DIGEST_KINDS) {
      if (!s[SETTING[kind]]) continue;
      const slot = slotToSend(kind, p.timeZone, at, p.createdAt);
      if (slot) wanted.push({ ...p, kind, slot, key: digestKey(kind, p.userId, slot) });
    }
  }
  return enqueueMails(
    db,
    wanted.map((w) => ({
      workspaceId: w.workspaceId,
      userId: w.userId,
      kind: w.kind,
      key: w.key,
      subject: { slot: w.slot.toISOString() },
    })),
  );
}

/** One-click unsubscribe: turns that digest off for its person; an unknown token is a 404. */
export async function unsubscribe(db: Db, secret: string, token: string) {
  const reader = readUnsubscribeToken(secret, token);
  if (!reader) throw AppError.notFound('unsubscribe link');
  const person = await personOf(db, reader.userId);
  if (!person) throw AppError.notFound('unsubscribe link');
  await updateNotificationSettings(db, reader.userId, { [SETTING[reader.kind]]: false });
  return { kind: reader.kind, email: person.email };
}
