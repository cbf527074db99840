import { createRoute, z } from '@hono/zod-openapi';
import { accountInputSchema, accountPatchSchema, accountSchema } from '../../core/accounts/schemas.ts';
import { createAccount, listAccounts, updateAccount } from '../../core/accounts/service.ts';
import { jsonBody, jsonResponse, router, security } from '../context.ts';

const idParam = z.object({ id: z.string().min(1).max(100) });
const tags = ['accounts'];

export const accountRoutes = router();

accountRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/accounts',
    tags,
    summary: "The workspace's customer accounts, with their email domains",
    security,
    responses: {
      200: jsonResponse('Accounts by name', z.object({ items: z.array(accountSchema) })),
    },
  }),
  async (c) => c.json({ items: await listAccounts(c.var.core.db, c.var.actor.workspaceId) }, 200),
);

accountRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/accounts',
    tags,
    summary: 'Add a customer account (409 when the name is taken)',
    description: 'Imported meetings with people from the email domains land on the account without a rule.',
    security,
    request: { body: jsonBody(accountInputSchema) },
    responses: { 201: jsonResponse('The new account', accountSchema) },
  }),
  async (c) => c.json(await createAccount(c.var.core.db, c.var.actor.workspaceId, c.req.valid('json')), 201),
);

accountRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/accounts/{id}',
    tags,
    summary: 'Rename an account or replace its email domains',
    security,
    request: { params: idParam, body: jsonBody(accountPatchSchema) },
    responses: { 200: jsonResponse('The updated account', accountSchema) },
  }),
  async (c) =>
    c.json(
      await updateAccount(
        c.var.core.db,
        c.var.actor.workspaceId,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
);
