import { z } from '@hono/zod-openapi';
import { isoWeekSchema } from '../../core/reports/schemas.ts';
import { TEAM_TABLES, teamCsv } from '../../core/team/csv.ts';
import { setTeamPrivacy, teamPrivacySetting } from '../../core/team/privacy.ts';
import {
  leaderViewSchema,
  teamPrivacySchema,
  teamQuerySchema,
  teamViewSchema,
} from '../../core/team/schemas.ts';
import { leaderView, teamView } from '../../core/team/service.ts';
import { featureRoutes } from '../operation.ts';

/** The Sales Leader's team page, what each person's leader sees of them, and the workspace's privacy mode. */
export const [teamRoutes, route] = featureRoutes('team');

const notInTeam: [number, string] = [404, 'leaderId is nobody in your team (or in this workspace)'];

route.get('/team', {
  summary:
    "Your team's figures for an ISO week (leaders: everyone reporting to them, directly or not; owner: everyone, or one leader's team): per person, totals, and the team's accounts by risk. Never a title, note, plan or reflection text",
  query: teamQuerySchema,
  responds: [200, 'The team page', teamViewSchema],
  errors: [notInTeam],
  run: ({ db, actor, query }) => teamView(db, actor, query),
});

route.get('/team/export', {
  summary: 'The people or accounts table of the team page as CSV (the same figures, the same privacy mode)',
  query: teamQuerySchema.extend({ table: z.enum(TEAM_TABLES, { error: 'must be people or accounts' }) }),
  responds: [200, 'The table, as an attachment', { 'text/csv': z.string() }],
  errors: [notInTeam],
  run: async ({ c, db, actor, query }) => {
    const view = await teamView(db, actor, query);
    return c.body(teamCsv(view, query.table), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="team-${query.table}-${view.week}.csv"`,
      'cache-control': 'no-store',
    });
  },
});

route.get('/me/leader-view', {
  summary:
    'Your own row exactly as your leader’s team page shows it (null in aggregate mode), with the privacy mode',
  query: z.object({ week: isoWeekSchema.optional() }),
  responds: [200, 'What your leader sees', leaderViewSchema],
  run: ({ db, actor, query }) => leaderView(db, actor, query.week),
});

route.get('/workspace/team-privacy', {
  summary:
    'What team pages show (owner): per-person figures, or team totals only from groups of minGroupSize or more',
  responds: [200, 'The privacy mode', teamPrivacySchema],
  run: ({ db, actor }) => teamPrivacySetting(db, actor),
});

route.put('/workspace/team-privacy', {
  summary: 'Set the team privacy mode (owner; minGroupSize at least 5)',
  body: teamPrivacySchema,
  responds: [200, 'The privacy mode now', teamPrivacySchema],
  run: ({ db, actor, body }) => setTeamPrivacy(db, actor, body),
});
