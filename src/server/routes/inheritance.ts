import { z } from '@hono/zod-openapi';
import {
  inheritanceSchema,
  introductionInputSchema,
  judgePrecedent,
  latestReview,
  markIntroduction,
  transferAccount,
  transferInputSchema,
  verdictInputSchema,
} from '../../core/inheritance/service.ts';
import { clientAddress } from '../auth.ts';
import { idParam } from '../context.ts';
import { featureRoutes } from '../operation.ts';

export const [inheritanceRoutes, route] = featureRoutes('handover');

route.post('/accounts/{id}/transfer', {
  summary: 'Hand the account to a successor (one transaction); they get an inheritance review',
  description:
    'The owner, a leader or the workspace owner may. The previous owner keeps read access and what they wrote.',
  body: transferInputSchema,
  responds: [201, 'The inheritance review', inheritanceSchema],
  run: ({ c, db, actor, params, body }) => transferAccount(db, actor, params.id, body, clientAddress(c)),
});

route.get('/accounts/{id}/inheritance', {
  summary: "The account's latest inheritance review (null when it was never handed over)",
  responds: [200, 'The review', z.object({ review: inheritanceSchema.nullable() })],
  run: async ({ db, actor, params }) => ({ review: await latestReview(db, actor, params.id) }),
});

route.put('/inheritance/{id}/precedents/{decisionId}', {
  summary: 'The successor keeps, revisits or undoes an inherited precedent, with a reason',
  params: idParam.extend({ decisionId: idParam.shape.id }),
  body: verdictInputSchema,
  responds: [200, 'The review', inheritanceSchema],
  run: ({ db, actor, params, body }) => judgePrecedent(db, actor, params.id, params.decisionId, body),
});

route.put('/inheritance/{id}/introductions/{stakeholderId}', {
  summary: 'The successor ticks off an introduction',
  params: idParam.extend({ stakeholderId: idParam.shape.id }),
  body: introductionInputSchema,
  responds: [200, 'The review', inheritanceSchema],
  run: ({ db, actor, params, body }) =>
    markIntroduction(db, actor, params.id, params.stakeholderId, body.done),
});
