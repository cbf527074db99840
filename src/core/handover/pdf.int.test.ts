import { existsSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { loopbackServiceForFile } from '../../../test/loopback.ts';
import { chromiumPath, htmlToPdf } from './pdf.ts';

/** A server on this machine's loopback that counts every request, as an internal service would. */
const service = await loopbackServiceForFile();
const { port } = service;
beforeEach(() => service.forget());

// Chromium is Debian's package (.ci/run installs it); without it a PDF is a clear 400 instead.
describe.skipIf(!existsSync(chromiumPath()))('htmlToPdf prints offline', () => {
  it('loads nothing a document points at, whatever HTML it is given', async () => {
    const at = (path: string, host = '127.0.0.1') => `http://${host}:${port}/${path}`;
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="${at('style.css')}"><link rel="prefetch" href="${at('prefetch')}">
      <style>@import url(${at('import.css')}); body { background: url(${at('background.png')}); }</style>
      </head><body><p>Hostile</p>
      <img src="${at('img.png')}"><img src="${at('mapped.png', '[::ffff:127.0.0.1]')}">
      <img src="${at('localhost.png', 'localhost')}"><iframe src="${at('frame')}"></iframe>
      <object data="${at('object')}"></object><video poster="${at('poster.png')}"></video>
      <script>fetch('${at('fetch')}'); new Image().src = '${at('script-img.png')}';</script>
      </body></html>`;
    const pdf = await htmlToPdf(html);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(service.requests).toEqual([]);
  });

  it('does not follow a refresh to the network either (no policy covers that: the network is off)', async () => {
    const html = `<!doctype html><html><head><meta http-equiv="refresh" content="0;url=http://127.0.0.1:${port}/refresh"></head><body><p>Moved</p></body></html>`;
    const pdf = await htmlToPdf(html);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(service.requests).toEqual([]);
  });
});
