import { createRoute, z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { importCalendar } from '../../../core/calendar/merge.ts';
import {
  calendarSchema,
  importQuerySchema,
  importSummarySchema,
  subscriptionInputSchema,
  syncResultSchema,
} from '../../../core/calendar/schemas.ts';
import { decodeSource } from '../../../core/calendar/source.ts';
import {
  addSubscription,
  deleteCalendar,
  getCalendar,
  listCalendars,
  syncSubscription,
} from '../../../core/calendar/subscriptions.ts';
import { AppError } from '../../../core/errors.ts';
import { jsonBody, jsonResponse, router, security } from '../../context.ts';
import { errorBody } from '../../errors.ts';

const tags = ['import'];
const idParam = z.object({ id: z.string().min(1).max(100) });
const NDJSON = 'application/x-ndjson';
const FILE_TYPES = [
  'text/calendar',
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.ms-excel',
];

export const importRoutes = router();

importRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/imports',
    tags,
    summary:
      'Import an .ics calendar or a CSV export (file as the body, or multipart field "file"); at most 50 MB. With Accept: application/x-ndjson the answer streams progress lines, then the summary.',
    security,
    request: {
      query: importQuerySchema,
      body: {
        required: true,
        content: Object.fromEntries(FILE_TYPES.map((type) => [type, { schema: z.string() }])),
      },
    },
    responses: {
      200: jsonResponse(
        'What was (or with dryRun would be) added, updated, removed, skipped',
        importSummarySchema,
      ),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const { bytes, fileName } = await uploadedFile(c.req.raw, query.fileName);
    const run = (onProgress?: (done: number, total: number) => void) =>
      importCalendar(c.var.core.db, c.var.actor, {
        calendar: query.calendarId
          ? { id: query.calendarId }
          : { name: query.calendar ?? fileName ?? 'Imported calendar' },
        text: decodeSource(bytes),
        dryRun: query.dryRun,
        skipInvalid: query.skipInvalid,
        onProgress,
      });
    if (!(c.req.header('accept') ?? '').includes(NDJSON)) return c.json(await run(), 200);
    // Progress as it happens, for progress bars: {"progress":{done,total}} lines, then
    // {"summary":…} or {"error":…} (the status is already 200 by then).
    c.header('content-type', NDJSON);
    return stream(c, async (out) => {
      const line = (value: unknown) => out.write(`${JSON.stringify(value)}\n`);
      try {
        const summary = await run((done, total) => void line({ progress: { done, total } }));
        await line({ summary });
      } catch (error) {
        await line(error instanceof AppError ? errorBody(error) : internalError(error));
      }
    }) as never;
  },
);

/** A bug met after the 200 started streaming: logged like any 500, and said as one. */
function internalError(error: unknown) {
  console.error('import failed', error);
  return {
    error: { code: 'internal', message: 'the import failed on the server (logged); nothing was written' },
  };
}

/** The file from a raw body or a multipart form's "file" field, with its name if it has one. */
async function uploadedFile(
  request: Request,
  givenName?: string,
): Promise<{ bytes: Uint8Array; fileName?: string }> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'multipart/form-data') {
    const form = await request.formData().catch(() => {
      throw new AppError('bad_request', 'the multipart form could not be read (is the boundary missing?)');
    });
    const file = form.get('file');
    if (!file || typeof file === 'string')
      throw AppError.invalid('file', 'is required: send the file in the "file" field');
    return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: givenName ?? file.name };
  }
  if (type && !FILE_TYPES.includes(type)) {
    throw new AppError(
      'unsupported_media_type',
      `send the file as text/calendar, text/csv or application/octet-stream (or multipart/form-data), not ${type}`,
    );
  }
  return { bytes: new Uint8Array(await request.arrayBuffer()), fileName: givenName };
}

importRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/calendars',
    tags,
    summary: 'Your imported calendars and subscriptions',
    security,
    responses: { 200: jsonResponse('Calendars by name', z.object({ items: z.array(calendarSchema) })) },
  }),
  async (c) => c.json({ items: await listCalendars(c.var.core.db, c.var.actor) }, 200),
);

importRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/calendars',
    tags,
    summary: 'Subscribe to an .ics address (fetched now, then on a schedule)',
    security,
    request: { body: jsonBody(subscriptionInputSchema) },
    responses: {
      201: jsonResponse(
        'The subscription and its first import',
        z.object({ calendar: calendarSchema, sync: syncResultSchema }),
      ),
    },
  }),
  async (c) => {
    const { db } = c.var.core;
    const id = await addSubscription(db, c.var.actor, c.req.valid('json'));
    try {
      const sync = await syncSubscription(db, c.var.actor, id);
      return c.json({ calendar: await getCalendar(db, c.var.actor, id), sync }, 201);
    } catch (error) {
      // A subscription that cannot be read is not kept: the user fixes the address and tries again.
      await deleteCalendar(db, c.var.actor, id);
      throw error;
    }
  },
);

importRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/calendars/{id}/sync',
    tags,
    summary: 'Fetch a subscription now (conditional on ETag / Last-Modified) and merge it',
    security,
    request: { params: idParam },
    responses: { 200: jsonResponse('The merge, or notModified', syncResultSchema) },
  }),
  async (c) => c.json(await syncSubscription(c.var.core.db, c.var.actor, c.req.valid('param').id), 200),
);

importRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/calendars/{id}',
    tags,
    summary: 'Remove a calendar and every activity imported from it',
    security,
    request: { params: idParam },
    responses: { 204: { description: 'Removed' } },
  }),
  async (c) => {
    await deleteCalendar(c.var.core.db, c.var.actor, c.req.valid('param').id);
    return c.body(null, 204);
  },
);
