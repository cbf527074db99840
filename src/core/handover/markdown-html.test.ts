import { describe, expect, it } from 'vitest';
import { markdownToHtml, safeHref } from './markdown-html.ts';

describe('safeHref: only absolute http(s) and mailto addresses stay links', () => {
  it.each([
    ['https://example.com/plan?a=1&b=2', 'https://example.com/plan?a=1&b=2'],
    ['HTTP://EXAMPLE.COM', 'http://example.com/'],
    ['mailto:ann@example.com', 'mailto:ann@example.com'],
    ['https://example.com/<x>', 'https://example.com/%3Cx%3E'],
  ])('%s → %s', (href, kept) => expect(safeHref(href)).toBe(kept));

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java&#x09;script:alert(1)',
    '&#106;avascript:alert(1)',
    'java&Tab;script&colon;alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    '//evil.example/x',
    '/relative',
    'relative.html',
    '#fragment',
    'https:evil.example',
    'http:/evil.example',
    '',
  ])('%j is refused', (href) => expect(safeHref(href)).toBeNull());
});

describe('markdownToHtml', () => {
  it('keeps safe links, shows the rest as text', () => {
    expect(markdownToHtml('[plan](https://example.com/?a=1&b=2) [bad](javascript:alert(1))')).toBe(
      '<p><a href="https://example.com/?a=1&amp;b=2" rel="noreferrer">plan</a> bad</p>\n',
    );
  });

  it('renders no image, only its alt text', () => {
    expect(markdownToHtml('![the logo](http://127.0.0.1/x.png) ![d](data:image/png;base64,AA==)')).toBe(
      '<p>the logo d</p>\n',
    );
  });

  it('shows raw HTML as text, inline and as a block', () => {
    expect(markdownToHtml('a <img src=x onerror=alert(1)> b')).toBe(
      '<p>a &lt;img src=x onerror=alert(1)&gt; b</p>\n',
    );
    expect(markdownToHtml('<script>\nalert(1)\n</script>')).not.toMatch(/<script/);
  });

  it('escapes what a title attribute could break out of', () => {
    expect(markdownToHtml('[t](https://ok.example "a\\" onmouseover=\\"x")')).toBe(
      '<p><a href="https://ok.example/" title="a&quot; onmouseover=&quot;x" rel="noreferrer">t</a></p>\n',
    );
  });
});
