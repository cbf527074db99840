import { z } from '@hono/zod-openapi';
import { loadDemo } from '../../core/demo/demo.ts';

import { featureRoutes } from '../operation.ts';

export const [demoRoutes, route] = featureRoutes('system');

route.post('/demo', {
  summary: "Fill your empty history with 12 weeks of a Customer Manager's demo activities",
  responds: [201, 'What was loaded', z.object({ activities: z.number().int() })],
  errors: [[409, 'You already have activities']],
  run: ({ db, actor }) => loadDemo(db, actor),
});
