import { createRoute, z } from '@hono/zod-openapi';
import { classifyActivities, listReview } from '../../../core/calendar/review.ts';
import { reviewDecisionSchema, reviewItemSchema } from '../../../core/calendar/schemas.ts';
import { jsonBody, jsonResponse, router, security } from '../../context.ts';

const tags = ['import'];

export const reviewRoutes = router();

reviewRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/review',
    tags,
    summary: 'Imported activities no rule classified, newest first',
    security,
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }) },
    responses: {
      200: jsonResponse(
        'The review inbox',
        z.object({ items: z.array(reviewItemSchema), total: z.number().int() }),
      ),
    },
  }),
  async (c) => c.json(await listReview(c.var.core.db, c.var.actor, c.req.valid('query')), 200),
);

reviewRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/review/classify',
    tags,
    summary: 'Classify activities by hand (one or many); later imports keep the decision',
    security,
    request: { body: jsonBody(reviewDecisionSchema) },
    responses: { 200: jsonResponse('How many were classified', z.object({ updated: z.number().int() })) },
  }),
  async (c) => c.json(await classifyActivities(c.var.core.db, c.var.actor, c.req.valid('json')), 200),
);
