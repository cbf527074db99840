import { Marked, type Tokens } from 'marked';

/** Escapes text for HTML content and quoted attribute values alike. */
export const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address a link may keep: an absolute http(s) or mailto address, as the URL parser reads it;
 * anything else (javascript:, data:, file:, relative and protocol-relative addresses, a scheme
 * hidden behind entities, spaces or control characters) is null. The answer is attribute-escaped
 * when written, so the browser decodes exactly this text: no entity can turn it into another scheme.
 */
export function safeHref(href: string): string | null {
  if (!/^(https?:\/\/|mailto:)/i.test(href)) return null;
  try {
    const url = new URL(href);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The one Markdown → HTML renderer for documents made of user text (the handover pack). Raw HTML
 * is shown as the text it is, images as their alt text (the document loads nothing), links only
 * to http(s) and mailto addresses (others are their text). Everything else is marked's, which
 * escapes text, code and titles.
 */
const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    image: ({ text }: Tokens.Image) => escapeHtml(text),
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      const href = safeHref(token.href);
      if (href === null) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(href)}"${title} rel="noreferrer">${text}</a>`;
    },
  },
});

/** Markdown (with user text in it) as HTML that carries no script, no remote resource, no live non-web link. */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
