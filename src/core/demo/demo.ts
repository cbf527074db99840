import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { findOrCreateAccount } from '../accounts/service.ts';
import { flagsOf, type Quadrant } from '../activities/quadrant.ts';
import { ownActivities } from '../activities/service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db, Tx } from '../db/client.ts';
import {
  type ActivityKind,
  accounts,
  activities,
  type GoalDimension,
  legacyGoals,
  stakeholderOwners,
  stakeholders,
} from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { refreshNotifications } from '../notifications/due.ts';
import { now } from '../time/clock.ts';
import { DEMO_ACCOUNT_PROFILES, DEMO_GOAL_OF_TEMPLATE } from './accounts.ts';
import { seedDecisions } from './decisions.ts';
import { seedScorecard } from './scorecard.ts';
import { type QuadrantTilt, seedDemoTeam } from './team.ts';

export const DEMO_ACCOUNTS = ['Northwind Foods', 'Contoso Retail', 'Fabrikam Logistics'] as const;

/** Their customers' email domains, so an imported meeting with them lands on the account. */
const DEMO_DOMAINS: Record<(typeof DEMO_ACCOUNTS)[number], string[]> = {
  'Northwind Foods': ['northwind.example'],
  'Contoso Retail': ['contoso.example'],
  'Fabrikam Logistics': ['fabrikam.example'],
};

interface Template {
  title: string;
  quadrant: Quadrant;
  kind: ActivityKind;
  minutes: number;
  /** Whether it happens at a customer account (picked per use) or internally. */
  customer: boolean;
  commercial: boolean;
}

const t = (
  quadrant: Quadrant,
  title: string,
  kind: ActivityKind,
  minutes: number,
  customer: boolean,
  commercial = false,
): Template => ({ title, quadrant, kind, minutes, customer, commercial });

const RECURRING_TITLE = 'Weekly sales team stand-up';

const TEMPLATES: Template[] = [
  t('q1', 'Escalation: late deliveries at {account}', 'customer_meeting', 60, true, true),
  t('q1', 'Price dispute call with the {account} buyer', 'customer_meeting', 45, true, true),
  t('q1', 'Urgent tender response for {account}', 'admin_reporting', 120, true, true),
  t('q1', 'Recall coordination with {account} quality team', 'customer_meeting', 90, true),
  t('q2', 'Coffee with the {account} supply-chain director', 'customer_meeting', 60, true),
  t('q2', 'Joint innovation workshop with {account}', 'customer_meeting', 120, true),
  t('q2', 'Account legacy plan: {account}', 'planning', 90, true),
  t('q2', 'Coaching the {account} category team on forecasting', 'development', 90, true),
  t('q2', 'Site visit: {account} distribution centre', 'travel', 180, true),
  t('q2', 'Quarterly business review preparation with {account}', 'planning', 90, true, true),
  t('q2', 'Introduce our CFO to the {account} finance director', 'customer_meeting', 60, true),
  t('q2', 'Read {account} annual report and strategy', 'development', 60, true),
  t('q3', RECURRING_TITLE, 'internal_meeting', 60, false),
  t('q3', 'Forecast call with sales operations', 'internal_meeting', 60, false, true),
  t('q3', 'Ad-hoc pricing committee', 'internal_meeting', 45, false, true),
  t('q3', 'Status call nobody needed', 'internal_meeting', 30, false),
  t('q3', 'CRM data clean-up request from marketing', 'admin_reporting', 45, false),
  t('q4', 'Expense reports', 'admin_reporting', 45, false),
  t('q4', 'Inbox triage', 'admin_reporting', 30, false),
  t('q4', 'Booking travel', 'admin_reporting', 30, false),
  t('q4', 'Formatting the monthly slide deck', 'admin_reporting', 60, false),
];

