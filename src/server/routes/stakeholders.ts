import { z } from '@hono/zod-openapi';
import { connectivityOf } from '../../core/stakeholders/connectivity.ts';
import {
  connectivitySchema,
  stakeholderInputSchema,
  stakeholderPatchSchema,
  stakeholderSchema,
} from '../../core/stakeholders/schemas.ts';
import {
  createStakeholder,
  deleteStakeholder,
  getStakeholder,
  listStakeholders,
  updateStakeholder,
} from '../../core/stakeholders/service.ts';
import { itemsOf } from '../context.ts';
import { featureRoutes } from '../operation.ts';

export const [stakeholderRoutes, route] = featureRoutes('stakeholders');

route.get('/accounts/{id}/stakeholders', {
  summary: "An account's stakeholders, with last contact derived from meetings' attendees",
  responds: [200, 'Stakeholders by name', itemsOf(stakeholderSchema)],
  run: async ({ db, actor, params }) => ({ items: await listStakeholders(db, actor, params.id) }),
});

route.post('/accounts/{id}/stakeholders', {
  summary: 'Add a stakeholder to an account (owners default to you)',
  body: stakeholderInputSchema,
  responds: [201, 'The new stakeholder', stakeholderSchema],
  errors: [409],
  run: ({ db, actor, params, body }) => createStakeholder(db, actor, params.id, body),
});

route.get('/stakeholders/{id}', {
  summary: 'One stakeholder',
  responds: [200, 'The stakeholder', stakeholderSchema],
  run: ({ db, actor, params }) => getStakeholder(db, actor, params.id),
});

route.patch('/stakeholders/{id}', {
  summary: 'Change a stakeholder (ownerIds replaces the owners)',
  body: stakeholderPatchSchema,
  responds: [200, 'The stakeholder', stakeholderSchema],
  errors: [409],
  run: ({ db, actor, params, body }) => updateStakeholder(db, actor, params.id, body),
});

route.delete('/stakeholders/{id}', {
  summary: 'Remove a stakeholder',
  responds: [204, 'Removed'],
  run: ({ db, actor, params }) => deleteStakeholder(db, actor, params.id),
});

route.get('/accounts/{id}/connectivity', {
  summary: 'Coverage grid (functions × levels), single-threaded warnings and who we are losing touch with',
  query: z.object({
    losingTouchDays: z.coerce.number().int().min(1).max(3650).optional().describe('default 60'),
  }),
  responds: [200, 'The account’s connectivity', connectivitySchema],
  run: async ({ db, actor, params, query }) =>
    connectivityOf(await listStakeholders(db, actor, params.id), {
      timeZone: actor.timeZone,
      losingTouchDays: query.losingTouchDays,
    }),
});
