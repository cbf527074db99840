import {
  activityInputSchema,
  activityPageSchema,
  activityPatchSchema,
  activityQuerySchema,
  activitySchema,
} from '../../core/activities/schemas.ts';
import {
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  restoreActivity,
  updateActivity,
} from '../../core/activities/service.ts';

import { featureRoutes } from '../operation.ts';

export const [activityRoutes, route] = featureRoutes('activities');

route.post('/activities', {
  summary: 'Log or plan an activity (give endsAt or minutes)',
  body: activityInputSchema,
  responds: [201, 'The new activity', activitySchema],
  // accountId or goalId of no account or goal in this workspace
  errors: [404],
  run: ({ db, actor, body }) => createActivity(db, actor, body),
});

route.get('/activities', {
  summary: 'Your activities by start time, filtered and paged',
  query: activityQuerySchema,
  responds: [200, 'A page of activities', activityPageSchema],
  run: ({ db, actor, query }) => listActivities(db, actor, query),
});

route.item('/activities/{id}', {
  noun: 'activity',
  schema: activitySchema,
  get: { summary: 'One activity', run: getActivity },
  patch: {
    summary: 'Change an activity (e.g. move it to another quadrant by its flags)',
    body: activityPatchSchema,
    run: updateActivity,
  },
  delete: {
    summary: 'Delete an activity (restorable with POST /activities/{id}/restore)',
    run: deleteActivity,
  },
});

route.post('/activities/{id}/restore', {
  summary: 'Undo a delete',
  responds: [200, 'The restored activity', activitySchema],
  run: ({ db, actor, params }) => restoreActivity(db, actor, params.id),
});
