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
import { itemsOf } from '../context.ts';
import { featureRoutes } from '../operation.ts';

export const [accountRoutes, route] = featureRoutes('accounts');

route.get('/accounts', {
  summary: "The workspace's customer accounts with their team, stakeholder count and warnings",
  query: accountListQuerySchema,
  responds: [200, 'Accounts by name', itemsOf(accountSummarySchema)],
  run: async ({ db, actor, query }) => ({ items: await listAccounts(db, actor, query.status) }),
});

route.post('/accounts', {
  summary: 'Add a customer account (409 when the name is taken); you own it unless ownerId says otherwise',
  description: 'Imported meetings with people from the email domains land on the account without a rule.',
  body: accountInputSchema,
  responds: [201, 'The new account', accountSchema],
  errors: [409],
  run: ({ db, actor, body }) => createAccount(db, actor, body),
});

route.get('/accounts/{id}', {
  summary: 'One account: domains, tier, owner, team, legacy statement, and whether you may change it',
  responds: [200, 'The account', accountSchema],
  run: ({ db, actor, params }) => getAccountView(db, actor, params.id),
});

route.patch('/accounts/{id}', {
  summary: 'Change an account, its team or its legacy statement; archive or bring it back',
  description: 'Only its owner, its team, leaders and the workspace owner may (403 otherwise).',
  body: accountPatchSchema,
  responds: [200, 'The updated account', accountSchema],
  errors: [409],
  run: ({ c, db, actor, params, body }) => updateAccount(db, actor, params.id, body, clientAddress(c)),
});

route.delete('/accounts/{id}', {
  summary: 'Delete an account with its stakeholders and goals',
  description:
    'An account with activities answers 409 (archive it instead) unless activities=unlink: they stay, without an account.',
  query: accountDeleteQuerySchema,
  responds: [204, 'Deleted'],
  errors: [409],
  run: ({ db, actor, params, query }) =>
    deleteAccount(db, actor, params.id, { unlinkActivities: query.activities === 'unlink' }),
});

route.get('/accounts/{id}/time', {
  summary: 'Time invested in the account per month and quadrant, over the last 12 months',
  description:
    "The account's owner, team and leaders see everyone's time (scope team); others see their own (scope mine).",
  responds: [200, 'Minutes per month and quadrant, oldest first', accountTimeSchema],
  run: ({ db, actor, params }) => accountTime(db, actor, params.id),
});
