/** One person read from a contacts file, before it is matched to an account and a stakeholder. */
export interface ImportedContact {
  /** 1-based line where the row (or BEGIN:VCARD) starts. */
  line: number;
  name: string;
  email: string;
  company: string;
  title: string;
  department: string;
}

/** A row or card that cannot be read at all; the whole import stops on these. */
export interface ContactProblem {
  line: number;
  reason: string;
}

export type ContactItem = { contact: ImportedContact } | { problem: ContactProblem };

/** The files contacts come from. */
export const CONTACT_FORMATS = ['salesforce', 'hubspot', 'outlook', 'google', 'vcard'] as const;
export type ContactFormat = (typeof CONTACT_FORMATS)[number];

/** First, middle and last name as one name, without doubled spaces. */
export const joinName = (...parts: string[]): string =>
  parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(' ');

/** The first address of a cell that may hold several ("a@x.com ::: b@y.com" in Google's export). */
export const firstEmail = (text: string): string => text.split(/\s*(?::::|[;,])\s*/)[0]?.trim() ?? '';
