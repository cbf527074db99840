import { z } from '@hono/zod-openapi';
import { activitySchema } from '../../core/activities/schemas.ts';
import { EXPORT_FORMATS, exportActivities } from '../../core/exports/service.ts';

import { featureRoutes } from '../operation.ts';

const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: 'must be csv or json' }).default('csv'),
  from: z
    .string()
    .max(40)
    .optional()
    .describe("Start: a date (that day's start) or ISO date-time; without an offset in your time zone"),
  to: z
    .string()
    .max(40)
    .optional()
    .describe('End: a date (up to the end of that day) or an ISO date-time (exclusive)'),
});

export const [exportRoutes, route] = featureRoutes('exports');

/** Pulls the next piece only when the client has taken the last one. */
function toStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

route.get('/exports/activities', {
  summary:
    'Download your activities: CSV in the generic import format (re-importable), or JSON; activities starting in [from, to)',
  query: exportQuerySchema,
  responds: [
    200,
    'The file, as an attachment',
    {
      'text/csv': z
        .string()
        .describe(
          'Header: title,startsAt,endsAt,minutes,urgent,important,account,kind,commercial,status,notes,id',
        ),
      'application/json': z.object({ activities: z.array(activitySchema) }),
    },
  ],
  run: async ({ c, db, actor, query }) => {
    const file = await exportActivities(db, actor, query);
    return c.body(toStream(file.chunks), 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'no-store',
    });
  },
});
