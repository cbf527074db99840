import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../calendar/source.ts';
import type { ImportedContact } from './contact.ts';
import { parseContacts } from './parse.ts';

const read = (name: string) => decodeSource(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));

function contactsOf(name: string) {
  const { format, items } = parseContacts(read(name));
  return { format, contacts: items.map((item) => ('contact' in item ? item.contact : item)) };
}

const person = (contact: Partial<ImportedContact>) => expect.objectContaining(contact);

describe('contacts files as the tools write them', () => {
  it('reads a Google Contacts CSV: quoted newlines, several e-mails in one cell, non-ASCII names', () => {
    const { format, contacts } = contactsOf('google.csv');
    expect(format).toBe('google');
    expect(contacts).toEqual([
      person({ line: 2, name: 'Jürgen Müller', email: 'j.mueller@northwind.example', company: 'Northwind' }),
      // Jürgen's address spans three lines, so Zoë starts on line 5.
      person({ line: 5, name: 'Zoë Lefèvre', title: 'Chief Financial Officer' }),
      person({ line: 7, name: 'Kenji Tanaka', company: 'Contoso', title: 'Buyer' }),
      person({ line: 8, name: 'Sam Unknown', company: 'Globex Corporation' }),
    ]);
  });

  it("reads Google's older CSV (Given Name, Organization 1 - Name) and CRLF line ends", () => {
    const { format, contacts } = contactsOf('google-legacy.csv');
    expect(format).toBe('google');
    expect(contacts[1]).toEqual(
      person({ line: 3, name: 'Björn Åkesson', company: 'Northwind', title: 'Procurement Specialist' }),
    );
    expect(contacts[0]).toEqual(person({ department: 'Information Technology', title: 'Director of IT' }));
  });

  it('reads an Outlook CSV in Windows-1252, its job title (not the salutation) and department', () => {
    const { format, contacts } = contactsOf('outlook.csv');
    expect(format).toBe('outlook');
    expect(contacts).toEqual([
      person({ line: 2, name: 'Pierre Dubois', title: 'Directeur des achats', department: 'Achats' }),
      person({ line: 4, name: 'Renée Côté', email: 'renee.cote@contoso.example', company: 'Contoso' }),
      person({ line: 5, name: 'Carl Nobody', company: '' }),
    ]);
  });

  it('reads a HubSpot export, also re-saved by a German Excel (BOM, semicolons, blank row)', () => {
    expect(contactsOf('hubspot.csv')).toMatchObject({
      format: 'hubspot',
      contacts: [
        { name: 'Priya Raman', title: 'VP, Supply Chain' },
        { name: 'Omar Haddad' },
        {},
        { name: '' },
      ],
    });
    const excel = contactsOf('hubspot-excel-de.csv');
    expect(excel.format).toBe('hubspot');
    expect(excel.contacts).toEqual([
      person({ line: 2, name: 'Grete Schröder', title: 'Leiterin Einkauf', company: 'Northwind' }),
      person({ line: 3, name: 'Hans-Peter Weiß', title: 'Geschäftsführer; Vertrieb' }),
    ]);
  });

  it("reads a Salesforce contact report and leaves out the report's footer", () => {
    const { format, contacts } = contactsOf('salesforce-report.csv');
    expect(format).toBe('salesforce');
    expect(contacts.map((c) => 'name' in c && c.name)).toEqual(['Maria García', "Tom O'Brien", 'Ed Gone']);
    expect(contacts[0]).toEqual(person({ company: 'Northwind', email: 'maria.garcia@northwind.example' }));
  });

  it('reads vCard 3.0 (Apple: folded lines, the preferred e-mail, ORG with department)', () => {
    const { format, contacts } = contactsOf('apple-3.0.vcf');
    expect(format).toBe('vcard');
    expect(contacts).toEqual([
      {
        line: 1,
        name: 'Dr. Jürgen Müller',
        email: 'j.mueller@northwind.example',
        company: 'Northwind',
        title: 'Head of Category Management',
        department: 'Einkauf',
      },
      person({ line: 18, name: 'Priya Raman', company: 'Contoso' }),
      person({ line: 27, name: 'Nora Solo', company: '' }),
    ]);
  });

  it('reads vCard 4.0 (PREF=1, LF line ends, Japanese names)', () => {
    expect(contactsOf('nextcloud-4.0.vcf').contacts).toEqual([
      person({ line: 1, name: 'Zoë Lefèvre', email: 'zoe.lefevre@northwind.example' }),
      person({
        line: 13,
        name: '田中 健二',
        company: 'Contoso',
        department: '購買部',
        title: 'Senior Buyer',
      }),
    ]);
  });

  it("reads Outlook's vCard 2.1: quoted-printable with soft line breaks, bare parameters", () => {
    expect(contactsOf('outlook-2.1.vcf').contacts).toEqual([
      {
        line: 1,
        name: 'Hans-Peter Weiß',
        email: 'hp.weiss@northwind.example',
        company: 'Northwind',
        title: 'Geschäftsführer und Leiter des gesamten Vertriebs in Europa und Asien',
        department: 'Vertrieb',
      },
    ]);
  });
});

