import { z } from '@hono/zod-openapi';
import { decisionInputSchema, decisionPatchSchema, decisionSchema } from '../../core/decisions/schemas.ts';
import {
  createDecision,
  decisionsDue,
  deleteDecision,
  getDecision,
  listDecisions,
  updateDecision,
} from '../../core/decisions/service.ts';
import { todayIn } from '../../core/time/days.ts';
import { itemsOf } from '../context.ts';
import { featureRoutes } from '../operation.ts';

const list = itemsOf(decisionSchema);

export const [decisionRoutes, route] = featureRoutes('decisions');

route.children('/accounts/{id}/decisions', {
  noun: 'decision',
  schema: decisionSchema,
  list: {
    summary: "The account's decision log: those in force first, newest first",
    answer: 'Decisions',
    run: listDecisions,
  },
  add: {
    summary: 'Record a decision (from a Q1 activity: fromActivityId fills the date and urgency)',
    body: decisionInputSchema,
    run: createDecision,
  },
});

route.get('/decisions/due', {
  summary: 'Decisions in force on your accounts whose review-by date has come by `until` (default today)',
  query: z.object({ until: z.iso.date('must be a date like 2026-11-29').optional() }),
  responds: [200, 'Decisions to review, earliest first', list],
  run: async ({ db, actor, query }) => ({
    items: await decisionsDue(db, actor, query.until ?? todayIn(actor.timeZone)),
  }),
});

route.item('/decisions/{id}', {
  noun: 'decision',
  schema: decisionSchema,
  get: { summary: 'One decision', run: getDecision },
  patch: {
    summary: 'Change a decision or its status (active, revisited, retired, undone — undone needs a reason)',
    body: decisionPatchSchema,
    run: updateDecision,
  },
  delete: {
    summary: 'Remove a decision recorded by mistake (to end one, set its status instead)',
    run: deleteDecision,
  },
});
