import { createRoute, z } from '@hono/zod-openapi';
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
import { jsonBody, jsonResponse, router, security } from '../context.ts';

const tags = ['handover'];
const id = z.string().min(1).max(100);

export const inheritanceRoutes = router();

inheritanceRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/accounts/{id}/transfer',
    tags,
    summary: 'Hand the account to a successor (one transaction); they get an inheritance review',
    description:
      'The owner, a leader or the workspace owner may. The previous owner keeps read access and what they wrote.',
    security,
    request: { params: z.object({ id }), body: jsonBody(transferInputSchema) },
    responses: { 201: jsonResponse('The inheritance review', inheritanceSchema) },
  }),
  async (c) =>
    c.json(
      await transferAccount(
        c.var.core.db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
        clientAddress(c),
      ),
      201,
    ),
);

inheritanceRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/accounts/{id}/inheritance',
    tags,
    summary: "The account's latest inheritance review (null when it was never handed over)",
    security,
    request: { params: z.object({ id }) },
    responses: { 200: jsonResponse('The review', z.object({ review: inheritanceSchema.nullable() })) },
  }),
  async (c) =>
    c.json({ review: await latestReview(c.var.core.db, c.var.actor, c.req.valid('param').id) }, 200),
);

inheritanceRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/inheritance/{id}/precedents/{decisionId}',
    tags,
    summary: 'The successor keeps, revisits or undoes an inherited precedent, with a reason',
    security,
    request: { params: z.object({ id, decisionId: id }), body: jsonBody(verdictInputSchema) },
    responses: { 200: jsonResponse('The review', inheritanceSchema) },
  }),
  async (c) => {
    const { id: reviewId, decisionId } = c.req.valid('param');
    return c.json(
      await judgePrecedent(c.var.core.db, c.var.actor, reviewId, decisionId, c.req.valid('json')),
      200,
    );
  },
);

inheritanceRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/inheritance/{id}/introductions/{stakeholderId}',
    tags,
    summary: 'The successor ticks off an introduction',
    security,
    request: { params: z.object({ id, stakeholderId: id }), body: jsonBody(introductionInputSchema) },
    responses: { 200: jsonResponse('The review', inheritanceSchema) },
  }),
  async (c) => {
    const { id: reviewId, stakeholderId } = c.req.valid('param');
    return c.json(
      await markIntroduction(c.var.core.db, c.var.actor, reviewId, stakeholderId, c.req.valid('json').done),
      200,
    );
  },
);
