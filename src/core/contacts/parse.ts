import { AppError } from '../errors.ts';
import type { ContactFormat, ContactItem } from './contact.ts';
import { KNOWN_CONTACT_FORMATS, parseContactsCsv } from './csv.ts';
import { parseVcards } from './vcard.ts';

/** Recognises a contacts file from its content (vCard or one of the CSV exports) and reads it. */
export function parseContacts(text: string): { format: ContactFormat; items: ContactItem[] } {
  const head = text
    .replace(/^\uFEFF/, '')
    .slice(0, 1024)
    .trimStart();
  if (/^BEGIN:VCARD/i.test(head)) return { format: 'vcard', items: parseVcards(text) };
  if (/^BEGIN:VCALENDAR/i.test(head)) {
    throw new AppError(
      'bad_request',
      'this is a calendar (.ics), not contacts: import it on the Import page',
    );
  }
  if (head.startsWith('<')) {
    throw new AppError(
      'bad_request',
      `this is a web page (HTML or XML), not contacts; Linchpin reads ${KNOWN_CONTACT_FORMATS.join('; ')}`,
    );
  }
  return parseContactsCsv(text);
}
