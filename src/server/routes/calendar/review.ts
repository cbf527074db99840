import { z } from '@hono/zod-openapi';
import { classifyActivities, listReview } from '../../../core/calendar/review.ts';
import { reviewDecisionSchema, reviewItemSchema } from '../../../core/calendar/schemas.ts';

import { featureRoutes } from '../../operation.ts';

export const [reviewRoutes, route] = featureRoutes('import');

route.get('/review', {
  summary: 'Imported activities no rule classified, newest first',
  query: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }),
  responds: [
    200,
    'The review inbox',
    z.object({ items: z.array(reviewItemSchema), total: z.number().int() }),
  ],
  run: ({ db, actor, query }) => listReview(db, actor, query),
});

route.post('/review/classify', {
  summary: 'Classify activities by hand (one or many); later imports keep the decision',
  body: reviewDecisionSchema,
  responds: [200, 'How many were classified', z.object({ updated: z.number().int() })],
  // An id of no activity of yours
  errors: [404],
  run: ({ db, actor, body }) => classifyActivities(db, actor, body),
});
