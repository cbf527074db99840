/**
 * What a handover document may load: nothing from anywhere (styles inline, images only as data:),
 * no script, no base URL, no form. Sent as a header with the HTML download, written into the
 * document (a downloaded file opened from disk has no headers) and added to what Chromium prints.
 */
export const OFFLINE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const META = `<meta http-equiv="Content-Security-Policy" content="${OFFLINE_POLICY}">`;

/** The document with the policy as the first thing in its head (policies only add up: none can loosen it). */
export function withOfflinePolicy(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return `${META}\n${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}${META}${html.slice(at)}`;
}
