import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import { accountDomains } from '../../accounts/service.ts';
import { type Quadrant, quadrantOf } from '../../activities/quadrant.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { updateGiven } from '../../db/patch.ts';
import {
  type ActivityKind,
  accounts,
  activities,
  type RuleActions,
  rules,
  users,
} from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { now } from '../../time/clock.ts';
import { addDays, todayIn } from '../../time/days.ts';
import { formatInZone, startOfDayIn } from '../../time/weeks.ts';
import { type ClassificationContext, compileRules, type Decision } from './engine.ts';
import {
  MAX_RULES,
  type PreviewResult,
  type RuleDraft,
  type RuleInput,
  type RulePatch,
  type RuleView,
} from './schemas.ts';
import { ensureStarterRules } from './starter.ts';

/** Imported activities, the only ones rules classify. */
const IMPORTED = ['calendar', 'csv'] as const;
const PREVIEW_WEEKS = 8;
const PREVIEW_SAMPLE = 20;
const PAGE = 1000;
const UPDATE_BATCH = 500;

type RuleRow = typeof rules.$inferSelect;

function toView(row: RuleRow): RuleView {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    position: row.position,
    conditions: row.conditions,
    actions: row.actions,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const own = (actor: Actor) => and(eq(rules.workspaceId, actor.workspaceId), eq(rules.userId, actor.userId));

/** Serialises changes to one user's rule order (creates, deletes, reorders) across processes. */
async function lockRules(tx: Tx, actor: Actor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`linchpin.rules:${actor.userId}`}))`);
}

async function ownRules(db: Db | Tx, actor: Actor): Promise<RuleRow[]> {
  return db
    .select()
    .from(rules)
    .where(own(actor))
    .orderBy(asc(rules.position), asc(rules.createdAt), asc(rules.id));
}

async function findOwn(db: Db | Tx, actor: Actor, id: string): Promise<RuleRow> {
  const [row] = await db
    .select()
    .from(rules)
    .where(and(own(actor), eq(rules.id, id)));
  if (!row) throw AppError.notFound('rule');
  return row;
}

/** A rule may only link to an account of the actor's workspace. */
async function checkActions(db: Db | Tx, actor: Actor, actions: RuleActions | undefined): Promise<void> {
  if (typeof actions?.accountId !== 'string') return;
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, actor.workspaceId), eq(accounts.id, actions.accountId)));
  if (!row) throw AppError.invalid('actions.accountId', 'is not an account in this workspace');
}

/** The user's rules in order (the starter rules are created the first time). */
export async function listRules(db: Db, actor: Actor): Promise<RuleView[]> {
  await ensureStarterRules(db, actor);
  return (await ownRules(db, actor)).map(toView);
}

/** Adds a rule at the end of the order and re-applies the rules to imported activities. */
export async function createRule(
  db: Db,
  actor: Actor,
  input: RuleInput,
): Promise<RuleView & { changed: number }> {
  await checkActions(db, actor, input.actions);
  await ensureStarterRules(db, actor);
  return db.transaction(async (tx) => {
    await lockRules(tx, actor);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int`, last: sql<number | null>`max(${rules.position})` })
      .from(rules)
      .where(own(actor));
    if ((count?.n ?? 0) >= MAX_RULES) {
      throw new AppError('conflict', `you already have ${MAX_RULES} rules, the most one person can have`);
    }
    const [row] = await tx
      .insert(rules)
      .values({
        id: randomUUID(),
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        position: (count?.last ?? -1) + 1,
        name: input.name,
        enabled: input.enabled ?? true,
        conditions: input.conditions ?? {},
        actions: input.actions,
      })
      .returning();
    if (!row) throw new Error('rule insert returned nothing');
    const { changed } = await applyRules(tx, actor);
    return { ...toView(row), changed };
  });
}

/** Changes a rule (conditions and actions are replaced as a whole) and re-applies the rules. */
export async function updateRule(
  db: Db,
  actor: Actor,
  id: string,
  patch: RulePatch,
): Promise<RuleView & { changed: number }> {
  const current = await findOwn(db, actor, id);
  await checkActions(db, actor, patch.actions);
  return db.transaction(async (tx) => {
    const written = await updateGiven(
      tx,
      rules,
      and(own(actor), eq(rules.id, id)),
      { name: patch.name, enabled: patch.enabled, conditions: patch.conditions, actions: patch.actions },
      { updatedAt: now() },
    );
    // Nothing given, nothing changed: the rule as it is, and no re-classification.
    if (!written) return { ...toView(current), changed: 0 };
    const { changed } = await applyRules(tx, actor);
    return { ...toView(await findOwn(tx, actor, id)), changed };
  });
}

/** Deletes a rule; what it classified is classified again by the remaining rules. */
export async function deleteRule(db: Db, actor: Actor, id: string): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    await lockRules(tx, actor);
    const [row] = await tx
      .delete(rules)
      .where(and(own(actor), eq(rules.id, id)))
      .returning({ position: rules.position });
    if (!row) throw AppError.notFound('rule');
    await tx
      .update(rules)
      .set({ position: sql`${rules.position} - 1` })
      .where(and(own(actor), gt(rules.position, row.position)));
    return applyRules(tx, actor);
  });
}

