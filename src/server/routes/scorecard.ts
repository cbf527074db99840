import { createRoute, z } from '@hono/zod-openapi';
import { limitRate } from '../../core/rate-limit.ts';
import {
  actionInputSchema,
  invitationInputSchema,
  publicFormSchema,
  publicRatingInputSchema,
  ratingInputSchema,
  roundDetailSchema,
  roundInputSchema,
  roundPatchSchema,
  roundSummarySchema,
} from '../../core/scorecard/schemas.ts';
import {
  addAction,
  createInvitation,
  createRound,
  deleteRound,
  getRound,
  listRounds,
  publicForm,
  revokeInvitation,
  saveMyRating,
  submitPublicRating,
  updateRound,
} from '../../core/scorecard/service.ts';
import { clientAddress } from '../auth.ts';
import { jsonBody, jsonResponse, router, security } from '../context.ts';

const tags = ['scorecard'];
const idParam = z.object({ id: z.string().min(1).max(100) });
const tokenParam = z.object({ token: z.string().min(20).max(100) });

export const scorecardRoutes = router();

scorecardRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/accounts/{id}/scorecard',
    tags,
    summary: "The account's honest-conversation rounds, newest first, with their four views (the trend)",
    security,
    request: { params: idParam },
    responses: { 200: jsonResponse('Rounds', z.object({ items: z.array(roundSummarySchema) })) },
  }),
  async (c) => c.json({ items: await listRounds(c.var.core.db, c.var.actor, c.req.valid('param').id) }, 200),
);

scorecardRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/accounts/{id}/scorecard',
    tags,
    summary: 'Open a round, e.g. "Q4 2026" (the account owner, team and leaders may)',
    security,
    request: { params: idParam, body: jsonBody(roundInputSchema) },
    responses: { 201: jsonResponse('The new round', roundDetailSchema) },
  }),
  async (c) =>
    c.json(await createRound(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
);

scorecardRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/scorecard/rounds/{id}',
    tags,
    summary: 'A round: four views with rater counts, the gap table (largest first), evidence, links, actions',
    security,
    request: { params: idParam },
    responses: { 200: jsonResponse('The round', roundDetailSchema) },
  }),
  async (c) => c.json(await getRound(c.var.core.db, c.var.actor, c.req.valid('param').id), 200),
);

scorecardRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/scorecard/rounds/{id}',
    tags,
    summary: 'Rename a round, invite colleagues, or record the conversation notes',
    security,
    request: { params: idParam, body: jsonBody(roundPatchSchema) },
    responses: { 200: jsonResponse('The round', roundDetailSchema) },
  }),
  async (c) =>
    c.json(await updateRound(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
);

scorecardRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/scorecard/rounds/{id}',
    tags,
    summary: 'Delete a round with its ratings and links (agreed actions stay as planned activities)',
    security,
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' } },
  }),
  async (c) => {
    await deleteRound(c.var.core.db, c.var.actor, c.req.valid('param').id);
    return c.body(null, 204);
  },
);

scorecardRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/scorecard/rounds/{id}/my-rating',
    tags,
    summary:
      'Your answers for our side: both organisations, 1–5 per subject, with evidence (replaces earlier ones)',
    security,
    request: { params: idParam, body: jsonBody(ratingInputSchema) },
    responses: { 200: jsonResponse('The round', roundDetailSchema) },
  }),
  async (c) =>
    c.json(await saveMyRating(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
);

scorecardRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/scorecard/rounds/{id}/invitations',
    tags,
    summary: 'A link for one customer-side rater (usable once, expires in 21 days by default)',
    description: 'The token is in this answer only; the server keeps a SHA-256 of it.',
    security,
    request: { params: idParam, body: jsonBody(invitationInputSchema) },
    responses: {
      201: jsonResponse(
        'The link',
        z.object({ id: z.string(), token: z.string(), expiresAt: z.string(), path: z.string() }),
      ),
    },
  }),
  async (c) => {
    const link = await createInvitation(
      c.var.core.db,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      clientAddress(c),
    );
    return c.json({ ...link, path: `/#/rate/${link.token}` }, 201);
  },
);

scorecardRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/scorecard/invitations/{id}',
    tags,
    summary: 'Withdraw a rating link',
    security,
    request: { params: idParam },
    responses: { 204: { description: 'Withdrawn' } },
  }),
  async (c) => {
    await revokeInvitation(c.var.core.db, c.var.actor, c.req.valid('param').id, clientAddress(c));
    return c.body(null, 204);
  },
);

scorecardRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/scorecard/rounds/{id}/actions',
    tags,
    summary: 'Record an agreed action; it becomes a planned Q2 activity on the account',
    security,
    request: { params: idParam, body: jsonBody(actionInputSchema) },
    responses: { 201: jsonResponse('The round', roundDetailSchema) },
  }),
  async (c) =>
    c.json(await addAction(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
);

/** The customer's form: no account needed, nothing of the workspace but the form. */
export const publicScorecardRoutes = router();

// Per address, shared by all server processes: enough for a team behind one office address.
const FORM_LIMIT = { max: 30, windowMs: 10 * 60_000 };

publicScorecardRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/scorecard/{token}',
    tags,
    summary: 'What a customer rating link shows (no sign-in)',
    request: { params: tokenParam },
    responses: { 200: jsonResponse('The form', publicFormSchema) },
  }),
  async (c) => {
    await limitRate(c.var.core.db, `scorecard-form:${clientAddress(c)}`, FORM_LIMIT.max, FORM_LIMIT.windowMs);
    return c.json(await publicForm(c.var.core.db, c.req.valid('param').token), 200);
  },
);

publicScorecardRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/public/scorecard/{token}',
    tags,
    summary: 'Submit a customer rating through its link (once; no sign-in)',
    request: { params: tokenParam, body: jsonBody(publicRatingInputSchema) },
    responses: { 204: { description: 'Thank you' } },
  }),
  async (c) => {
    await limitRate(c.var.core.db, `scorecard-form:${clientAddress(c)}`, FORM_LIMIT.max, FORM_LIMIT.windowMs);
    await submitPublicRating(c.var.core.db, c.req.valid('param').token, c.req.valid('json'));
    return c.body(null, 204);
  },
);
