import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainsOf, notDomains } from './domains.ts';
import { domainSchema } from './schemas.ts';

describe('typed domain lists', () => {
  it('reads commas, spaces, semicolons and pasted e-mail addresses, without repeats', () => {
    expect(domainsOf('Northwind.com, ops@northwind.com; contoso.co.uk\n fabrikam.io')).toEqual([
      'northwind.com',
      'contoso.co.uk',
      'fabrikam.io',
    ]);
  });

  it('names the entries that are not domains', () => {
    expect(notDomains('northwind.com, localhost, bad_domain.com, 1.2.3.4')).toEqual([
      'localhost',
      'bad_domain.com',
      '1.2.3.4',
    ]);
  });

  it('the form refuses exactly what the API refuses', () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    const candidate = fc.oneof(
      fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.')),
      fc.domain(),
      fc.string({ maxLength: 30 }).filter((s) => !/[\s,;@]/.test(s)),
    );
    fc.assert(
      fc.property(candidate, (text) => {
        for (const domain of domainsOf(text)) {
          expect(notDomains(domain).length === 0).toBe(domainSchema.safeParse(domain).success);
        }
      }),
    );
  });
});
