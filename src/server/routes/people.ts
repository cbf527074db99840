import { createRoute, z } from '@hono/zod-openapi';
import { auditQuerySchema, listAudit } from '../../core/audit/service.ts';
import { ROLES } from '../../core/auth/users.ts';
import { trustedOrigin } from '../../core/mail/link-origin.ts';
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
import { clientAddress, headersWithClientAddress, publicOrigin } from '../auth.ts';
import { jsonBody, jsonResponse, router, security } from '../context.ts';
import { meSchema } from './me.ts';

const tags = ['people'];
const idParam = z.object({ id: z.string().min(1).max(100) });
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

export const peopleRoutes = router();

peopleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/users',
    tags,
    summary:
      'The people of your workspace: names, roles, reporting lines (owner and leaders: e-mail, status, last active)',
    security,
    responses: { 200: jsonResponse('People by name', z.object({ items: z.array(personSchema) })) },
  }),
  async (c) => c.json({ items: await listPeople(c.var.core.db, c.var.actor) }, 200),
);

peopleRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/users/{id}',
    tags,
    summary:
      'Change a role, a reporting line, or (de)activate a person (owner; leaders: the leader of their reports)',
    security,
    request: { params: idParam, body: jsonBody(personPatchSchema) },
    responses: { 200: jsonResponse('The person', personSchema) },
  }),
  async (c) =>
    c.json(
      await updatePerson(
        c.var.core.db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
        clientAddress(c),
      ),
      200,
    ),
);

peopleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/invitations',
    tags,
    summary: 'Invitations of the workspace and whether mail is set up (owner and leaders)',
    security,
    responses: {
      200: jsonResponse(
        'Newest first',
        z.object({ items: z.array(invitationSchema), mailConfigured: z.boolean() }),
      ),
    },
  }),
  async (c) =>
    c.json(
      {
        items: await listInvitations(c.var.core.db, c.var.actor),
        mailConfigured: c.var.core.mailer.configured,
      },
      200,
    ),
);

peopleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/invitations',
    tags,
    summary:
      'Invite a person by e-mail: a one-time link for 7 days, mailed when mail is set up, returned once here',
    security,
    request: { body: jsonBody(invitationInputSchema) },
    responses: {
      201: jsonResponse(
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
      ),
    },
  }),
  async (c) =>
    c.json(
      await createInvitation(
        c.var.core.db,
        c.var.core.mailer,
        { ...c.var.actor, name: c.var.me.name },
        c.req.valid('json'),
        { origin: (await trustedOrigin(c.var.core.db)) ?? publicOrigin(c), ip: clientAddress(c) },
      ),
      201,
    ),
);

peopleRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/invitations/{id}',
    tags,
    summary: 'Withdraw an invitation',
    security,
    request: { params: idParam },
    responses: { 204: { description: 'Withdrawn' } },
  }),
  async (c) => {
    await withdrawInvitation(c.var.core.db, c.var.actor, c.req.valid('param').id, clientAddress(c));
    return c.body(null, 204);
  },
);

peopleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/audit',
    tags,
    summary: 'Who changed people and access, newest first (owner)',
    security,
    request: { query: auditQuerySchema },
    responses: {
      200: jsonResponse(
        'A page of entries',
        z.object({
          items: z.array(
            z.object({
              id: z.string(),
              at: z.string(),
              actorId: z.string().nullable(),
              actorName: z.string().nullable(),
              action: z.string(),
              target: z.string(),
              ip: z.string().nullable(),
            }),
          ),
          nextCursor: z.string().nullable(),
        }),
      ),
    },
  }),
  async (c) => c.json(await listAudit(c.var.core.db, c.var.actor, c.req.valid('query')), 200),
);

/** Invitation links, opened by people who have no account yet. */
export const publicInvitationRoutes = router();

publicInvitationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/invitations/{token}',
    tags,
    summary: 'What an invitation link shows (no sign-in): workspace, e-mail, role, who invited',
    request: { params: tokenParam },
    responses: {
      200: jsonResponse(
        'The invitation',
        z.object({ workspace: z.string(), email: z.string(), role, invitedBy: z.string() }),
      ),
    },
  }),
  async (c) =>
    c.json(await invitationPreview(c.var.core.db, c.req.valid('param').token, clientAddress(c)), 200),
);

publicInvitationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/public/invitations/{token}',
    tags,
    summary: 'Join with an invitation (name, password, time zone) and sign in',
    request: { params: tokenParam, body: jsonBody(acceptInputSchema) },
    responses: { 201: jsonResponse('The new person, signed in', meSchema) },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const me = await acceptInvitation(c.var.core.db, c.req.valid('param').token, input, clientAddress(c));
    const signIn = await c.var.core.auth.api.signInEmail({
      body: { email: me.email, password: input.password },
      headers: headersWithClientAddress(c),
      returnHeaders: true,
    });
    for (const cookie of signIn.headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
    return c.json(me, 201);
  },
);
