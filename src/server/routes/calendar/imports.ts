import { z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { takeImportSlot } from '../../../core/calendar/import-slots.ts';
import { importCalendar } from '../../../core/calendar/merge.ts';
import { importQuerySchema, importSummarySchema } from '../../../core/calendar/schemas.ts';
import { AppError } from '../../../core/errors.ts';

import { errorBody } from '../../errors.ts';
import { featureRoutes } from '../../operation.ts';
import { uploadedFile } from '../../uploads.ts';

const NDJSON = 'application/x-ndjson';
const FILE_TYPES = [
  'text/calendar',
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.ms-excel',
];

export const [importRoutes, route] = featureRoutes('import');

route.post('/imports', {
  summary:
    'Import an .ics calendar or a CSV export (file as the body, or multipart field "file"); at most 50 MB. With Accept: application/x-ndjson the answer streams progress lines, then the summary.',
  query: importQuerySchema,
  body: Object.fromEntries(FILE_TYPES.map((type) => [type, z.string()])),
  responds: [200, 'What was (or with dryRun would be) added, updated, removed, skipped', importSummarySchema],
  // 404: calendarId of no calendar of yours; 413: over 50 MB, or too many events; 415: not a file type
  errors: [
    404,
    413,
    415,
    [503, 'Another import is running on this server: try again after Retry-After seconds'],
  ],
  run: async ({ c, db, actor, query }) => {
    // One slot for the whole import, the streamed answer included (503 busy when none is free).
    const release = takeImportSlot();
    let streaming = false;
    try {
      const { text, fileName } = await uploadedFile(c.req.raw, FILE_TYPES, query.fileName);
      const run = (onProgress?: (done: number, total: number) => void) =>
        importCalendar(db, actor, {
          calendar: query.calendarId
            ? { id: query.calendarId }
            : { name: query.calendar ?? fileName ?? 'Imported calendar' },
          text,
          dryRun: query.dryRun,
          skipInvalid: query.skipInvalid,
          onProgress,
        });
      if (!(c.req.header('accept') ?? '').includes(NDJSON)) return await run();
      // Progress as it happens, for progress bars: {"progress":{done,total}} lines, then
      // {"summary":…} or {"error":…} (the status is already 200 by then).
      c.header('content-type', NDJSON);
      streaming = true;
      return stream(c, async (out) => {
        const line = (value: unknown) => out.write(`${JSON.stringify(value)}\n`);
        try {
          const summary = await run((done, total) => void line({ progress: { done, total } }));
          await line({ summary });
        } catch (error) {
          await line(error instanceof AppError ? errorBody(error) : internalError(error));
        } finally {
          release();
        }
      });
    } finally {
      if (!streaming) release();
    }
  },
});

/** A bug met after the 200 started streaming: logged like any 500, and said as one. */
function internalError(error: unknown) {
  console.error('import failed', error);
  return {
    error: { code: 'internal', message: 'the import failed on the server (logged); nothing was written' },
  };
}
