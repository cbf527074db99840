import {
  reflectionHistorySchema,
  reflectionInputSchema,
  reflectionSchema,
  sharedReflectionSchema,
  weekParamSchema,
} from '../../core/reflections/schemas.ts';
import {
  getReflection,
  reflectionHistory,
  saveReflection,
  sharedReflections,
} from '../../core/reflections/service.ts';
import { itemsOf } from '../context.ts';
import { featureRoutes } from '../operation.ts';

export const [reflectionRoutes, route] = featureRoutes('reflections');

route.get('/reflections', {
  summary: 'Your weekly reflections, newest first, each with that week’s minutes per quadrant',
  responds: [200, 'Your reflections (only yours)', reflectionHistorySchema],
  run: async ({ db, actor }) => ({ items: await reflectionHistory(db, actor) }),
});

route.get('/reflections/shared', {
  summary: 'Reflections colleagues chose to share with the team',
  responds: [200, 'Shared reflections', itemsOf(sharedReflectionSchema)],
  run: async ({ db, actor }) => ({ items: await sharedReflections(db, actor) }),
});

route.get('/reflections/{week}', {
  summary: 'Your reflection on an ISO week (empty until written)',
  params: weekParamSchema,
  responds: [200, 'Your reflection', reflectionSchema],
  run: ({ db, actor, params }) => getReflection(db, actor, params.week),
});

route.put('/reflections/{week}', {
  summary: 'Write your reflection on a week; share it with the team or into handover packs if you wish',
  params: weekParamSchema,
  body: reflectionInputSchema,
  responds: [200, 'Your reflection', reflectionSchema],
  run: ({ db, actor, params, body }) => saveReflection(db, actor, params.week, body),
});
