import { z } from '@hono/zod-openapi';
import { today } from '../../core/plan/service.ts';

import { featureRoutes } from '../operation.ts';
import { planItemSchema } from './plan.ts';

/** Today: the day's planned actions. */
export const [todayRoutes, route] = featureRoutes('planning');

route.get('/today', {
  summary: "Today's actions; unfinished ones from earlier days roll over first (their moves are kept)",
  responds: [200, 'Today', z.object({ day: z.string(), items: z.array(planItemSchema) })],
  run: ({ db, actor }) => today(db, actor),
});