/** Puts the user's rules in the given order: `ids` must name each of their rules exactly once. */
export async function reorderRules(
  db: Db,
  actor: Actor,
  ids: string[],
): Promise<{ items: RuleView[]; changed: number }> {
  return db.transaction(async (tx) => {
    await lockRules(tx, actor);
    const current = await ownRules(tx, actor);
    const known = new Set(current.map((r) => r.id));
    if (ids.some((id) => !known.has(id))) throw AppError.notFound('rule');
    if (new Set(ids).size !== ids.length || ids.length !== current.length) {
      throw AppError.invalid('ids', `must list each of your ${current.length} rules exactly once`);
    }
    if (ids.length > 0) {
      const positions = sql.join(
        ids.map((id, position) => sql`(${id}::text, ${position}::int)`),
        sql`, `,
      );
      await tx.execute(sql`
        update ${rules} set position = v.position, updated_at = now()
        from (values ${positions}) as v(id, position)
        where ${rules.id} = v.id and ${rules.userId} = ${actor.userId} and ${rules.position} <> v.position`);
    }
    const { changed } = await applyRules(tx, actor);
    return { items: (await ownRules(tx, actor)).map(toView), changed };
  });
}

/** The user's own email domain: colleagues share it. */
async function ownDomainsOf(db: Db | Tx, actor: Actor): Promise<string[]> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
  const domain = row?.email.split('@')[1]?.trim().toLowerCase();
  return domain ? [domain] : [];
}

/** Everything the engine needs, with `rules` the user's enabled rules in order (or the given list). */
async function contextOf(db: Db | Tx, actor: Actor, ruleRows?: RuleRow[]): Promise<ClassificationContext> {
  // One after another: inside a transaction they share one connection (node-postgres deprecates overlap).
  const rows = ruleRows ?? (await ownRules(db, actor));
  const accountRows = await accountDomains(db, actor.workspaceId);
  const ownDomains = await ownDomainsOf(db, actor);
  return {
    rules: rows
      .filter((r) => r.enabled)
      .map(({ id, name, conditions, actions }) => ({ id, name, conditions, actions })),
    accounts: accountRows,
    ownDomains,
  };
}

const classifiedColumns = {
  id: activities.id,
  source: activities.source,
  title: activities.title,
  startsAt: activities.startsAt,
  timeZone: activities.timeZone,
  minutes: activities.minutes,
  attendees: activities.attendees,
  organizer: activities.organizer,
  location: activities.location,
  recurring: activities.recurring,
  accountId: activities.accountId,
  urgent: activities.urgent,
  important: activities.important,
  kind: activities.kind,
  commercial: activities.commercial,
  classification: activities.classification,
  ruleId: activities.ruleId,
};

interface Classified {
  accountId: string | null;
  urgent: boolean;
  important: boolean;
  kind: ActivityKind;
  commercial: boolean;
  classification: 'manual' | 'rule' | 'unclassified';
  ruleId: string | null;
}

/**
 * What an imported activity becomes under the rules: exactly what the engine says, except that on a
 * CSV row an account, kind or commercial flag the rules leave undecided keeps its current value,
 * because it may be what the export stated (its account or project column), which the import put
 * above the rules. Calendar events state none of these, so theirs follow the rules (and defaults).
 */
function reclassified(current: Classified & { source: string }, decision: Decision): Classified {
  const keep = current.source === 'csv';
  return {
    accountId: decision.decided.accountId || !keep ? decision.accountId : current.accountId,
    urgent: decision.urgent,
    important: decision.important,
    kind: decision.decided.kind || !keep ? decision.kind : current.kind,
    commercial: decision.decided.commercial || !keep ? decision.commercial : current.commercial,
    classification: decision.classification,
    ruleId: decision.ruleId,
  };
}

function sameClassification(a: Classified, b: Classified): boolean {
  return (
    a.accountId === b.accountId &&
    a.urgent === b.urgent &&
    a.important === b.important &&
    a.kind === b.kind &&
    a.commercial === b.commercial &&
    a.classification === b.classification &&
    a.ruleId === b.ruleId
  );
}

const quadrantOrNull = (c: Classified): Quadrant | null =>
  c.classification === 'unclassified' ? null : quadrantOf(c);

/**
 * What saving a draft rule would do to the imported events of the last and the next 8 weeks: the draft goes
 * first in the order (or, with an `id`, in that rule's place) and the rules are applied as a
 * re-apply would. `matched` counts the events the draft's conditions match (manually classified
 * ones too), `wouldChange` those whose stored classification would change (never a manual one),
 * `sample` up to 20 of those, newest first, with the quadrant before and after (null: unclassified).
 */
