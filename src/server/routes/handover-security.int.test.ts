import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { apiClient, buildAccount, buildDecision, buildStakeholder } from '../../../test/factories.ts';
import { type LoopbackService, startLoopbackService } from '../../../test/loopback.ts';
import { chromiumPath } from '../../core/handover/pdf.ts';

const { core, app, ann, close } = await testWorld({ people: { ann: { name: 'Ann Owner' } } });
afterAll(close);

/** An internal service on loopback, counting requests: the pack must never make one. */
let service: LoopbackService;
let port = 0;
beforeAll(async () => {
  service = await startLoopbackService();
  port = service.port;
});
afterAll(() => service.close());

/** The text the probe stored: a script link, a remote image, an HTML event handler. */
const hostile = () =>
  `Partners [x](javascript:alert(document.domain)) ![p](http://127.0.0.1:${port}/x.png) ` +
  `[internal](http://127.0.0.1:${port}/link) <img src=x onerror=alert(1)>`;

const on = await buildAccount(core, { owner: ann, name: 'Hostile Foods' });
const api = apiClient(app, ann.token);
beforeAll(async () => {
  await api.patch(`/accounts/${on.account.id}`, { legacyStatement: hostile() });
  await buildStakeholder(core, { on, name: 'Grace', title: hostile() });
  await buildDecision(core, { on, title: 'Free shipping', context: hostile(), precedent: true });
  await api.put('/reflections/2026-W46', { answers: { legacy_today: hostile() }, inHandover: true });
});

const pack = async (format: string) => {
  const response = await app.request(`/api/accounts/${on.account.id}/handover?format=${format}`, {
    headers: { authorization: `Bearer ${ann.token}` },
  });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
};

describe('the handover pack from hostile user text', () => {
  it('serves HTML with no live script link, no image, no handler, under a policy that loads nothing', async () => {
    const html = await pack('html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    const text = html.body.toString('utf8');
    // The text is there five times (legacy statement, stakeholder and their introduction, decision,
    // reflection)…
    expect(text.match(/Partners x p/g)).toHaveLength(5);
    // …and none of it is live: it is text (`&lt;img src=x onerror=…&gt;`), not tags.
    const tags = (text.match(/<[a-zA-Z][^>]*>/g) ?? []).join('\n');
    expect(tags).not.toMatch(/javascript:|<img|<script|\son\w+=|\ssrc=/i);
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(
      text.match(/<a href="http:\/\/127\.0\.0\.1:\d+\/link" rel="noreferrer">internal<\/a>/g),
    ).toHaveLength(5);
  });

  it('sends Markdown as text that is never sniffed into a page', async () => {
    const md = await pack('md');
    expect(md.headers.get('x-content-type-options')).toBe('nosniff');
    expect(md.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  });

  it.skipIf(!existsSync(chromiumPath()))('prints the PDF without a single request', async () => {
    service.forget();
    const pdf = await pack('pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(service.requests).toEqual([]);
  });
});
