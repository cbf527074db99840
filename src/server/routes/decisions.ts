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

route.get('/accounts/{id}/decisions', {
  summary: "The account's decision log: those in force first, newest first",
  responds: [200, 'Decisions', list],
  run: async ({ db, actor, params }) => ({ items: await listDecisions(db, actor, params.id) }),
});

route.post('/accounts/{id}/decisions', {
  summary: 'Record a decision (from a Q1 activity: fromActivityId fills the date and urgency)',
  body: decisionInputSchema,
  responds: [201, 'The decision', decisionSchema],
  run: ({ db, actor, params, body }) => createDecision(db, actor, params.id, body),
});

route.get('/decisions/due', {
  summary: 'Decisions in force on your accounts whose review-by date has come by `until` (default today)',
  query: z.object({ until: z.iso.date('must be a date like 2026-11-29').optional() }),
  responds: [200, 'Decisions to review, earliest first', list],
  run: async ({ db, actor, query }) => ({
    items: await decisionsDue(db, actor, query.until ?? todayIn(actor.timeZone)),
  }),
});

route.get('/decisions/{id}', {
  summary: 'One decision',
  responds: [200, 'The decision', decisionSchema],
  run: ({ db, actor, params }) => getDecision(db, actor, params.id),
});

route.patch('/decisions/{id}', {
  summary: 'Change a decision or its status (active, revisited, retired, undone — undone needs a reason)',
  body: decisionPatchSchema,
  responds: [200, 'The decision', decisionSchema],
  run: ({ db, actor, params, body }) => updateDecision(db, actor, params.id, body),
});

route.delete('/decisions/{id}', {
  summary: 'Remove a decision recorded by mistake (to end one, set its status instead)',
  responds: [204, 'Removed'],
  run: ({ db, actor, params }) => deleteDecision(db, actor, params.id),
});
