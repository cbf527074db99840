import { afterAll, describe, expect, it } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { apiClient, buildDecision, type OwnedAccount, type TestUser } from '../../../test/factories.ts';
import { loadDemo } from '../../core/demo/demo.ts';

const { core, app, ann, colleague, outsider, close } = await testWorld({
  people: { ann: { name: 'Ann Owner' }, colleague: { name: 'Colin' } },
});
afterAll(close);
await loadDemo(core.db, ann.actor);
const northwind: OwnedAccount = {
  account: (await apiClient(app, ann.token).get('/accounts')).body.items.find(
    (a: { name: string }) => a.name === 'Northwind Foods',
  ),
  owner: ann,
};

async function pack(user: TestUser, query = '') {
  const response = await app.request(`/api/accounts/${northwind.account.id}/handover${query}`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('handover pack', () => {
  it('has every section, in Markdown, from the account’s data', async () => {
    const api = apiClient(app, ann.token);
    await api.put('/reflections/2026-W46', {
      answers: { legacy_today: 'Shared for my successor' },
      inHandover: true,
    });
    await api.put('/reflections/2026-W45', { answers: { legacy_today: 'Kept to myself' } });
    await buildDecision(core, {
      on: northwind,
      title: 'Free express shipping on late orders',
      precedent: true,
      agreedByThem: 'Tom Becker',
      decidedOn: '2026-11-17',
    });
    await buildDecision(core, { on: northwind, title: 'A one-off discount', precedent: false });

    const md = await pack(ann);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(md.headers.get('content-disposition')).toMatch(
      /filename="handover-northwind-foods-\d{4}-\d{2}-\d{2}\.md"/,
    );
    const text = md.text;
    for (const heading of [
      '# Handover pack: Northwind Foods',
      '## Legacy statement and goals',
      '## Stakeholders and relationships',
      '### Warm introductions to ask for',
      '## Honest conversations',
      '## Precedents in force',
      '## Open plans and commitments',
      '## Time invested, last 12 months (the team)',
      '## Reflections shared for the handover',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toMatch(/\| relationships \| A sponsor in their executive team \|.*\| \d+\.\d h \|/);
    expect(text).toMatch(/- \*\*Grace Okafor\*\*, Finance Director — senior; skeptic; .*last contact never/);
    expect(text).toMatch(
      /- Ann Owner to introduce you to \*\*Maria Lopez\*\* \(Chief Operating Officer\), influence 5\/5/,
    );
    expect(text).toMatch(/Latest round: \*\*Q4 2026\*\*/);
    expect(text).toMatch(/\| connectivity \| 5\.0 \| 2\.0 \| \+3\.0 \|/);
    expect(text).toContain(
      '**Free express shipping on late orders** — decided 2026-11-17; agreed with Tom Becker',
    );
    expect(text).not.toContain('A one-off discount');
    expect(text).toContain('Shared for my successor');
    expect(text).not.toContain('Kept to myself');
  });

  it('is reproducible: the same data gives the same Markdown, the date aside', async () => {
    const strip = (t: string) => t.replace(/Prepared by .* on \d{4}-\d{2}-\d{2}\./, 'Prepared');
    expect(strip((await pack(ann)).text)).toBe(strip((await pack(ann)).text));
  });

  it('prints as HTML with the chart drawn on the server, user text escaped, nothing fetched or run', async () => {
    await apiClient(app, ann.token).patch(`/accounts/${northwind.account.id}`, {
      legacyStatement: 'Partners, not <script>alert(1)</script> suppliers & co',
    });
    const html = await pack(ann, '?format=html&download=1');
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(html.text).toMatch(/<h2[^>]*>Time invested[^<]*<\/h2>\s*<div class="chart"><svg/);
    expect(html.text).not.toMatch(/<script/i);
    expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; suppliers &amp; co');
    expect(html.text).not.toMatch(/(src|href)="https?:/);
  });

  it('leaves out planned work that was deleted', async () => {
    const api = apiClient(app, ann.token);
    const planned = (
      await api.post('/activities', {
        title: 'Renewal workshop, deleted',
        startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        minutes: 60,
        urgent: false,
        important: true,
        status: 'planned',
        accountId: northwind.account.id,
      })
    ).body;
    expect((await pack(ann)).text).toContain('Renewal workshop, deleted');
    await api.delete(`/activities/${planned.id}`);
    expect((await pack(ann)).text).not.toContain('Renewal workshop, deleted');
  });

  it('shows colleagues only their own time and planned work, and nobody outside the workspace anything', async () => {
    const theirs = await pack(colleague);
    expect(theirs.status).toBe(200);
    expect(theirs.text).toContain('## Time invested, last 12 months (Colin only)');
    expect(theirs.text).not.toMatch(/^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} /m);
    expect((await pack(outsider)).status).toBe(404);
    expect((await pack(ann, '?format=docx')).status).toBe(400);
  });
});
