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

route.children('/accounts/{id}/goals', {
  noun: 'goal',
  schema: goalSchema,
  list: {
    summary: "The account's legacy goals by dimension, each with the time invested in it",
    answer: 'Goals',
    run: listGoals,
  },
  add: {
    summary: 'Add a legacy goal to an account (its owner, team and leaders may)',
    body: goalInputSchema,
    run: createGoal,
  },
});

route.item('/goals/{id}', {
  noun: 'goal',
  schema: goalSchema,
  patch: {
    summary: 'Change a goal: wording, measure, target date, status (active, achieved, dropped)',
    body: goalPatchSchema,
    run: updateGoal,
  },
  delete: { summary: 'Remove a goal; activities that served it stay, without the goal', run: deleteGoal },
});
