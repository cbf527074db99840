import { AppError } from '../errors.ts';

/** The largest file an import accepts (upload, CLI or subscription). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function tooLarge(bytes: number): AppError {
  return new AppError('too_large', `the file is ${mb(bytes)}; imports are limited to 50 MB`);
}

/** Refused while reading: all that is known is that the body goes on past the limit. */
const overLimit = (max: number) =>
  new AppError('too_large', `the file is larger than ${mb(max)}; imports are limited to 50 MB`);

/**
 * Reads a body into one buffer, refusing it (413) as soon as it passes `max` bytes: a declared
 * length over the limit before a byte is read, and a body longer than it says, or without a length,
 * at the chunk that crosses it. With a declared length the buffer is made once at that size, so
 * the file is held once (not as chunks and then their copy). What is left unread stays so: the
 * stream is let go, not cancelled (cancelling would reset the connection before the 413 is read).
 */
export async function readAtMost(
  body: ReadableStream<Uint8Array> | null,
  declaredLength: number | null,
  max = MAX_IMPORT_BYTES,
): Promise<Uint8Array<ArrayBuffer>> {
  if (declaredLength !== null && declaredLength > max) throw tooLarge(declaredLength);
  if (!body) return new Uint8Array(0);
  let buffer = new Uint8Array(declaredLength ?? 64 * 1024);
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.byteLength > max) throw overLimit(max);
      if (size + value.byteLength > buffer.byteLength) {
        const grown = new Uint8Array(Math.min(max, Math.max(size + value.byteLength, buffer.byteLength * 2)));
        grown.set(buffer.subarray(0, size));
        buffer = grown;
      }
      buffer.set(value, size);
      size += value.byteLength;
    }
  } finally {
    reader.releaseLock();
  }
  return size === buffer.byteLength ? buffer : buffer.subarray(0, size);
}
