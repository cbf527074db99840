import { z } from '@hono/zod-openapi';
import { auditPageSchema, auditQuerySchema, listAudit } from '../../core/audit/service.ts';
import { ROLES } from '../../core/auth/users.ts';
import {
  acceptInputSchema,
  acceptInvitation,
  createInvitation,
  invitationInputSchema,
  invitationPreview,
  listInvitations,
  withdrawInvitation,
} from '../../core/people/invitations.ts';
import { listPeople, personPatchSchema, updatePerson } from '../../core/people/service.ts';
import { clientAddress, linkOrigin, signInWithPassword } from '../auth.ts';
import { itemsOf } from '../context.ts';
import { featureRoutes } from '../operation.ts';
import { meSchema } from './me.ts';

const tokenParam = z.object({ token: z.string().min(1).max(200) });
const role = z.enum(ROLES);

const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  role,
  leaderId: z.string().nullable(),
  email: z.string().optional(),
  status: z.enum(['active', 'deactivated']).optional(),
  lastActiveAt: z.string().nullable().optional(),
});

const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role,
  leaderId: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
  status: z.enum(['pending', 'accepted', 'withdrawn', 'expired']),
  invitedBy: z.object({ id: z.string(), name: z.string() }),
});

export const [peopleRoutes, route] = featureRoutes('people');

route.get('/users', {
  summary:
    'The people of your workspace: names, roles, reporting lines (owner and leaders: e-mail, status, last active)',
  responds: [200, 'People by name', itemsOf(personSchema)],
  run: async ({ db, actor }) => ({ items: await listPeople(db, actor) }),
});

route.patch('/users/{id}', {
  summary:
    'Change a role, a reporting line, or (de)activate a person (owner; leaders: the leader of their reports)',
  body: personPatchSchema,
  responds: [200, 'The person', personSchema],
  errors: [409],
  run: ({ c, db, actor, params, body }) => updatePerson(db, actor, params.id, body, clientAddress(c)),
});

route.get('/invitations', {
  summary: 'Invitations of the workspace and whether mail is set up (owner and leaders)',
  responds: [
    200,
    'Newest first',
    z.object({ items: z.array(invitationSchema), mailConfigured: z.boolean() }),
  ],
  run: async ({ c, db, actor }) => ({
    items: await listInvitations(db, actor),
    mailConfigured: c.var.core.mailer.configured,
  }),
});

route.post('/invitations', {
  // Its answer shows a secret once: never stored for an Idempotency-Key replay.
  shownOnce: true,
  summary:
    'Invite a person by e-mail: a one-time link for 7 days, mailed when mail is set up, returned once here',
  body: invitationInputSchema,
  responds: [
    201,
    'The invitation, with its link',
    z.object({
      id: z.string(),
      email: z.string(),
      role,
      leaderId: z.string().nullable(),
      expiresAt: z.string(),
      url: z.string(),
      emailed: z.boolean(),
    }),
  ],
  errors: [409],
  run: async ({ c, db, actor, body }) =>
    createInvitation(db, c.var.core.mailer, { ...actor, name: c.var.me.name }, body, {
      origin: await linkOrigin(c),
      ip: clientAddress(c),
    }),
});

route.delete('/invitations/{id}', {
  summary: 'Withdraw an invitation',
  responds: [204, 'Withdrawn'],
  errors: [409],
  run: ({ c, db, actor, params }) => withdrawInvitation(db, actor, params.id, clientAddress(c)),
});

route.get('/audit', {
  summary: 'Who changed people and access, newest first (owner)',
  query: auditQuerySchema,
  responds: [200, 'A page of entries', auditPageSchema],
  run: ({ db, actor, query }) => listAudit(db, actor, query),
});

/** Invitation links, opened by people who have no account yet. */
export const [publicInvitationRoutes, publicRoute] = featureRoutes('people');

publicRoute.get('/public/invitations/{token}', {
  summary:
    'What an invitation link shows (no sign-in): workspace, e-mail, role, who invited, and the SSO provider to join with when passwords are off',
  public: true,
  params: tokenParam,
  responds: [
    200,
    'The invitation',
    z.object({
      workspace: z.string(),
      email: z.string(),
      role,
      invitedBy: z.string(),
      sso: z
        .object({ name: z.string() })
        .nullable()
        .describe('Passwords are off: join by signing in with this provider (null: choose a password)'),
    }),
  ],
  errors: [409, 410, 429],
  run: ({ c, db, params }) => invitationPreview(db, params.token, clientAddress(c), c.var.core.sso),
});

publicRoute.post('/public/invitations/{token}', {
  summary: 'Join with an invitation (name, password, time zone) and sign in',
  public: true,
  params: tokenParam,
  body: acceptInputSchema,
  responds: [201, 'The new person, signed in', meSchema],
  errors: [[403, 'Passwords are off in this workspace: join by signing in with SSO'], 409, 410, 429],
  run: async ({ c, db, params, body }) => {
    const me = await acceptInvitation(db, params.token, body, { ip: clientAddress(c), sso: c.var.core.sso });
    await signInWithPassword(c, me.email, body.password);
    return me;
  },
});
