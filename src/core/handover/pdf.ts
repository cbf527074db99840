import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors.ts';
import { withOfflinePolicy } from './offline.ts';

const run = promisify(execFile);

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium with no network: every host name and every address (IP literals too) fails to resolve,
 * so nothing in the document can reach the server's network or the internet, whatever it says.
 */
const OFFLINE_FLAGS = ['--host-resolver-rules=MAP * ~NOTFOUND', '--disable-background-networking'];

/**
 * Prints an HTML document to PDF with Debian's headless Chromium (A4, no header or footer), offline:
 * no network at all (OFFLINE_FLAGS), and the document's own policy forbids loading anything, files
 * beside it included, and running scripts (`withOfflinePolicy`).
 */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const chromium = chromiumPath();
  if (!existsSync(chromium)) {
    throw new AppError(
      'bad_request',
      `a PDF needs Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH); Markdown and HTML work without it`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'linchpin-pdf-'));
  try {
    const input = join(dir, 'pack.html');
    const output = join(dir, 'pack.pdf');
    await writeFile(input, withOfflinePolicy(html));
    await run(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        ...OFFLINE_FLAGS,
        '--no-first-run',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${output}`,
        `file://${input}`,
      ],
      { timeout: 60_000 },
    );
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
