import { createRoute, z } from '@hono/zod-openapi';
import {
  accountDeleteQuerySchema,
  accountInputSchema,
  accountListQuerySchema,
  accountPatchSchema,
  accountSchema,
  accountSummarySchema,
  accountTimeSchema,
} from '../../core/accounts/schemas.ts';
import {
  createAccount,
  deleteAccount,
  getAccountView,
  listAccounts,
  updateAccount,
} from '../../core/accounts/service.ts';
import { accountTime } from '../../core/accounts/time.ts';
import { clientAddress } from '../auth.ts';
import { jsonBody, jsonResponse, router, security } from '../context.ts';

const idParam = z.object({ id: z.string().min(1).max(100) });
const tags = ['accounts'];

export const accountRoutes = router();

accountRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/accounts',
    tags,
    summary: "The workspace's customer accounts with their team, stakeholder count and warnings",
    security,
    request: { query: accountListQuerySchema },
    responses: {
      200: jsonResponse('Accounts by name', z.object({ items: z.array(accountSummarySchema) })),
    },
  }),
  async (c) =>
    c.json({ items: await listAccounts(c.var.core.db, c.var.actor, c.req.valid('query').status) }, 200),
);

accountRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/accounts',
    tags,
    summary: 'Add a customer account (409 when the name is taken); you own it unless ownerId says otherwise',
    description: 'Imported meetings with people from the email domains land on the account without a rule.',
    security,
    request: { body: jsonBody(accountInputSchema) },
    responses: { 201: jsonResponse('The new account', accountSchema) },
  }),
  async (c) => c.json(await createAccount(c.var.core.db, c.var.actor, c.req.valid('json')), 201),
);

accountRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/accounts/{id}',
    tags,
    summary: 'One account: domains, tier, owner, team, legacy statement, and whether you may change it',
    security,
    request: { params: idParam },
    responses: { 200: jsonResponse('The account', accountSchema) },
  }),
  async (c) => c.json(await getAccountView(c.var.core.db, c.var.actor, c.req.valid('param').id), 200),
);

accountRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/accounts/{id}',
    tags,
    summary: 'Change an account, its team or its legacy statement; archive or bring it back',
    description: 'Only its owner, its team, leaders and the workspace owner may (403 otherwise).',
    security,
    request: { params: idParam, body: jsonBody(accountPatchSchema) },
    responses: { 200: jsonResponse('The updated account', accountSchema) },
  }),
  async (c) =>
    c.json(
      await updateAccount(
        c.var.core.db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
        clientAddress(c),
      ),
      200,
    ),
);

accountRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/accounts/{id}',
    tags,
    summary: 'Delete an account with its stakeholders and goals',
    description:
      'An account with activities answers 409 (archive it instead) unless activities=unlink: they stay, without an account.',
    security,
    request: { params: idParam, query: accountDeleteQuerySchema },
    responses: { 204: { description: 'Deleted' } },
  }),
  async (c) => {
    await deleteAccount(c.var.core.db, c.var.actor, c.req.valid('param').id, {
      unlinkActivities: c.req.valid('query').activities === 'unlink',
    });
    return c.body(null, 204);
  },
);

accountRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/accounts/{id}/time',
    tags,
    summary: 'Time invested in the account per month and quadrant, over the last 12 months',
    description:
      "The account's owner, team and leaders see everyone's time (scope team); others see their own (scope mine).",
    security,
    request: { params: idParam },
    responses: { 200: jsonResponse('Minutes per month and quadrant, oldest first', accountTimeSchema) },
  }),
  async (c) => c.json(await accountTime(c.var.core.db, c.var.actor, c.req.valid('param').id), 200),
);
