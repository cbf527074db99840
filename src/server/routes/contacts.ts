import { z } from '@hono/zod-openapi';
import { takeImportSlot } from '../../core/calendar/import-slots.ts';
import {
  contactChoicesSchema,
  contactsImportQuerySchema,
  contactsSummarySchema,
} from '../../core/contacts/schemas.ts';
import { importContacts } from '../../core/contacts/service.ts';
import { AppError } from '../../core/errors.ts';
import { featureRoutes } from '../operation.ts';
import { uploadedFile } from '../uploads.ts';

const FILE_TYPES = [
  'text/csv',
  'text/vcard',
  'text/x-vcard',
  'text/directory',
  'text/plain',
  'application/octet-stream',
  'application/vnd.ms-excel',
];

export const [contactRoutes, route] = featureRoutes('contacts import');

/** The preview's corrections: a JSON list in the form's "choices" field. */
function choicesOf(form: FormData | undefined) {
  const field = form?.get('choices');
  if (field === null || field === undefined) return undefined;
  if (typeof field !== 'string') throw AppError.invalid('choices', 'must be JSON text, not a file');
  let json: unknown;
  try {
    json = JSON.parse(field);
  } catch {
    throw AppError.invalid('choices', 'is not JSON');
  }
  const parsed = contactChoicesSchema.safeParse(json);
  if (!parsed.success) {
    throw AppError.invalid(
      'choices',
      `is not a list of {line, level, function, buyingOffice}: ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}

route.post('/imports/contacts', {
  summary:
    'Import contacts as stakeholders: a Salesforce, HubSpot, Outlook or Google contacts CSV or a vCard (.vcf) as the body, or multipart fields "file" and "choices" (the preview’s corrections: [{line, level, function, buyingOffice}]); at most 50 MB. Accounts are matched by company name or e-mail domain unless accountId is given.',
  query: contactsImportQuerySchema,
  body: Object.fromEntries(FILE_TYPES.map((type) => [type, z.string()])),
  responds: [
    200,
    'What was (or with dryRun would be) added, updated, left unchanged and skipped',
    contactsSummarySchema,
  ],
  // 404: accountId of no account of this workspace; 413: over 50 MB or too many contacts; 415: not a file type
  errors: [
    404,
    409,
    413,
    415,
    [503, 'Another import is running on this server: try again after Retry-After seconds'],
  ],
  run: async ({ c, db, actor, query }) => {
    // The calendar imports' slots: a file is read and parsed in memory, one at a time per process.
    const release = takeImportSlot();
    try {
      const { text, form } = await uploadedFile(c.req.raw, FILE_TYPES);
      return await importContacts(db, actor, {
        text,
        accountId: query.accountId,
        dryRun: query.dryRun,
        choices: choicesOf(form),
      });
    } finally {
      release();
    }
  },
});