/** A small seeded generator, so the demo is the same on every machine. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function pickQuadrant(random: () => number, progress: number, tilt: QuadrantTilt): Quadrant {
  // Over the 12 weeks the Customer Manager wins time back for Q2 from Q3 and Q4.
  const weights: Record<Quadrant, number> = {
    q1: Math.max(0.02, 0.22 + (tilt.q1 ?? 0)),
    q2: Math.max(0.02, 0.16 + 0.22 * progress + (tilt.q2 ?? 0)),
    q3: Math.max(0.02, 0.38 - 0.16 * progress + (tilt.q3 ?? 0)),
    q4: Math.max(0.02, 0.24 - 0.06 * progress + (tilt.q4 ?? 0)),
  };
  let roll = random() * (weights.q1 + weights.q2 + weights.q3 + weights.q4);
  for (const q of ['q1', 'q2', 'q3', 'q4'] as const) {
    roll -= weights[q];
    if (roll <= 0) return q;
  }
  return 'q4';
}

export interface DemoActivity {
  title: string;
  /** A series' occurrence (the weekly stand-up), as a calendar import marks it. */
  recurring: boolean;
  startsAt: Date;
  minutes: number;
  quadrant: Quadrant;
  kind: ActivityKind;
  commercial: boolean;
  account: string | null;
}

/** A Customer Manager's working days over the 12 weeks up to `now` (this week up to today). */
export function demoWeeks(now: DateTime, weeks = 12, seed = 47, tilt: QuadrantTilt = {}): DemoActivity[] {
  const random = mulberry32(seed);
  const thisMonday = now.startOf('week');
  const items: DemoActivity[] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const monday = thisMonday.minus({ weeks: w });
    const progress = (weeks - 1 - w) / Math.max(1, weeks - 1);
    for (let day = 0; day < 5; day++) {
      const date = monday.plus({ days: day });
      if (date > now.endOf('day')) break;
      let cursor = date.set({ hour: 8, minute: 30 });
      const endOfDay = date.set({ hour: 17, minute: 30 });
      while (cursor < endOfDay) {
        const quadrant = pickQuadrant(random, progress, tilt);
        const options = TEMPLATES.filter((tpl) => tpl.quadrant === quadrant);
        const template = options[Math.floor(random() * options.length)] ?? TEMPLATES[0];
        if (!template) break;
        const account = template.customer
          ? (DEMO_ACCOUNTS[Math.floor(random() * DEMO_ACCOUNTS.length)] ?? null)
          : null;
        const minutes = Math.min(template.minutes, endOfDay.diff(cursor, 'minutes').minutes);
        items.push({
          title: template.title.replace('{account}', account ?? ''),
          recurring: template.title === RECURRING_TITLE,
          startsAt: cursor.toJSDate(),
          minutes,
          quadrant,
          kind: template.kind,
          commercial: template.commercial,
          account,
        });
        // A short gap between most blocks, as in a real calendar.
        cursor = cursor.plus({ minutes: minutes + (random() < 0.5 ? 15 : 0) });
      }
    }
  }
  return items;
}

interface DemoProfile {
  id: string;
  /** Emails of the stakeholders demo meetings are with. */
  contacts: string[];
  goals: Map<GoalDimension, string>;
}

/**
 * Finds or makes a demo account and fills in only what is still empty: domains, tier, legacy
 * statement, goals and stakeholders (a person's own entries always stay).
 */
