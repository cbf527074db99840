import { z } from '@hono/zod-openapi';
import { packHtml } from '../../core/handover/html.ts';
import { packMarkdown } from '../../core/handover/markdown.ts';
import { OFFLINE_POLICY } from '../../core/handover/offline.ts';
import { buildHandoverPack } from '../../core/handover/pack.ts';
import { htmlToPdf } from '../../core/handover/pdf.ts';
import { featureRoutes } from '../operation.ts';

const FORMATS = {
  md: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { type: 'application/pdf', extension: 'pdf' },
} as const;

export const [handoverRoutes, route] = featureRoutes('handover');

route.get('/accounts/{id}/handover', {
  summary: 'The handover pack for an account, dated, as Markdown, printable HTML or PDF',
  description:
    'Legacy statement and goals with time invested, stakeholders with relationship owners and warm introductions, latest scorecard gaps and trend, precedents in force, open plans and agreed actions, 12 months of time by quadrant, and the owner’s reflections marked for handover.',
  query: z.object({
    format: z
      .enum(['md', 'html', 'pdf'], { error: 'must be md, html or pdf' })
      .optional()
      .describe('default md'),
    download: z.enum(['0', '1']).optional().describe('1: as an attachment'),
  }),
  responds: [
    200,
    'The pack',
    {
      'text/markdown': z.string(),
      'text/html': z.string(),
      'application/pdf': z.string().describe('binary'),
    },
  ],
  run: async ({ c, db, actor, params, query }) => {
    const { format = 'md', download } = query;
    const pack = await buildHandoverPack(db, { ...actor, name: c.var.me.name }, params.id);
    const name = `handover-${
      pack.account.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'account'
    }-${pack.preparedOn}.${FORMATS[format].extension}`;
    const headers: Record<string, string> = {
      'content-type': FORMATS[format].type,
      'content-disposition': `${download === '1' ? 'attachment' : 'inline'}; filename="${name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    // The document opens on our origin: it may load nothing, run nothing, and not be framed.
    // (Not on the PDF: Chromium's viewer is itself a page the policy would block.)
    if (format !== 'pdf') headers['content-security-policy'] = `${OFFLINE_POLICY}; frame-ancestors 'none'`;
    if (format === 'md') return c.body(packMarkdown(pack), 200, headers);
    const html = packHtml(pack);
    if (format === 'html') return c.body(html, 200, headers);
    return c.body(new Uint8Array(await htmlToPdf(html)), 200, headers);
  },
});
