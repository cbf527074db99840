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
import { featureRoutes } from '../operation.ts';

export const [stakeholderRoutes, route] = featureRoutes('stakeholders');

route.children('/accounts/{id}/stakeholders', {
  noun: 'stakeholder',
  schema: stakeholderSchema,
  list: {
    summary: "An account's stakeholders, with last contact derived from meetings' attendees",
    answer: 'Stakeholders by name',
    run: listStakeholders,
  },
  add: {
    summary: 'Add a stakeholder to an account (owners default to you)',
    body: stakeholderInputSchema,
    errors: [409],
    run: createStakeholder,
  },
});

route.item('/stakeholders/{id}', {
  noun: 'stakeholder',
  schema: stakeholderSchema,
  get: { summary: 'One stakeholder', run: getStakeholder },
  patch: {
    summary: 'Change a stakeholder (ownerIds replaces the owners)',
    body: stakeholderPatchSchema,
    errors: [409],
    run: updateStakeholder,
  },
  delete: { summary: 'Remove a stakeholder', run: deleteStakeholder },
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