export async function previewRule(db: Db, actor: Actor, draft: RuleDraft): Promise<PreviewResult> {
  await ensureStarterRules(db, actor);
  await checkActions(db, actor, draft.actions);
  const current = await ownRules(db, actor);
  if (draft.id !== undefined && !current.some((r) => r.id === draft.id)) throw AppError.notFound('rule');
  const draftId = draft.id ?? `draft-${randomUUID()}`;
  const draftRule: RuleRow = {
    id: draftId,
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    position: -1,
    name: draft.name ?? 'Draft',
    enabled: true,
    conditions: draft.conditions ?? {},
    actions: draft.actions,
    createdAt: now(),
    updatedAt: now(),
  };
  const ordered =
    draft.id === undefined ? [draftRule, ...current] : current.map((r) => (r.id === draftId ? draftRule : r));
  const classifier = compileRules(await contextOf(db, actor, ordered));

  const today = todayIn(actor.timeZone);
  const rows = await db
    .select(classifiedColumns)
    .from(activities)
    .where(
      and(
        eq(activities.workspaceId, actor.workspaceId),
        eq(activities.userId, actor.userId),
        inArray(activities.source, [...IMPORTED]),
        isNull(activities.deletedAt),
        gte(activities.startsAt, startOfDayIn(addDays(today, -PREVIEW_WEEKS * 7), actor.timeZone)),
        // Upcoming imported events too (the import reaches 8 weeks ahead): a rule made from a
        // review item about next week should match it.
        lt(activities.startsAt, startOfDayIn(addDays(today, PREVIEW_WEEKS * 7 + 1), actor.timeZone)),
      ),
    )
    .orderBy(desc(activities.startsAt), desc(activities.id));

  const result: PreviewResult = { matched: 0, wouldChange: 0, sample: [] };
  for (const row of rows) {
    if (classifier.matches(draftId, row)) result.matched++;
    if (row.classification === 'manual') continue;
    const next = reclassified(row, classifier.decide(row));
    if (sameClassification(row, next)) continue;
    result.wouldChange++;
    if (result.sample.length < PREVIEW_SAMPLE) {
      result.sample.push({
        id: row.id,
        title: row.title,
        startsAt: formatInZone(row.startsAt, row.timeZone),
        from: quadrantOrNull(row),
        to: quadrantOrNull(next),
      });
    }
  }
  return result;
}

/**
 * Classifies the user's imported activities (not deleted, not classified by hand) again with their
 * current rules and the accounts' domains, all of them or the given ids; returns how many changed.
 * Runs in one transaction (a savepoint when given one).
 */
export async function applyRules(
  db: Db | Tx,
  actor: Actor,
  options: { activityIds?: string[] } = {},
): Promise<{ changed: number }> {
  if (options.activityIds?.length === 0) return { changed: 0 };
  await ensureStarterRules(db, actor);
  return db.transaction(async (tx) => {
    const classifier = compileRules(await contextOf(tx, actor));
    const scope: (SQL | undefined)[] = [
      eq(activities.workspaceId, actor.workspaceId),
      eq(activities.userId, actor.userId),
      inArray(activities.source, [...IMPORTED]),
      ne(activities.classification, 'manual'),
      isNull(activities.deletedAt),
    ];
    const idChunks = options.activityIds ? chunk([...new Set(options.activityIds)], PAGE) : [undefined];
    let changed = 0;
    const pending: (Classified & { id: string })[] = [];
    const flush = async () => {
      while (pending.length > 0) await writeClassifications(tx, actor, pending.splice(0, UPDATE_BATCH));
    };
    for (const ids of idChunks) {
      let after: string | null = null;
      for (;;) {
        const rows = await tx
          .select(classifiedColumns)
          .from(activities)
          .where(
            and(
              ...scope,
              ids ? inArray(activities.id, ids) : undefined,
              after === null ? undefined : gt(activities.id, after),
            ),
          )
          .orderBy(asc(activities.id))
          .limit(PAGE);
        for (const row of rows) {
          const next = reclassified(row, classifier.decide(row));
          if (sameClassification(row, next)) continue;
          changed++;
          pending.push({ id: row.id, ...next });
        }
        if (pending.length >= UPDATE_BATCH) await flush();
        if (rows.length < PAGE) break;
        after = (rows.at(-1) as { id: string }).id;
      }
    }
    await flush();
    return { changed };
  });
}

/** One statement per batch: `update … from (values …)`, never touching a manual classification. */
async function writeClassifications(tx: Tx, actor: Actor, rows: (Classified & { id: string })[]) {
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.id}::text, ${r.accountId}::text, ${r.urgent}::boolean, ${r.important}::boolean, ${r.kind}::text, ${r.commercial}::boolean, ${r.classification}::text, ${r.ruleId}::text)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    update ${activities} set
      account_id = v.account_id, urgent = v.urgent, important = v.important, kind = v.kind,
      commercial = v.commercial, classification = v.classification, rule_id = v.rule_id, updated_at = now()
    from (values ${values}) as v(id, account_id, urgent, important, kind, commercial, classification, rule_id)
    where ${activities.id} = v.id and ${activities.userId} = ${actor.userId}
      and ${activities.classification} <> 'manual'`);
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
