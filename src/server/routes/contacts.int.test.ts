import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { apiClient, buildAccount, buildStakeholder, jsonOf, type TestUser } from '../../../test/factories.ts';

const { core, app, ann, colleague, outsider, close } = await testWorld({
  people: { ann: {}, colleague: {} },
});
afterAll(close);

const fixture = (name: string) =>
  readFileSync(new URL(`../../core/contacts/fixtures/${name}`, import.meta.url));

/** Sends a contacts file as the body (or a multipart form), as the CLI and the web do. */
async function importContacts(
  user: TestUser,
  body: string | Uint8Array | FormData,
  query: Record<string, string> = {},
  contentType = 'text/csv',
) {
  const headers: Record<string, string> = { authorization: `Bearer ${user.token}` };
  if (!(body instanceof FormData)) headers['content-type'] = contentType;
  const response = await app.request(`/api/imports/contacts?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers,
    body: body as BodyInit,
  });
  return jsonOf(response);
}

/** Northwind and Contoso with their domains, owned by ann, in a workspace of their own per test. */
async function customers() {
  const suffix = Math.random().toString(36).slice(2, 8);
  const northwind = (await buildAccount(core, { owner: ann, name: `Northwind ${suffix}` })).account;
  const contoso = (await buildAccount(core, { owner: ann, name: `Contoso ${suffix}` })).account;
  return { northwind, contoso, suffix };
}

const stakeholdersOf = async (accountId: string) =>
  (await apiClient(app, ann.token).get(`/accounts/${accountId}/stakeholders`)).body.items;

/** A file of the tool's shape whose company names carry the test's suffix. */
const renamed = (name: string, suffix: string) =>
  fixture(name)
    .toString('utf8')
    .replace(/\bNorthwind\b/g, `Northwind ${suffix}`)
    .replace(/\bContoso\b/g, `Contoso ${suffix}`);

describe('importing contacts', () => {
  it('previews without writing, imports in one go, and a second import changes nothing', async () => {
    const { northwind, contoso, suffix } = await customers();
    const file = renamed('google.csv', suffix);
    const preview = await importContacts(ann, file, { dryRun: 'true' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      format: 'google',
      dryRun: true,
      added: 3,
      updated: 0,
      unchanged: 0,
    });
    expect(preview.body.skipped).toEqual([
      { line: 8, reason: 'no account named Globex Corporation — create it or pass an account' },
    ]);
    expect(preview.body.unknownCompanies).toEqual(['Globex Corporation']);
    const juergen = preview.body.rows.find((r: any) => r.name === 'Jürgen Müller');
    expect(juergen).toMatchObject({
      action: 'added',
      account: { id: northwind.id },
      level: 'senior',
      function: 'procurement',
      buyingOffice: true,
      email: 'j.mueller@northwind.example',
    });
    expect(await stakeholdersOf(northwind.id)).toEqual([]);

    const done = await importContacts(ann, file);
    expect(done.body).toMatchObject({ dryRun: false, added: 3, updated: 0, unchanged: 0 });
    const people = await stakeholdersOf(northwind.id);
    expect(people.map((p: any) => [p.name, p.level, p.function, p.owners.map((o: any) => o.id)])).toEqual([
      ['Jürgen Müller', 'senior', 'procurement', [ann.me.id]],
      ['Zoë Lefèvre', 'executive', 'finance', [ann.me.id]],
    ]);
    expect((await stakeholdersOf(contoso.id)).map((p: any) => p.name)).toEqual(['Kenji Tanaka']);

    const again = await importContacts(ann, file);
    expect(again.body).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(await stakeholdersOf(northwind.id)).toHaveLength(2);
  });

  it('fills only empty fields of someone already there and never overwrites what was typed', async () => {
    const { northwind, suffix } = await customers();
    const { stakeholder } = await buildStakeholder(core, {
      on: { account: northwind, owner: ann },
      name: 'Jürgen  MÜLLER',
      level: 'executive',
      function: 'other',
    });
    const zoe = await apiClient(app, ann.token).post(`/accounts/${northwind.id}/stakeholders`, {
      name: 'Zoë L.',
      title: 'Finance boss',
      email: 'zoe.lefevre@northwind.example',
    });
    const result = await importContacts(ann, renamed('google.csv', suffix), { accountId: northwind.id });
    expect(result.body).toMatchObject({ added: 2, updated: 1, unchanged: 1 });
    const byLine = (line: number) => result.body.rows.find((r: any) => r.line === line);
    expect(byLine(2)).toMatchObject({ action: 'updated', stakeholderId: stakeholder.id, level: 'executive' });
    expect(byLine(2).reason).toMatch(/fills the empty title and e-mail/);
    expect(byLine(5)).toMatchObject({ action: 'unchanged', stakeholderId: zoe.body.id });
    const people = await stakeholdersOf(northwind.id);
    const juergen = people.find((p: any) => p.id === stakeholder.id);
    expect(juergen).toMatchObject({
      name: 'Jürgen  MÜLLER',
      title: 'Head of Category Management',
      email: 'j.mueller@northwind.example',
      level: 'executive',
      function: 'other',
    });
    expect(people.find((p: any) => p.id === zoe.body.id)).toMatchObject({
      name: 'Zoë L.',
      title: 'Finance boss',
    });
    // With the account given, Contoso's and Globex's people land on Northwind too.
    expect(people.map((p: any) => p.name).sort()).toEqual([
      'Jürgen  MÜLLER',
      'Kenji Tanaka',
      'Sam Unknown',
      'Zoë L.',
    ]);
  });

  it('matches by e-mail domain and takes the corrections made in the preview', async () => {
    const { northwind } = await customers();
    await apiClient(app, ann.token).patch(`/accounts/${northwind.id}`, { domains: ['northwind.example'] });
    // The vCard says "Northwind", not the account's full name: the domain finds it.
    const form = new FormData();
    form.set('file', new Blob([fixture('apple-3.0.vcf')]), 'contacts.vcf');
    form.set(
      'choices',
      JSON.stringify([{ line: 1, level: 'executive', function: 'executive', buyingOffice: false }]),
    );
    const result = await importContacts(ann, form);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ format: 'vcard', added: 1 });
    expect(result.body.skipped.map((s: any) => s.line)).toEqual([18, 27]);
    expect(result.body.skipped[1].reason).toMatch(
      /no company, and no account has the e-mail domain freelance.example/,
    );
    const [juergen] = await stakeholdersOf(northwind.id);
    expect(juergen).toMatchObject({
      name: 'Dr. Jürgen Müller',
      level: 'executive',
      function: 'executive',
      buyingOffice: false,
    });
  });

  it('keeps to roles and workspaces: another workspace’s account is not found, a read-only one refused', async () => {
    const { northwind, suffix } = await customers();
    const foreign = (await buildAccount(core, { owner: outsider })).account;
    const file = renamed('salesforce-report.csv', suffix);
    const notFound = await importContacts(ann, file, { accountId: foreign.id });
    expect(notFound.status).toBe(404);
    const refused = await importContacts(colleague, file, { accountId: northwind.id });
    expect(refused.status).toBe(403);
    // Matched by name, an account the colleague may only read is skipped with the reason.
    const matched = await importContacts(colleague, file, { dryRun: 'true' });
    expect(matched.status).toBe(200);
    expect(matched.body.skipped[0]).toEqual({
      line: 2,
      reason: `only the owner, the team or a leader of Northwind ${suffix} can add stakeholders to it`,
    });
    expect(await stakeholdersOf(northwind.id)).toEqual([]);
  });

  it('refuses files it cannot read, naming the line, and writes nothing', async () => {
    const { northwind } = await customers();
    const broken =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN Bob\r\nEND:VCARD\r\n';
    const bad = await importContacts(ann, broken, { accountId: northwind.id }, 'text/vcard');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/line 5: the card cannot be read/);
    expect(bad.body.error.fields).toHaveProperty(['line 5']);
    const unclosed = await importContacts(
      ann,
      'First Name,Last Name,Email,Account Name\nAnn,Lee,"ann@x.example,Northwind\n',
      {
        accountId: northwind.id,
      },
    );
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.error.message).toMatch(/line 2: a quoted value is not closed/);
    // Quoted-printable "=00" decodes to a NUL, which no database keeps: refused on its line, not a 500.
    const nul = await importContacts(
      ann,
      'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Ann=00Lee\r\nEND:VCARD\r\n',
      { accountId: northwind.id },
      'text/vcard',
    );
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toMatch(/line 1: holds a NUL character/);
    expect(await stakeholdersOf(northwind.id)).toEqual([]);

    const unknown = await importContacts(ann, 'Vorname,Nachname,Firma\nAnn,Lee,Northwind\n');
    expect(unknown.status).toBe(400);
    for (const format of ['Salesforce', 'HubSpot', 'Outlook', 'Google', 'vCard']) {
      expect(unknown.body.error.message).toContain(format);
    }
    const calendar = await importContacts(ann, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', {}, 'text/plain');
    expect(calendar.body.error.message).toMatch(/calendar/);
    const pdf = await importContacts(ann, '%PDF-1.4', {}, 'application/pdf');
    expect(pdf.status).toBe(415);
    const huge = await importContacts(ann, new Uint8Array(50 * 1024 * 1024 + 1).fill(65), {}, 'text/csv');
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/50 MB/);
    const choices = new FormData();
    choices.set('file', new Blob([fixture('hubspot.csv')]));
    choices.set('choices', '[{"line":2,"level":"boss"}]');
    expect((await importContacts(ann, choices)).status).toBe(400);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await apiClient(app).get('/openapi.json');
    expect(doc.body.paths['/imports/contacts'].post.responses['200']).toBeDefined();
  });
});
