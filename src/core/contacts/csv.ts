import { DELIMITERS, headerFields, prepareText, readRecords } from '../calendar/csv/table.ts';
import { Columns, keyOf, Row } from '../calendar/csv/values.ts';
import { AppError } from '../errors.ts';
import { type ContactFormat, type ContactItem, firstEmail, joinName } from './contact.ts';

type CsvContactFormat = Exclude<ContactFormat, 'vcard'>;

interface CsvSpec {
  /** What the export is, for the error that lists every format known. */
  name: string;
  /** Column keys (see keyOf) that tell this export from the others: all must be there. */
  signature: string[][];
  /** Column keys, the first one present is read. */
  first: string[];
  middle: string[];
  last: string[];
  full: string[];
  email: string[];
  company: string[];
  title: string[];
  department: string[];
}

const keys = (...labels: string[]) => labels.map(keyOf);

/** The CSV exports read, most specific first: detection takes the first whose signature fits. */
const SPECS: Record<CsvContactFormat, CsvSpec> = {
  google: {
    name: 'a Google Contacts CSV (First Name, Last Name, E-mail 1 - Value, Organization Name, Organization Title, …; or Given Name, Family Name, Organization 1 - Name, …)',
    signature: [keys('E-mail 1 - Value', 'Organization Name', 'Organization 1 - Name', 'Given Name')],
    first: keys('First Name', 'Given Name'),
    middle: keys('Middle Name', 'Additional Name'),
    last: keys('Last Name', 'Family Name'),
    full: keys('Name'),
    email: keys('E-mail 1 - Value', 'E-mail 2 - Value'),
    company: keys('Organization Name', 'Organization 1 - Name'),
    title: keys('Organization Title', 'Organization 1 - Title'),
    department: keys('Organization Department', 'Organization 1 - Department'),
  },
  outlook: {
    name: 'an Outlook contacts CSV (First Name, Middle Name, Last Name, Company, Department, Job Title, E-mail Address, …)',
    signature: [keys('E-mail Address', 'E-mail Display Name'), keys('Company', 'Job Title')],
    first: keys('First Name'),
    middle: keys('Middle Name'),
    last: keys('Last Name'),
    full: keys('Name', 'Full Name'),
    email: keys('E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'),
    company: keys('Company'),
    // "Title" in Outlook's export is the salutation (Mr., Dr.); the job is "Job Title".
    title: keys('Job Title'),
    department: keys('Department'),
  },
  salesforce: {
    name: 'a Salesforce contact report (First Name, Last Name, Title, Account Name, Email, …)',
    signature: [keys('Account Name', 'Account: Account Name'), keys('Email', 'Title', 'Last Name')],
    first: keys('First Name'),
    middle: keys('Middle Name'),
    last: keys('Last Name'),
    full: keys('Full Name', 'Contact Name', 'Name'),
    email: keys('Email'),
    company: keys('Account Name', 'Account: Account Name'),
    title: keys('Title'),
    department: keys('Department'),
  },
  hubspot: {
    name: 'a HubSpot contact export (Record ID, First Name, Last Name, Email, Company Name, Job Title, …)',
    signature: [keys('Record ID', 'Company Name', 'Associated Company'), keys('Email', 'First Name')],
    first: keys('First Name'),
    middle: keys('Middle Name'),
    last: keys('Last Name'),
    full: keys('Full Name', 'Name'),
    email: keys('Email', 'Work email'),
    company: keys('Company Name', 'Associated Company', 'Company'),
    title: keys('Job Title'),
    department: keys('Department'),
  },
};

/** Every contacts format known, as the unknown-header error lists them. */
export const KNOWN_CONTACT_FORMATS = [
  ...Object.values(SPECS).map((s) => s.name),
  'a vCard file (.vcf, 3.0 or 4.0)',
];

function detect(columns: Columns): CsvContactFormat | undefined {
  return (Object.keys(SPECS) as CsvContactFormat[]).find((format) =>
    SPECS[format].signature.every((alternatives) => alternatives.some((key) => columns.has(key))),
  );
}

function readHeader(body: string, hint?: string) {
  let widest: Columns | undefined;
  for (const delimiter of hint ? [hint] : DELIMITERS) {
    const columns = new Columns(headerFields(body, delimiter));
    const format = detect(columns);
    if (format) return { delimiter, format };
    if (!widest || columns.labels.length > widest.labels.length) widest = columns;
  }
  const labels = (widest?.labels ?? []).slice(0, 8).map((l) => l.trim());
  throw new AppError(
    'bad_request',
    `the contacts file's header is not one Linchpin knows; it reads ${KNOWN_CONTACT_FORMATS.join('; ')}. The first line has: ${labels.join(', ')}`,
  );
}

/** A contacts CSV: the export told from its header, one contact (or unreadable line) per row. */
export function parseContactsCsv(text: string): { format: CsvContactFormat; items: ContactItem[] } {
  const prepared = prepareText(text);
  const { delimiter, format } = readHeader(prepared.body, prepared.delimiter);
  const spec = SPECS[format];
  const [header, ...records] = readRecords(prepared.body, delimiter, 1 + prepared.skippedLines);
  if (!header || 'error' in header) {
    throw new AppError('bad_request', `the CSV header cannot be read: ${header?.error ?? 'it is empty'}`);
  }
  const columns = new Columns(header.cells);
  const items: ContactItem[] = [];
  for (const record of records) {
    if ('error' in record) {
      items.push({ problem: { line: record.line, reason: record.error } });
      continue;
    }
    if (record.cells.every((cell) => !cell.trim())) continue;
    // A Salesforce report ends in one-value lines: "Total", the copyright, "Generated By: …".
    if (format === 'salesforce' && record.cells.length === 1) continue;
    const row = new Row(record.line, record.cells, columns);
    const read = (candidates: string[]) => candidates.map((key) => row.text(key)).find(Boolean) ?? '';
    items.push({
      contact: {
        line: record.line,
        name: joinName(read(spec.first), read(spec.middle), read(spec.last)) || read(spec.full),
        email: firstEmail(read(spec.email)),
        company: read(spec.company),
        title: read(spec.title),
        department: read(spec.department),
      },
    });
  }
  return { format, items };
}
