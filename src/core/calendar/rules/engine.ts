import type { ActivityKind, RuleActions, RuleConditions } from '../../db/schema/index.ts';
import { compileTitleRegex, MAX_REGEX_SUBJECT } from './regex.ts';

/** What the classifier looks at in an imported event. Emails may be in any case. */
export interface ClassifiableEvent {
  title: string;
  minutes: number;
  attendees: { email: string | null }[];
  organizer: string | null;
  location: string | null;
  recurring: boolean;
}

/** A rule as the engine needs it (a row of `rules`, or a draft being previewed). */
export interface RuleLike {
  id: string;
  name: string;
  conditions: RuleConditions;
  actions: RuleActions;
}

export interface ClassificationContext {
  /** The enabled rules, in order. */
  rules: RuleLike[];
  /** The workspace's accounts and their customers' email domains (lower case). */
  accounts: { id: string; domains: string[] }[];
  /** The user's own email domain(s), lower case, e.g. ['acme.com']. */
  ownDomains: string[];
}

export interface ClassificationResult {
  accountId: string | null;
  urgent: boolean;
  important: boolean;
  kind: ActivityKind;
  commercial: boolean;
  classification: 'rule' | 'unclassified';
  ruleId: string | null;
}

/** A result together with which fields something decided (the rest are defaults). */
export interface Decision extends ClassificationResult {
  decided: { accountId: boolean; urgent: boolean; important: boolean; kind: boolean; commercial: boolean };
}

export type Classifier = (event: ClassifiableEvent) => ClassificationResult;

/** An event with what several conditions need worked out once, on first use. */
interface Prepared {
  event: ClassifiableEvent;
  words?: string[];
  /** The normalised words joined by single spaces, with a space at both ends (for phrases). */
  phrase?: string;
  people?: Person[];
  location?: string | null;
}

interface Person {
  email: string;
  domain: string;
  internal: boolean;
  /** The account the domain belongs to (the most specific registered domain), if any. */
  accounts: number[] | undefined;
}

type Test = (event: Prepared) => boolean;

interface CompiledRule {
  id: string;
  tests: Test[];
  actions: RuleActions;
  /** The rule sets an account that is not (or no longer) one of the workspace's: it is ignored. */
  accountKnown: boolean;
}

const NON_ASCII = /[^\x20-\x7e]/;
const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_WORD = /[a-z0-9]+/g;
const MARKS = /\p{M}+/gu;

/** Lower case without accents: "Réunion Équipe" → "reunion equipe". */
export function foldText(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(MARKS, '').toLowerCase() : text.toLowerCase();
}

/** The words (letters and digits) of a text, folded. */
export function wordsOf(text: string): string[] {
  if (NON_ASCII.test(text)) return text.normalize('NFD').replace(MARKS, '').toLowerCase().match(WORD) ?? [];
  return text.toLowerCase().match(ASCII_WORD) ?? [];
}

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return (at < 0 ? email : email.slice(at + 1)).trim().toLowerCase();
}