describe('files that are not contacts', () => {
  it('names every format known when the header is none of them', () => {
    const error = (() => {
      try {
        parseContacts('Vorname;Nachname;Firma\nAnn;Lee;Northwind\n');
      } catch (thrown) {
        return thrown as Error;
      }
    })();
    for (const format of ['Salesforce', 'HubSpot', 'Outlook', 'Google', 'vCard'])
      expect(error?.message).toContain(format);
    expect(error?.message).toMatch(/The first line has: Vorname, Nachname, Firma$/);
  });

  it('reports a card it cannot read, or one without its end, at the line it starts', () => {
    const { items } = parseContacts(
      'BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN B\nEND:VCARD\nBEGIN:VCARD\nFN:C\n',
    );
    expect(items).toEqual([
      { contact: expect.objectContaining({ name: 'A' }) },
      { problem: { line: 4, reason: expect.stringMatching(/cannot be read/) } },
      { problem: { line: 7, reason: 'the card has no END:VCARD' } },
    ]);
  });
});

describe('robustness', () => {
  const text = fc.string({
    unit: fc.constantFrom('a', 'Ü', '田', ' ', ',', ';', '"', '\n', '\r', ':', '=', '\\'),
  });

  it('any CSV body under a known header yields contacts or line-numbered problems, never a crash', () => {
    fc.assert(
      fc.property(text, (body) => {
        const { items } = parseContacts(`First Name,Last Name,Email,Account Name,Title\n${body}`);
        for (const item of items) {
          const line = 'contact' in item ? item.contact.line : item.problem.line;
          expect(line).toBeGreaterThanOrEqual(2);
        }
      }),
    );
  });

  it('a vCard of any values keeps its names and companies as written', () => {
    // Not a backslash: a name with one is not real, and a vCard writer escapes it ambiguously.
    const value = fc.string({
      unit: fc.constantFrom('a', 'Ü', '田', ' ', ',', ';', ':'),
      minLength: 1,
    });
    const escaped = (s: string) => s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;');
    const fold = (line: string) => line.replace(/(.{30})/gu, '$1\r\n ');
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 5 }), (people) => {
        const file = people
          .map(([name, company]) =>
            [
              'BEGIN:VCARD',
              'VERSION:4.0',
              fold(`FN:${escaped(name)}`),
              `ORG:${escaped(company)}`,
              'END:VCARD',
            ].join('\r\n'),
          )
          .join('\r\n');
        const { items } = parseContacts(file);
        expect(items.map((item) => 'contact' in item && [item.contact.name, item.contact.company])).toEqual(
          people.map(([name, company]) => [name.trim(), company.trim()]),
        );
      }),
    );
  });
});
