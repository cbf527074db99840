import { createRoute, z } from '@hono/zod-openapi';
import {
  applySchema,
  previewSchema,
  reorderSchema,
  ruleDraftSchema,
  ruleInputSchema,
  rulePatchSchema,
  ruleSchema,
} from '../../../core/calendar/rules/schemas.ts';
import {
  applyRules,
  createRule,
  deleteRule,
  listRules,
  previewRule,
  reorderRules,
  updateRule,
} from '../../../core/calendar/rules/service.ts';
import { jsonBody, jsonResponse, router, security } from '../../context.ts';

const idParam = z.object({ id: z.string().min(1).max(100) });
const tags = ['rules'];
const changed = z.number().int().describe('Imported activities classified differently after this change');
const savedRuleSchema = ruleSchema.extend({ changed });

export const ruleRoutes = router();

ruleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/rules',
    tags,
    summary: 'Your classification rules for imported events, in order',
    description:
      'Rules apply in order; for each field (account, urgent, important, kind, commercial) the first ' +
      'matching rule that sets it wins. The first time, a set of starter rules is created.',
    security,
    responses: { 200: jsonResponse('Rules in order', z.object({ items: z.array(ruleSchema) })) },
  }),
  async (c) => c.json({ items: await listRules(c.var.core.db, c.var.actor) }, 200),
);

ruleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/rules',
    tags,
    summary: 'Add a rule at the end of the order, and re-apply the rules to imported activities',
    security,
    request: { body: jsonBody(ruleInputSchema) },
    responses: { 201: jsonResponse('The new rule', savedRuleSchema) },
  }),
  async (c) => c.json(await createRule(c.var.core.db, c.var.actor, c.req.valid('json')), 201),
);

ruleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/rules/reorder',
    tags,
    summary: 'Put your rules in a new order (list every rule id once)',
    security,
    request: { body: jsonBody(reorderSchema) },
    responses: {
      200: jsonResponse('Rules in the new order', z.object({ items: z.array(ruleSchema), changed })),
    },
  }),
  async (c) => c.json(await reorderRules(c.var.core.db, c.var.actor, c.req.valid('json').ids), 200),
);

ruleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/rules/preview',
    tags,
    summary: 'What saving a draft rule would change in the imported events of the last 8 weeks',
    description:
      'A new draft goes first in the order; with an id, it takes that rule’s place. Manually classified ' +
      'events never change.',
    security,
    request: { body: jsonBody(ruleDraftSchema) },
    responses: { 200: jsonResponse('Matches and changes', previewSchema) },
  }),
  async (c) => c.json(await previewRule(c.var.core.db, c.var.actor, c.req.valid('json')), 200),
);

ruleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/rules/apply',
    tags,
    summary: 'Classify imported activities again with the current rules (manual ones stay)',
    security,
    request: { body: { required: false, content: { 'application/json': { schema: applySchema } } } },
    responses: { 200: jsonResponse('How many changed', z.object({ changed })) },
  }),
  async (c) => c.json(await applyRules(c.var.core.db, c.var.actor, c.req.valid('json') ?? {}), 200),
);

ruleRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/rules/{id}',
    tags,
    summary: 'Change a rule (conditions and actions are replaced whole) and re-apply the rules',
    security,
    request: { params: idParam, body: jsonBody(rulePatchSchema) },
    responses: { 200: jsonResponse('The updated rule', savedRuleSchema) },
  }),
  async (c) =>
    c.json(await updateRule(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
);

ruleRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/rules/{id}',
    tags,
    summary: 'Delete a rule; what it classified is classified again by the others',
    security,
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' } },
  }),
  async (c) => {
    await deleteRule(c.var.core.db, c.var.actor, c.req.valid('param').id);
    return c.body(null, 204);
  },
);
