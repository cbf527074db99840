import { z } from '@hono/zod-openapi';
import {
  decideDrain,
  drainSchema,
  timeDecisionInputSchema,
  timeDrains,
} from '../../core/plan/time-drains.ts';
import { itemsOf } from '../context.ts';
import { featureRoutes } from '../operation.ts';

const drainQuadrant = z.object({
  quadrant: z.enum(['q3', 'q4'], { error: 'must be q3 (say no) or q4 (delegate)' }),
});

/** Time drains: Q3 meetings to say no to, Q4 work to delegate, and what you decided about them. */
export const [timeDrainRoutes, route] = featureRoutes('planning');

route.get('/time-drains/{quadrant}', {
  summary: 'Say no (q3: recurring meetings) or delegate (q4: work), ranked by hours over the last 8 weeks',
  params: drainQuadrant,
  responds: [200, 'Most hours first, with your decision', itemsOf(drainSchema)],
  run: async ({ db, actor, params }) => ({ items: await timeDrains(db, actor, params.quadrant) }),
});

route.put('/time-drains/{quadrant}', {
  summary: 'Decide about one of them: decline, shorten, delegate (to whom) or keep, with a follow-up date',
  params: drainQuadrant,
  body: timeDecisionInputSchema,
  responds: [200, 'The updated list', itemsOf(drainSchema)],
  run: async ({ db, actor, params, body }) => {
    await decideDrain(db, actor, params.quadrant, body);
    return { items: await timeDrains(db, actor, params.quadrant) };
  },
});
