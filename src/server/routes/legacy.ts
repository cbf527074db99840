import {
  goalInputSchema,
  goalPatchSchema,
  goalSchema,
  personalLegacyInputSchema,
  personalLegacySchema,
} from '../../core/legacy/schemas.ts';
import {
  createGoal,
  deleteGoal,
  getPersonalLegacy,
  listGoals,
  savePersonalLegacy,
  updateGoal,
} from '../../core/legacy/service.ts';
import { itemsOf } from '../context.ts';
import { featureRoutes } from '../operation.ts';

export const [legacyRoutes, route] = featureRoutes('legacy');

route.get('/me/legacy', {
  summary: 'Your personal legacy statement (platform, point of view, mission); only you can read it',
  responds: [200, 'Your statement; null fields until written', personalLegacySchema],
  run: ({ db, actor }) => getPersonalLegacy(db, actor),
});

route.put('/me/legacy', {
  summary: 'Write your personal legacy statement (fields left out stay as they are)',
  body: personalLegacyInputSchema,
  responds: [200, 'Your statement', personalLegacySchema],
  run: ({ db, actor, body }) => savePersonalLegacy(db, actor, body),
});

route.get('/accounts/{id}/goals', {
  summary: "The account's legacy goals by dimension, each with the time invested in it",
  responds: [200, 'Goals', itemsOf(goalSchema)],
  run: async ({ db, actor, params }) => ({ items: await listGoals(db, actor, params.id) }),
});

route.post('/accounts/{id}/goals', {
  summary: 'Add a legacy goal to an account (its owner, team and leaders may)',
  body: goalInputSchema,
  responds: [201, 'The new goal', goalSchema],
  run: ({ db, actor, params, body }) => createGoal(db, actor, params.id, body),
});

route.patch('/goals/{id}', {
  summary: 'Change a goal: wording, measure, target date, status (active, achieved, dropped)',
  body: goalPatchSchema,
  responds: [200, 'The goal', goalSchema],
  run: ({ db, actor, params, body }) => updateGoal(db, actor, params.id, body),
});

route.delete('/goals/{id}', {
  summary: 'Remove a goal; activities that served it stay, without the goal',
  responds: [204, 'Removed'],
  run: ({ db, actor, params }) => deleteGoal(db, actor, params.id),
});
