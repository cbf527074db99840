/** Customer email domains, as typed by people: pure, so the web checks exactly what the API checks. */

// Two or more labels of letters, digits and inner hyphens; the last one starts with a letter.
export const HOSTNAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Domains typed as a list ("a.com, b.com", one per line) or pasted as e-mail addresses, without repeats. */
export const domainsOf = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((d) => d.trim().replace(/^.*@/, '').toLowerCase())
      .filter(Boolean),
  ),
];

/** The entries of a typed list that are not domain names. */
export const notDomains = (text: string): string[] => domainsOf(text).filter((d) => !HOSTNAME.test(d));
