import { z } from '@hono/zod-openapi';
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
import { itemsOf } from '../../context.ts';
import { featureRoutes } from '../../operation.ts';

const changed = z.number().int().describe('Imported activities classified differently after this change');
const savedRuleSchema = ruleSchema.extend({ changed });

export const [ruleRoutes, route] = featureRoutes('rules');

route.get('/rules', {
  summary: 'Your classification rules for imported events, in order',
  description:
    'Rules apply in order; for each field (account, urgent, important, kind, commercial) the first ' +
    'matching rule that sets it wins. The first time, a set of starter rules is created.',
  responds: [200, 'Rules in order', itemsOf(ruleSchema)],
  run: async ({ db, actor }) => ({ items: await listRules(db, actor) }),
});

route.post('/rules', {
  summary: 'Add a rule at the end of the order, and re-apply the rules to imported activities',
  body: ruleInputSchema,
  responds: [201, 'The new rule', savedRuleSchema],
  // You already have the most rules one person can have
  errors: [409],
  run: ({ db, actor, body }) => createRule(db, actor, body),
});

route.post('/rules/reorder', {
  summary: 'Put your rules in a new order (list every rule id once)',
  body: reorderSchema,
  responds: [200, 'Rules in the new order', z.object({ items: z.array(ruleSchema), changed })],
  // An id of no rule of yours
  errors: [404],
  run: ({ db, actor, body }) => reorderRules(db, actor, body.ids),
});

route.post('/rules/preview', {
  summary: 'What saving a draft rule would change in the imported events of the last 8 weeks',
  description:
    'A new draft goes first in the order; with an id, it takes that rule’s place. Manually classified ' +
    'events never change.',
  body: ruleDraftSchema,
  responds: [200, 'Matches and changes', previewSchema],
  // The draft's id is of no rule of yours
  errors: [404],
  run: ({ db, actor, body }) => previewRule(db, actor, body),
});

route.post('/rules/apply', {
  summary: 'Classify imported activities again with the current rules (manual ones stay)',
  body: applySchema,
  bodyOptional: true,
  responds: [200, 'How many changed', z.object({ changed })],
  run: ({ db, actor, body }) => applyRules(db, actor, body),
});

route.patch('/rules/{id}', {
  summary: 'Change a rule (conditions and actions are replaced whole) and re-apply the rules',
  body: rulePatchSchema,
  responds: [200, 'The updated rule', savedRuleSchema],
  run: ({ db, actor, params, body }) => updateRule(db, actor, params.id, body),
});

route.delete('/rules/{id}', {
  summary: 'Delete a rule; what it classified is classified again by the others',
  responds: [204, 'Deleted'],
  run: async ({ db, actor, params }) => {
    await deleteRule(db, actor, params.id);
  },
});