/** Whether `domain` is one of `domains` or a subdomain of one (eu.customer.com is in customer.com). */
function inDomains(domain: string, domains: ReadonlySet<string>): boolean {
  if (domains.size === 0 || domain === '') return false;
  let d = domain;
  for (;;) {
    if (domains.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}

/** The value for the most specific of `domain` and its parent domains in `map`. */
function lookupDomain<T>(domain: string, map: ReadonlyMap<string, T>): T | undefined {
  if (map.size === 0 || domain === '') return undefined;
  let d = domain;
  for (;;) {
    const found = map.get(d);
    if (found !== undefined) return found;
    const dot = d.indexOf('.');
    if (dot < 0) return undefined;
    d = d.slice(dot + 1);
  }
}

function words(event: Prepared): string[] {
  event.words ??= wordsOf(event.event.title);
  return event.words;
}

function phrase(event: Prepared): string {
  event.phrase ??= ` ${words(event).join(' ')} `;
  return event.phrase;
}

function foldedLocation(event: Prepared): string | null {
  if (event.location === undefined) {
    event.location = event.event.location === null ? null : foldText(event.event.location);
  }
  return event.location;
}

/**
 * Compiles a rule set once (regexes, word sets, domain sets) into a classifier; the import calls
 * this once and classifies each event with the function it returns.
 *
 * Semantics:
 * - Rules apply in order, like mail filters: a rule matches when every condition it gives holds
 *   (a rule without conditions matches every event), and for each field (account, urgent,
 *   important, kind, commercial) the first matching rule that sets it wins. Later rules may still
 *   set fields earlier ones left open.
 * - "People" are the attendees with an email plus the organizer (once each); attendees without an
 *   email (rooms, some resources) are ignored. Email domains match their subdomains too
 *   (eu.customer.com is in customer.com).
 * - Conditions: `titleWords` any of the words or phrases, as whole words, ignoring case and
 *   accents; `titleRegex` case-insensitive (a pattern that is invalid or could take too long never
 *   matches — saving refuses it); `attendeeDomains` someone is in one of the domains;
 *   `allAttendeesInternal` everyone is in `ownDomains` and there are at least two people (the user
 *   and someone else); `attendeeFromAccount` someone outside `ownDomains` is in an account's
 *   domains (false: nobody is); `organizer` an email (exact) or a domain; `location` a substring,
 *   ignoring case and accents; `minMinutes`/`maxMinutes` inclusive; `recurring` equal.
 * - The account, when no rule sets it (`accountId: null` counts as set: "no account"), falls back
 *   to the accounts' email domains: the account with the most people outside `ownDomains`; on a
 *   tie, the one whose first such person comes first (attendee order, organizer last). The most
 *   specific registered domain decides a person's account. A rule naming an account that is not in
 *   `accounts` does not set it.
 * - `classification` is 'rule' only when rules decided both urgent and important; `ruleId` is then
 *   the rule that completed the quadrant (the later of the two when two rules decided it).
 *   Otherwise it is 'unclassified' with urgent and important false and ruleId null, but with the
 *   account, kind and commercial flag that are known: it waits in the review inbox.
 * - Defaults: no account, kind 'other', commercial false.
 */
export function compileRules(context: ClassificationContext): Classifier & {
  /** The result and which fields were decided (not defaulted). */
  decide(event: ClassifiableEvent): Decision;
  /** Whether the rule with this id (one of the context's) matches the event. */
  matches(ruleId: string, event: ClassifiableEvent): boolean;
} {
  const ownDomains = new Set(context.ownDomains.map((d) => d.trim().toLowerCase()).filter(Boolean));
  const accountIds = context.accounts.map((a) => a.id);
  const knownAccounts = new Set(accountIds);
  const accountsByDomain = new Map<string, number[]>();
  context.accounts.forEach((account, index) => {
    for (const raw of account.domains) {
      const domain = raw.trim().toLowerCase();
      if (!domain) continue;
      const list = accountsByDomain.get(domain);
      if (!list) accountsByDomain.set(domain, [index]);
      else if (!list.includes(index)) list.push(index);
    }
  });

  const people = (event: Prepared): Person[] => {
    if (event.people) return event.people;
    const list: Person[] = [];
    const seen = new Set<string>();
    const add = (raw: string | null) => {
      if (!raw) return;
      const email = raw.trim().toLowerCase();
      if (!email || seen.has(email)) return;
      seen.add(email);
      const domain = domainOf(email);
      const internal = inDomains(domain, ownDomains);
      list.push({
        email,
        domain,
        internal,
        accounts: internal ? undefined : lookupDomain(domain, accountsByDomain),
      });
    };
    for (const attendee of event.event.attendees) add(attendee.email);
    add(event.event.organizer);
    event.people = list;
    return list;
  };

  const compileConditions = (conditions: RuleConditions): Test[] => {
    const tests: Test[] = [];
    const c = conditions ?? {};
    if (c.titleWords && c.titleWords.length > 0) {
      const single = new Set<string>();
      const phrases: string[] = [];
      for (const entry of c.titleWords) {
        const parts = wordsOf(entry);
        if (parts.length === 1) single.add(parts[0] as string);
        else if (parts.length > 1) phrases.push(` ${parts.join(' ')} `);
      }
      tests.push((event) => {
        if (single.size > 0) for (const word of words(event)) if (single.has(word)) return true;
        if (phrases.length > 0) {
          const text = phrase(event);
          for (const p of phrases) if (text.includes(p)) return true;
        }
        return false;
      });
    }
    if (c.titleRegex !== undefined) {
      const regex = compileTitleRegex(c.titleRegex);
      if (!regex) return [() => false];
      tests.push(({ event }) =>
        regex.test(
          event.title.length > MAX_REGEX_SUBJECT ? event.title.slice(0, MAX_REGEX_SUBJECT) : event.title,
        ),
      );
    }
    if (c.attendeeDomains && c.attendeeDomains.length > 0) {
      const domains = new Set(c.attendeeDomains.map((d) => domainOf(d)).filter(Boolean));
      tests.push((event) => people(event).some((p) => inDomains(p.domain, domains)));
    }
    if (c.allAttendeesInternal !== undefined) {
      const wanted = c.allAttendeesInternal;
      tests.push((event) => {
        const list = people(event);
        return (list.length >= 2 && list.every((p) => p.internal)) === wanted;
      });
    }
    if (c.attendeeFromAccount !== undefined) {
      const wanted = c.attendeeFromAccount;
      tests.push((event) => people(event).some((p) => p.accounts !== undefined) === wanted);
    }
    if (c.organizer !== undefined) {
      const organizer = c.organizer.trim().toLowerCase();
      if (organizer.includes('@')) {
        tests.push(
          ({ event }) => event.organizer !== null && event.organizer.trim().toLowerCase() === organizer,
        );
      } else {
        const domains = new Set([organizer]);
        tests.push(({ event }) => event.organizer !== null && inDomains(domainOf(event.organizer), domains));
      }
    }
    if (c.location !== undefined) {
      const needle = foldText(c.location.trim());
      tests.push((event) => foldedLocation(event)?.includes(needle) === true);
    }
    if (c.minMinutes !== undefined) {
      const min = c.minMinutes;
      tests.push(({ event }) => event.minutes >= min);
    }
    if (c.maxMinutes !== undefined) {
      const max = c.maxMinutes;
      tests.push(({ event }) => event.minutes <= max);
    }
    if (c.recurring !== undefined) {
      const wanted = c.recurring;
      tests.push(({ event }) => event.recurring === wanted);
    }
    return tests;
  };

  const compiled: CompiledRule[] = context.rules.map((rule) => {
    const actions = rule.actions ?? {};
    return {
      id: rule.id,
      tests: compileConditions(rule.conditions),
      actions,
      accountKnown: typeof actions.accountId !== 'string' || knownAccounts.has(actions.accountId),
    };
  });
  const byId = new Map(compiled.map((rule) => [rule.id, rule]));

  const matchesRule = (rule: CompiledRule, event: Prepared): boolean => {
    for (const test of rule.tests) if (!test(event)) return false;
    return true;
  };

  const fallbackAccount = (event: Prepared): string | null => {
    if (accountsByDomain.size === 0) return null;
    // Per account: how many people, and the position of its first one.
    const counts = new Map<number, { count: number; first: number }>();
    people(event).forEach((person, position) => {
      if (!person.accounts) return;
      for (const index of person.accounts) {
        const entry = counts.get(index);
        if (entry) entry.count++;
        else counts.set(index, { count: 1, first: position });
      }
    });
    let best = -1;
    let bestCount = 0;
    let bestFirst = Number.POSITIVE_INFINITY;
    for (const [index, { count, first }] of counts) {
      if (
        count > bestCount ||
        (count === bestCount && (first < bestFirst || (first === bestFirst && index < best)))
      ) {
        best = index;
        bestCount = count;
        bestFirst = first;
      }
    }
    return best < 0 ? null : (accountIds[best] ?? null);
  };

  function run(event: ClassifiableEvent, detailed: true): Decision;
  function run(event: ClassifiableEvent, detailed: false): ClassificationResult;
  function run(event: ClassifiableEvent, detailed: boolean): ClassificationResult | Decision {
    const prepared: Prepared = { event };
    let accountId: string | null | undefined;
    let urgent: boolean | undefined;
    let important: boolean | undefined;
    let kind: ActivityKind | undefined;
    let commercial: boolean | undefined;
    let quadrantRule: string | null = null;
    for (const rule of compiled) {
      const a = rule.actions;
      const useful =
        (accountId === undefined && a.accountId !== undefined && rule.accountKnown) ||
        (urgent === undefined && a.urgent !== undefined) ||
        (important === undefined && a.important !== undefined) ||
        (kind === undefined && a.kind !== undefined) ||
        (commercial === undefined && a.commercial !== undefined);
      if (!useful || !matchesRule(rule, prepared)) continue;
      if (accountId === undefined && a.accountId !== undefined && rule.accountKnown) accountId = a.accountId;
      if (kind === undefined && a.kind !== undefined) kind = a.kind;
      if (commercial === undefined && a.commercial !== undefined) commercial = a.commercial;
      const quadrantOpen = urgent === undefined || important === undefined;
      if (urgent === undefined && a.urgent !== undefined) urgent = a.urgent;
      if (important === undefined && a.important !== undefined) important = a.important;
      if (quadrantOpen && urgent !== undefined && important !== undefined) quadrantRule = rule.id;
      if (
        accountId !== undefined &&
        urgent !== undefined &&
        important !== undefined &&
        kind !== undefined &&
        commercial !== undefined
      ) {
        break;
      }
    }
    const fallback = accountId === undefined ? fallbackAccount(prepared) : null;
    const byRules = urgent !== undefined && important !== undefined;
    const result: ClassificationResult = {
      accountId: accountId ?? fallback,
      urgent: byRules ? urgent === true : false,
      important: byRules ? important === true : false,
      kind: kind ?? 'other',
      commercial: commercial ?? false,
      classification: byRules ? 'rule' : 'unclassified',
      ruleId: byRules ? quadrantRule : null,
    };
    if (!detailed) return result;
    return {
      ...result,
      decided: {
        accountId: accountId !== undefined || fallback !== null,
        urgent: urgent !== undefined,
        important: important !== undefined,
        kind: kind !== undefined,
        commercial: commercial !== undefined,
      },
    };
  }

  const classifier = (event: ClassifiableEvent): ClassificationResult => run(event, false);
  return Object.assign(classifier, {
    decide: (event: ClassifiableEvent): Decision => run(event, true),
    matches(ruleId: string, event: ClassifiableEvent): boolean {
      const rule = byId.get(ruleId);
      return rule !== undefined && matchesRule(rule, { event });
    },
  });
}

const cache = new WeakMap<ClassificationContext, Classifier>();

/**
 * Classifies one event (see `compileRules` for the semantics). The context is compiled once per
 * context object and reused, so do not change a context after classifying with it; for many events
 * call `compileRules` once instead.
 */
export function classify(event: ClassifiableEvent, context: ClassificationContext): ClassificationResult {
  let classifier = cache.get(context);
  if (!classifier) {
    classifier = compileRules(context);
    cache.set(context, classifier);
  }
  return classifier(event);
}
