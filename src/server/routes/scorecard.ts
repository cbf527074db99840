import { z } from '@hono/zod-openapi';
import { trustedOrigin } from '../../core/mail/link-origin.ts';
import { limitRate } from '../../core/rate-limit.ts';
import { mailInvitation } from '../../core/scorecard/link-mail.ts';
import {
  createInvitation,
  publicForm,
  revokeInvitation,
  submitPublicRating,
} from '../../core/scorecard/links.ts';
import {
  actionInputSchema,
  invitationInputSchema,
  mailedInvitationInputSchema,
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
  createRound,
  deleteRound,
  getRound,
  listRounds,
  saveMyRating,
  updateRound,
} from '../../core/scorecard/service.ts';
import { clientAddress } from '../auth.ts';
import { featureRoutes } from '../operation.ts';

const tokenParam = z.object({ token: z.string().min(20).max(100) });

export const [scorecardRoutes, route] = featureRoutes('scorecard');

route.children('/accounts/{id}/scorecard', {
  noun: 'round',
  schema: roundDetailSchema,
  listed: roundSummarySchema,
  list: {
    summary: "The account's honest-conversation rounds, newest first, with their four views (the trend)",
    answer: 'Rounds',
    run: listRounds,
  },
  add: {
    summary: 'Open a round, e.g. "Q4 2026" (the account owner, team and leaders may)',
    body: roundInputSchema,
    run: createRound,
  },
});

route.item('/scorecard/rounds/{id}', {
  noun: 'round',
  schema: roundDetailSchema,
  get: {
    summary: 'A round: four views with rater counts, the gap table (largest first), evidence, links, actions',
    run: getRound,
  },
  patch: {
    summary: 'Rename a round, invite colleagues, or record the conversation notes',
    body: roundPatchSchema,
    run: updateRound,
  },
  delete: {
    summary: 'Delete a round with its ratings and links (agreed actions stay as planned activities)',
    run: deleteRound,
  },
});

route.put('/scorecard/rounds/{id}/my-rating', {
  summary:
    'Your answers for our side: both organisations, 1–5 per subject, with evidence (replaces earlier ones)',
  body: ratingInputSchema,
  responds: [200, 'The round', roundDetailSchema],
  run: ({ db, actor, params, body }) => saveMyRating(db, actor, params.id, body),
});

route.post('/scorecard/rounds/{id}/invitations', {
  // Its answer shows a secret once: never stored for an Idempotency-Key replay.
  shownOnce: true,
  summary: 'A link for one customer-side rater (usable once, expires in 21 days by default)',
  description: 'The token is in this answer only; the server keeps a SHA-256 of it.',
  body: invitationInputSchema,
  responds: [
    201,
    'The link',
    z.object({ id: z.string(), token: z.string(), expiresAt: z.string(), path: z.string() }),
  ],
  errors: [429],
  run: async ({ c, db, actor, params, body }) => {
    const link = await createInvitation(db, actor, params.id, body, clientAddress(c));
    return { ...link, path: `/#/rate/${link.token}` };
  },
});

// Per sender, across processes: a team mailing its customers, never a mail cannon.
const MAIL_LIMIT = { max: 60, windowMs: 60 * 60_000 };

route.post('/scorecard/rounds/{id}/invitations/email', {
  // Its answer shows a secret once: never stored for an Idempotency-Key replay.
  shownOnce: true,
  summary:
    'Mail a rating link to one customer-side rater, with your own message (reminded 3 days before expiry)',
  description:
    'The mail goes through the outbox: sent once, retried while the SMTP server is away. Its template has ' +
    'no prose of its own (names, the round, a ★ button, the link and the expiry date), so write the message ' +
    'in the language of the rater. 409 when this server cannot mail (no SMTP server or no public address).',
  body: mailedInvitationInputSchema,
  responds: [
    201,
    'The link, queued for mailing',
    z.object({
      id: z.string(),
      token: z.string(),
      expiresAt: z.string(),
      path: z.string(),
      email: z.string(),
    }),
  ],
  errors: [409, 429],
  run: async ({ c, db, actor, params, body }) => {
    await limitRate(db, `scorecard-mail:${actor.userId}`, MAIL_LIMIT.max, MAIL_LIMIT.windowMs);
    const { core } = c.var;
    const link = await mailInvitation(
      db,
      actor,
      { secret: core.secret, mailConfigured: core.mailer.configured, origin: await trustedOrigin(db) },
      params.id,
      body,
      clientAddress(c),
    );
    return { ...link, path: `/#/rate/${link.token}` };
  },
});

route.delete('/scorecard/invitations/{id}', {
  summary: 'Withdraw a rating link',
  responds: [204, 'Withdrawn'],
  run: ({ c, db, actor, params }) => revokeInvitation(db, actor, params.id, clientAddress(c)),
});

route.post('/scorecard/rounds/{id}/actions', {
  summary: 'Record an agreed action; it becomes a planned Q2 activity on the account',
  body: actionInputSchema,
  responds: [201, 'The round', roundDetailSchema],
  run: ({ db, actor, params, body }) => addAction(db, actor, params.id, body),
});

/** The customer's form: no account needed, nothing of the workspace but the form. */
export const [publicScorecardRoutes, publicRoute] = featureRoutes('scorecard');

// Per address, shared by all server processes: enough for a team behind one office address.
const FORM_LIMIT = { max: 30, windowMs: 10 * 60_000 };

publicRoute.get('/public/scorecard/{token}', {
  summary: 'What a customer rating link shows (no sign-in)',
  public: true,
  params: tokenParam,
  responds: [200, 'The form', publicFormSchema],
  errors: [410, 429],
  run: async ({ c, db, params }) => {
    await limitRate(db, `scorecard-form:${clientAddress(c)}`, FORM_LIMIT.max, FORM_LIMIT.windowMs);
    return publicForm(db, params.token);
  },
});

publicRoute.post('/public/scorecard/{token}', {
  summary: 'Submit a customer rating through its link (once; no sign-in)',
  public: true,
  params: tokenParam,
  body: publicRatingInputSchema,
  responds: [204, 'Thank you'],
  errors: [409, 410, 429],
  run: async ({ c, db, params, body }) => {
    await limitRate(db, `scorecard-form:${clientAddress(c)}`, FORM_LIMIT.max, FORM_LIMIT.windowMs);
    await submitPublicRating(db, params.token, body);
  },
});
