import { AppError } from '../errors.ts';

/**
 * How many uploaded imports one server process runs at once (`LINCHPIN_IMPORTS_AT_ONCE`, 1): each
 * holds its file and what it read of it in memory and, on PGlite, the only connection while its
 * rows are written, so three at once took 1.1 GB and made every other request wait. Another one is
 * answered at once with 503 `busy` and a Retry-After, never queued behind the first.
 */
const importsAtOnce = () => Math.max(1, Number(process.env.LINCHPIN_IMPORTS_AT_ONCE) || 1);

/** Seconds a refused import is asked to wait before trying again. */
export const IMPORT_RETRY_SECONDS = 15;

let running = 0;

/**
 * Takes one of this process's import slots, or refuses with 503 `busy` when all are taken; the
 * answer is the function that gives it back (call it once, when the import and its answer are done).
 */
export function takeImportSlot(): () => void {
  if (running >= importsAtOnce())
    throw AppError.busy(
      `another import is running on this server; try again in ${IMPORT_RETRY_SECONDS} s`,
      IMPORT_RETRY_SECONDS,
    );
  running++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running--;
  };
}
