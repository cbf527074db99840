import { MAX_IMPORT_BYTES, readAtMost } from '../core/calendar/limits.ts';
import { decodeSource } from '../core/calendar/source.ts';
import { AppError } from '../core/errors.ts';

/** Room for a multipart form's boundaries and part headers around a file at the limit. */
const FORM_OVERHEAD = 64 * 1024;

export interface UploadedFile {
  text: string;
  fileName?: string;
  /** The multipart form's other fields, when the file came in one. */
  form?: FormData;
}

/**
 * The file from a raw body or a multipart form's "file" field, as text, with its name if it has
 * one. The body is streamed into one buffer and refused with 413 as soon as it passes the limit
 * (at once when its Content-Length does); only the text is kept once it is decoded. `types` are the
 * media types a raw body may be sent as (none at all is fine too).
 */
export async function uploadedFile(
  request: Request,
  types: readonly string[],
  givenName?: string,
): Promise<UploadedFile> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'multipart/form-data' && type && !types.includes(type)) {
    throw new AppError(
      'unsupported_media_type',
      `send the file as ${types.join(', ')} (or multipart/form-data), not ${type}`,
    );
  }
  const header = request.headers.get('content-length');
  const declared = header !== null && /^\d+$/.test(header) ? Number(header) : null;
  if (type !== 'multipart/form-data') {
    return { text: decodeSource(await readAtMost(request.body, declared)), fileName: givenName };
  }
  const body = await readAtMost(request.body, declared, MAX_IMPORT_BYTES + FORM_OVERHEAD);
  const form = await new Response(body, {
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  })
    .formData()
    .catch(() => {
      throw new AppError('bad_request', 'the multipart form could not be read (is the boundary missing?)');
    });
  const file = form.get('file');
  if (!file || typeof file === 'string')
    throw AppError.invalid('file', 'is required: send the file in the "file" field');
  return {
    text: decodeSource(new Uint8Array(await file.arrayBuffer())),
    fileName: givenName ?? file.name,
    form,
  };
}
