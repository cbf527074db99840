import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { instanceSettings, type RuleActions, type RuleConditions, rules } from '../../db/schema/index.ts';
import { now } from '../../time/clock.ts';

export interface StarterRule {
  name: string;
  conditions: RuleConditions;
  actions: RuleActions;
}

/**
 * The rules a Customer Manager starts with, in order. Each field is set by the first matching rule
 * that sets it, so "Incident review with Northwind" is Q1 (rule 1) and a customer meeting (rule 3),
 * and a flight gets kind travel but waits in the review inbox for its quadrant.
 */
export const STARTER_RULES: readonly StarterRule[] = [
  {
    name: 'Escalations, incidents, outages and complaints: respond now (Q1)',
    conditions: {
      titleWords: [
        'escalation',
        'escalations',
        'escalated',
        'escalate',
        'incident',
        'incidents',
        'outage',
        'outages',
        'complaint',
        'complaints',
        'sev1',
        'sev 1',
      ],
    },
    actions: { urgent: true, important: true },
  },
  {
    name: 'Flights, trains and travel: travel time (the quadrant is yours to decide)',
    conditions: {
      titleWords: ['flight', 'flights', 'train', 'travel', 'travelling', 'traveling', 'trip', 'airport'],
    },
    actions: { kind: 'travel' },
  },
  {
    name: "Someone from a customer account's email domain attends: customer meeting, builds the legacy (Q2)",
    conditions: { attendeeFromAccount: true },
    actions: { kind: 'customer_meeting', urgent: false, important: true },
  },
  {
    name: 'Account plans, strategy, planning and prep: planning, builds the legacy (Q2)',
    conditions: {
      titleWords: [
        'account plan',
        'account plans',
        'account planning',
        'strategy',
        'strategic',
        'planning',
        'prep',
        'preparation',
        'prepare',
      ],
    },
    actions: { kind: 'planning', urgent: false, important: true },
  },
  {
    name: 'Expenses, timesheets, CRM updates, forecasts and reporting: admin to batch or delegate (Q4)',
    conditions: {
      titleWords: [
        'expenses',
        'expense',
        'timesheet',
        'timesheets',
        'time sheet',
        'crm',
        'forecast',
        'forecasting',
        'reporting',
        'report',
        'reports',
        'admin',
      ],
    },
    actions: { kind: 'admin_reporting', urgent: false, important: false },
  },
  {
    name: 'Only colleagues attend: internal meeting, challenge whether you are needed (Q3)',
    conditions: { allAttendeesInternal: true },
    actions: { kind: 'internal_meeting', urgent: true, important: false },
  },
];

/** Marks in instance_settings that a user has been given the starter rules (once, ever). */
export const starterMarkerKey = (userId: string) => `rules.starter:${userId}`;

/**
 * Gives the user the starter rules the first time their rules are listed or an import runs.
 * Idempotent and safe when several requests do it at once: the one that inserts the marker row
 * (primary key, `on conflict do nothing`) creates the rules in the same transaction; the others
 * wait for it and then do nothing. A user who deletes the rules does not get them back, and one
 * who already has rules of their own gets none.
 */
export async function ensureStarterRules(db: Db | Tx, actor: Actor): Promise<{ created: number }> {
  const key = starterMarkerKey(actor.userId);
  const [marked] = await db
    .select({ key: instanceSettings.key })
    .from(instanceSettings)
    .where(eq(instanceSettings.key, key));
  if (marked) return { created: 0 };
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(instanceSettings)
      .values({ key, value: now().toISOString() })
      .onConflictDoNothing()
      .returning({ key: instanceSettings.key });
    if (claimed.length === 0) return { created: 0 };
    const [existing] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(rules)
      .where(and(eq(rules.workspaceId, actor.workspaceId), eq(rules.userId, actor.userId)));
    if ((existing?.n ?? 0) > 0) return { created: 0 };
    await tx.insert(rules).values(
      STARTER_RULES.map((rule, position) => ({
        id: randomUUID(),
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        position,
        name: rule.name,
        conditions: rule.conditions,
        actions: rule.actions,
      })),
    );
    return { created: STARTER_RULES.length };
  });
}
