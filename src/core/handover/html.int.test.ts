import { afterAll, describe, expect, it } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { apiClient } from '../../../test/factories.ts';
import { loadDemo } from '../demo/demo.ts';
import { packHtml } from './html.ts';
import { buildHandoverPack, type HandoverPack } from './pack.ts';

const { core, app, ann, close } = await testWorld({ people: { ann: { name: 'Ann Owner' } } });
afterAll(close);
await loadDemo(core.db, ann.actor);
const northwind = (await apiClient(app, ann.token).get('/accounts')).body.items.find(
  (a: { name: string }) => a.name === 'Northwind Foods',
);
const base = await buildHandoverPack(core.db, { ...ann.actor, name: 'Ann Owner' }, northwind.id);

/** Hostile text in Markdown and HTML: none of it may become a live link, a script, or a fetch. */
const PAYLOADS = [
  '[x](javascript:alert(document.domain))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java&#x09;script:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](java&Tab;script&colon;alert(1))',
  '[x]( javascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '<javascript:alert(1)>',
  '[r][evil]\n\n[evil]: javascript:alert(1)',
  '[v](vbscript:msgbox(1))',
  '[f](file:///etc/passwd)',
  '[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[p](//evil.example/x)',
  '[t](https://ok.example "x\\" onmouseover=\\"alert(1)")',
  '[![i](http://127.0.0.1:9/i.png)](javascript:alert(1))',
  '![p](http://127.0.0.1:9/x.png)',
  '![p](//evil.example/x.png)',
  '![p](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<a href=javascript:alert(1)>h</a>',
  '<a href="java&#x09;script:alert(1)">h</a>',
  '<script>alert(1)</script>',
  '"><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="http://127.0.0.1:9/">',
  '<style>body{background:url(http://127.0.0.1:9/x)}</style>',
  '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">',
];

/** Every piece of user text the pack renders, and how to put `text` there. */
const FIELDS: Record<string, (pack: HandoverPack, text: string) => void> = {
  'account name': (p, t) => {
    p.account.name = t;
  },
  'legacy statement': (p, t) => {
    p.account.legacyStatement = t;
  },
  'owner name': (p, t) => {
    if (p.account.owner) p.account.owner.name = t;
  },
  'team member name': (p, t) => {
    p.account.members = [{ id: 'm', name: t }];
  },
  'prepared by': (p, t) => {
    p.preparedBy = t;
  },
  'goal title': (p, t) => {
    first(p.goals).title = t;
  },
  'goal measure': (p, t) => {
    first(p.goals).measure = t;
  },
  'stakeholder name': (p, t) => {
    first(p.stakeholders).name = t;
  },
  'stakeholder title': (p, t) => {
    first(p.stakeholders).title = t;
  },
  'relationship owner': (p, t) => {
    first(p.stakeholders).owners = [{ id: 'o', name: t }];
  },
  'connectivity warning': (p, t) => {
    p.warnings = [{ ...first(p.warnings), message: t }];
  },
  'warm introduction': (p, t) => {
    Object.assign(first(p.introductions), { stakeholder: t, title: t, by: t });
  },
  'scorecard round': (p, t) => {
    if (p.latestRound) p.latestRound.name = t;
    first(p.rounds).name = t;
  },
  'decision title': (p, t) => {
    first(p.precedents).title = t;
  },
  'decision context': (p, t) => {
    first(p.precedents).context = t;
  },
  'decision scope and counterpart': (p, t) => {
    Object.assign(first(p.precedents), { scope: t, agreedByThem: t });
  },
  'planned work': (p, t) => {
    p.plannedWork = [{ startsAt: '2026-12-01 09:00', title: t, minutes: 30, quadrant: 'q2' }];
  },
  'agreed action': (p, t) => {
    p.agreedActions = [{ title: t, startsAt: null, round: t }];
  },
  reflection: (p, t) => {
    p.reflections = [{ week: '2026-W46', answers: { legacy_today: t, learn: t } }];
  },
};

function first<T>(items: T[]): T {
  const [item] = items;
  if (!item) throw new Error('the demo account lacks this kind of data: the test would prove nothing');
  return item;
}

function packWith(field: string, text: string): string {
  const pack = structuredClone(base);
  FIELDS[field]?.(pack, text);
  return packHtml(pack);
}

/** The body without the chart, which the server draws from numbers (it has a `<style>` of its own). */
const bodyOf = (html: string) =>
  html.slice(html.indexOf('<body>')).replace(/<div class="chart"><svg[\s\S]*?<\/svg>\s*<\/div>/, '');

/** Tags (not text: user text has `<` escaped) of the body, with their attributes. */
function tagsOf(html: string) {
  return [...bodyOf(html).matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)].map(
    ([, name, rest]) => ({
      name: (name ?? '').toLowerCase(),
      attributes: [...(rest ?? '').matchAll(/([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)].map(
        ([, key, value]) => ({
          key: (key ?? '').toLowerCase(),
          value: (value ?? '').replace(/^["']|["']$/g, '').replaceAll('&amp;', '&'),
        }),
      ),
    }),
  );
}

function expectInert(html: string) {
  expect(html).toMatch(/<div class="chart"><svg[^>]*>/);
  const body = bodyOf(html);
  expect(body).not.toMatch(/<svg|<div class="chart"/);
  expect(body).not.toMatch(/<script/i);
  expect(body).not.toMatch(/<img/i);
  for (const tag of tagsOf(html)) {
    expect([
      'script',
      'img',
      'iframe',
      'object',
      'embed',
      'link',
      'meta',
      'style',
      'base',
      'form',
    ]).not.toContain(tag.name);
    for (const { key, value } of tag.attributes) {
      expect(key, `<${tag.name} ${key}>`).not.toMatch(/^on/);
      expect(key, `<${tag.name} ${key}>`).not.toMatch(/^(src|srcset|action|formaction|background|poster)$/);
      expect(value, `<${tag.name} ${key}>`).not.toMatch(/javascript:|vbscript:|data:/i);
      if (key === 'href') expect(['http:', 'https:', 'mailto:']).toContain(new URL(value).protocol);
    }
  }
}

describe('the handover HTML carries no live script, link or remote resource from user text', () => {
  it('renders every field (else the cases below would prove nothing)', () => {
    for (const field of Object.keys(FIELDS)) {
      expect(packWith(field, `Marker ${field}`), field).toContain(`Marker ${field}`);
    }
  });

  describe.each(Object.keys(FIELDS))('%s', (field) => {
    it.each(PAYLOADS)('%s', (payload) => expectInert(packWith(field, payload)));
  });

  it('keeps http(s) and mailto links, and shows refused links and images as their text', () => {
    const html = packWith(
      'legacy statement',
      'See [the plan](https://example.com/plan?a=1&b=2), [mail](mailto:ann@example.com), [bad](javascript:alert(1)) and ![the logo](http://127.0.0.1:9/x.png)',
    );
    expect(html).toContain('<a href="https://example.com/plan?a=1&amp;b=2" rel="noreferrer">the plan</a>');
    expect(html).toContain('<a href="mailto:ann@example.com" rel="noreferrer">mail</a>');
    expect(html).toMatch(/, bad and the logo/);
    expectInert(html);
  });

  it('shows raw HTML as the text it is', () => {
    const html = packWith('legacy statement', 'Partners, not <script>alert(1)</script> suppliers & co');
    expect(html).toContain('Partners, not &lt;script&gt;alert(1)&lt;/script&gt; suppliers &amp; co');
  });

  it('tells the browser, in the document itself, to fetch and run nothing', () => {
    expect(packHtml(base)).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    );
  });
});
