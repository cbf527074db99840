import ICAL from 'ical.js';
import { type ContactItem, firstEmail, joinName } from './contact.ts';

type JCardProperty = [string, Record<string, string | string[]>, string, ...unknown[]];

const BEGIN = /^BEGIN:VCARD\s*$/i;
const END = /^END:VCARD\s*$/i;

/** Decodes a QUOTED-PRINTABLE value (vCard 2.1 and Outlook's 3.0) in the charset it names. */
function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '=' ? value.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      for (const byte of new TextEncoder().encode(value[i])) bytes.push(byte);
    }
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

const isQuotedPrintable = (line: string) => /^[^:]*;ENCODING=QUOTED-PRINTABLE[;:]/i.test(line);

/**
 * A card's lines as ical.js reads them: quoted-printable soft line breaks ("=" at the end) joined,
 * and vCard 2.1's bare parameters ("EMAIL;PREF;INTERNET:") written as TYPE=, which 3.0 and 4.0 use.
 */
function normalise(lines: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? '';
    while (isQuotedPrintable(line) && line.endsWith('=') && i + 1 < lines.length) {
      line = line.slice(0, -1) + (lines[++i] ?? '');
    }
    const colon = line.indexOf(':');
    if (colon > 0 && !/^\s/.test(line)) {
      const [name, ...params] = line.slice(0, colon).split(';');
      const typed = params.map((p) => (p.includes('=') ? p : `TYPE=${p}`));
      line = [name, ...typed].join(';') + line.slice(colon);
    }
    out.push(line);
  }
  return `${out.join('\r\n')}\r\n`;
}

/** The property's value as text: structured values (N, ORG) as their parts, QP decoded. */
function valuesOf(card: ICAL.Component, name: string): string[] {
  const property = card.getFirstProperty(name);
  if (!property) return [];
  const raw = property.getValues().flat() as unknown[];
  const encoding = property.getParameter('encoding');
  const charset = property.getParameter('charset');
  return raw.map((value) => {
    // ical.js unescapes "\," but leaves "\;" in single values such as FN.
    const text = (typeof value === 'string' ? value : String(value ?? '')).replace(/\\;/g, ';');
    return String(encoding).toLowerCase() === 'quoted-printable'
      ? decodeQuotedPrintable(text, typeof charset === 'string' ? charset : undefined)
      : text;
  });
}

/** The preferred e-mail: PREF=1 (4.0) or TYPE=pref (3.0), else the first. */
function emailOf(card: ICAL.Component): string {
  const emails = card.getAllProperties('email');
  const preferred = emails.find((p) => {
    const json = p.toJSON() as JCardProperty;
    const types = ([] as string[]).concat(json[1].type ?? []).map((t) => t.toLowerCase());
    return json[1].pref === '1' || types.includes('pref');
  });
  const value = (preferred ?? emails[0])?.getFirstValue();
  return firstEmail(typeof value === 'string' ? value.replace(/^mailto:/i, '') : '');
}

function contactOf(jcard: unknown, line: number): ContactItem {
  const card = new ICAL.Component(jcard as unknown[]);
  const [family = '', given = '', additional = ''] = valuesOf(card, 'n');
  const [company = '', department = ''] = valuesOf(card, 'org');
  return {
    contact: {
      line,
      name: valuesOf(card, 'fn')[0]?.trim() || joinName(given, additional, family),
      email: emailOf(card),
      company: company.trim(),
      title: (valuesOf(card, 'title')[0] ?? '').trim(),
      department: department.trim(),
    },
  };
}

/**
 * A .vcf file: every BEGIN:VCARD … END:VCARD card, each read by ical.js on its own (a card it cannot
 * read is a problem at its first line, the others go on). Folded lines are ical.js's to unfold.
 */
export function parseVcards(text: string): ContactItem[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const items: ContactItem[] = [];
  let card: { start: number; lines: string[] } | undefined;
  lines.forEach((line, i) => {
    if (BEGIN.test(line)) {
      if (card) items.push({ problem: { line: card.start, reason: 'the card has no END:VCARD' } });
      card = { start: i + 1, lines: [line] };
      return;
    }
    if (!card) {
      if (line.trim())
        items.push({ problem: { line: i + 1, reason: 'is outside any BEGIN:VCARD … END:VCARD card' } });
      return;
    }
    card.lines.push(line);
    if (!END.test(line)) return;
    try {
      const parsed = ICAL.parse(normalise(card.lines));
      items.push(contactOf(parsed, card.start));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      items.push({ problem: { line: card.start, reason: `the card cannot be read: ${reason}` } });
    }
    card = undefined;
  });
  if (card) items.push({ problem: { line: card.start, reason: 'the card has no END:VCARD' } });
  return items;
}