async function seedAccount(tx: Tx, actor: Actor, name: (typeof DEMO_ACCOUNTS)[number]): Promise<DemoProfile> {
  const profile = DEMO_ACCOUNT_PROFILES[name];
  const domain = DEMO_DOMAINS[name][0] ?? 'example.com';
  const id = (await findOrCreateAccount(tx, actor, name)).id;
  await tx
    .update(accounts)
    .set({ domains: DEMO_DOMAINS[name] })
    .where(and(eq(accounts.id, id), sql`cardinality(${accounts.domains}) = 0`));
  await tx
    .update(accounts)
    .set({ tier: profile?.tier, legacyStatement: profile?.legacyStatement })
    .where(and(eq(accounts.id, id), isNull(accounts.legacyStatement)));

  const goals = new Map<GoalDimension, string>();
  const [hasGoals] = await tx
    .select({ id: legacyGoals.id })
    .from(legacyGoals)
    .where(eq(legacyGoals.accountId, id))
    .limit(1);
  if (!hasGoals && profile) {
    const rows = profile.goals.map((g) => ({
      ...g,
      id: randomUUID(),
      workspaceId: actor.workspaceId,
      accountId: id,
    }));
    await tx.insert(legacyGoals).values(rows);
    for (const row of rows) goals.set(row.dimension, row.id);
  }

  const [hasPeople] = await tx
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .where(eq(stakeholders.accountId, id))
    .limit(1);
  const contacts: string[] = [];
  if (!hasPeople && profile) {
    const people = profile.stakeholders.map(({ met, email, ...person }) => ({
      ...person,
      id: randomUUID(),
      workspaceId: actor.workspaceId,
      accountId: id,
      email: `${email}@${domain}`,
      met,
    }));
    await tx.insert(stakeholders).values(people.map(({ met: _met, ...row }) => row));
    await tx
      .insert(stakeholderOwners)
      .values(
        people.map((p) => ({ stakeholderId: p.id, userId: actor.userId, workspaceId: actor.workspaceId })),
      );
    contacts.push(...people.filter((p) => p.met).map((p) => p.email));
  }
  if (name === 'Northwind Foods') await seedScorecard(tx, actor, id);
  return { id, contacts, goals };
}

/** Loads the demo into the actor's own (empty) history, in one transaction. */
export async function loadDemo(
  db: Db,
  actor: Actor,
  at = DateTime.fromJSDate(now()),
): Promise<{ activities: number }> {
  const items = demoWeeks(at.setZone(actor.timeZone));
  const loaded = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: activities.id })
      .from(activities)
      .where(ownActivities(actor))
      .limit(1);
    if (existing)
      throw new AppError('conflict', 'demo data goes into an empty history; you already have activities');
    const profiles = new Map<string, DemoProfile>();
    for (const name of DEMO_ACCOUNTS) profiles.set(name, await seedAccount(tx, actor, name));
    const team = await seedDemoTeam(tx, actor, at);
    await seedDecisions(tx, actor, (name) => profiles.get(name)?.id ?? '', at);
    const nowDate = at.toJSDate();
    const rowsOf = (person: { userId: string; timeZone: string }, items: DemoActivity[]) =>
      items.map((item, index) => {
        const profile = item.account ? profiles.get(item.account) : undefined;
        const dimension = DEMO_GOAL_OF_TEMPLATE.find((g) => item.title.startsWith(g.startsWith))?.dimension;
        const contact =
          profile && item.kind === 'customer_meeting' && profile.contacts.length > 0
            ? profile.contacts[index % profile.contacts.length]
            : undefined;
        return {
          id: randomUUID(),
          workspaceId: actor.workspaceId,
          userId: person.userId,
          accountId: profile?.id ?? null,
          goalId: (dimension && profile?.goals.get(dimension)) ?? null,
          attendees: contact ? [{ email: contact, name: null, partstat: 'ACCEPTED' }] : [],
          title: item.title,
          startsAt: item.startsAt,
          endsAt: new Date(item.startsAt.getTime() + item.minutes * 60_000),
          minutes: item.minutes,
          timeZone: person.timeZone,
          ...flagsOf(item.quadrant),
          kind: item.kind,
          commercial: item.commercial,
          recurring: item.recurring,
          status: item.startsAt > nowDate ? ('planned' as const) : ('done' as const),
          source: 'demo' as const,
        };
      });
    const rows = [
      ...rowsOf(actor, items),
      ...team.flatMap((colleague) =>
        rowsOf(colleague, demoWeeks(at.setZone(colleague.timeZone), 12, colleague.seed, colleague.tilt)),
      ),
    ];
    for (let i = 0; i < rows.length; i += 500) await tx.insert(activities).values(rows.slice(i, i + 500));
    return { activities: items.length };
  });
  // The bell shows what the demo made due at once, not at the scheduler's next pass.
  await refreshNotifications(db, actor);
  return loaded;
}
