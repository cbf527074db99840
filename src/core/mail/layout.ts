/**
 * The one look of Linchpin's mail: a centred 560 px card that narrows to the phone, inline styles
 * only (mail clients drop <style> and classes), no images, no remote resources, no tracking.
 * Every part is text that is escaped here, so callers pass plain strings.
 */

export const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export type MailBlock =
  | { paragraph: string; muted?: boolean }
  | { heading: string }
  /** Rows of a small table: a label and its value (e.g. a quadrant and its share). */
  | { rows: { label: string; value: string; note?: string }[] }
  /** A list of things to act on, each optionally a link. */
  | { items: { text: string; url?: string }[]; empty?: string }
  | { button: { label: string; url: string } };

export interface MailDocument {
  /** The hidden line mail clients show beside the subject. */
  preheader: string;
  title: string;
  blocks: MailBlock[];
  /** Small print under the card: why they get it, how to stop it. */
  footer: { text: string; link?: { label: string; url: string } }[];
}

const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const INK = '#1f2430';
const MUTED = '#5b6270';
const ACCENT = '#2f5bea';

function blockHtml(block: MailBlock): string {
  if ('paragraph' in block)
    // Long words (a link written out) break, so the mail never scrolls sideways on a phone.
    return `<p style="margin: 0 0 14px; color: ${block.muted ? MUTED : INK}; font-size: ${block.muted ? 13 : 15}px; line-height: 1.55; overflow-wrap: anywhere; word-break: break-word">${escapeHtml(block.paragraph)}</p>`;
  if ('heading' in block)
    return `<h2 style="margin: 22px 0 8px; font-size: 15px; color: ${INK}; text-transform: uppercase; letter-spacing: 0.04em">${escapeHtml(block.heading)}</h2>`;
  if ('rows' in block)
    return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse: collapse; margin: 0 0 14px">${block.rows
      .map(
        (r) =>
          `<tr><td style="padding: 6px 0; border-bottom: 1px solid #e6e8ee; font-size: 14px; color: ${INK}">${escapeHtml(r.label)}</td><td style="padding: 6px 0; border-bottom: 1px solid #e6e8ee; font-size: 14px; color: ${INK}; text-align: right; white-space: nowrap"><strong>${escapeHtml(r.value)}</strong>${r.note ? ` <span style="color: ${MUTED}">${escapeHtml(r.note)}</span>` : ''}</td></tr>`,
      )
      .join('')}</table>`;
  if ('items' in block) {
    if (block.items.length === 0)
      return `<p style="margin: 0 0 14px; color: ${MUTED}; font-size: 14px">${escapeHtml(block.empty ?? 'Nothing.')}</p>`;
    return `<ul style="margin: 0 0 14px; padding-left: 20px; font-size: 14px; line-height: 1.55; color: ${INK}">${block.items
      .map(
        (i) =>
          `<li style="margin: 0 0 6px; overflow-wrap: anywhere">${i.url ? `<a href="${escapeHtml(i.url)}" style="color: ${ACCENT}">${escapeHtml(i.text)}</a>` : escapeHtml(i.text)}</li>`,
      )
      .join('')}</ul>`;
  }
  return `<p style="margin: 20px 0"><a href="${escapeHtml(block.button.url)}" style="display: inline-block; padding: 11px 18px; background: ${ACCENT}; color: #ffffff; border-radius: 6px; font-weight: 600; font-size: 15px; text-decoration: none">${escapeHtml(block.button.label)}</a></p>`;
}

export function mailHtml(doc: MailDocument): string {
  const footer = doc.footer
    .map(
      (f) =>
        `<p style="margin: 0 0 6px">${escapeHtml(f.text)}${f.link ? ` <a href="${escapeHtml(f.link.url)}" style="color: ${MUTED}">${escapeHtml(f.link.label)}</a>` : ''}</p>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light"><title>${escapeHtml(doc.title)}</title></head>
<body style="margin: 0; padding: 0; background: #f3f4f7; font-family: ${FONT}">
<div style="display: none; max-height: 0; overflow: hidden">${escapeHtml(doc.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background: #f3f4f7"><tr><td align="center" style="padding: 24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width: 560px; background: #ffffff; border-radius: 10px; border: 1px solid #e6e8ee">
<tr><td style="padding: 18px 24px; border-bottom: 1px solid #e6e8ee; font-size: 14px; font-weight: 700; color: ${ACCENT}; letter-spacing: 0.02em">Linchpin</td></tr>
<tr><td style="padding: 22px 24px 10px">
<h1 style="margin: 0 0 14px; font-size: 21px; line-height: 1.3; color: ${INK}">${escapeHtml(doc.title)}</h1>
${doc.blocks.map(blockHtml).join('\n')}
</td></tr></table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width: 560px"><tr><td style="padding: 14px 24px; font-size: 12px; line-height: 1.5; color: ${MUTED}; overflow-wrap: anywhere; word-break: break-word">${footer}</td></tr></table>
</td></tr></table>
</body></html>`;
}

/** The same document as plain text: headings in capitals, lists with dashes, links in full. */
export function mailText(doc: MailDocument): string {
  const lines: string[] = [doc.title, ''];
  for (const block of doc.blocks) {
    if ('paragraph' in block) lines.push(block.paragraph, '');
    else if ('heading' in block) lines.push(block.heading.toUpperCase(), '');
    else if ('rows' in block)
      lines.push(...block.rows.map((r) => `  ${r.label}: ${r.value}${r.note ? ` ${r.note}` : ''}`), '');
    else if ('items' in block)
      lines.push(
        ...(block.items.length === 0
          ? [block.empty ?? 'Nothing.']
          : block.items.map((i) => `- ${i.text}${i.url ? `\n  ${i.url}` : ''}`)),
        '',
      );
    else lines.push(`${block.button.label}: ${block.button.url}`, '');
  }
  lines.push('--', ...doc.footer.map((f) => `${f.text}${f.link ? ` ${f.link.label}: ${f.link.url}` : ''}`));
  return lines.join('\n');
}
