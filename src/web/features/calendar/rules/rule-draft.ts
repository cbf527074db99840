import { domainsOf } from '../../../../core/accounts/domains.ts';
import type { FieldErrors } from '../../../api/client.ts';
import type {
  Account,
  ActivityKind,
  ReviewItem,
  Rule,
  RuleActions,
  RuleConditions,
  RuleInput,
} from '../../../api/types.ts';
import { formatDuration } from '../../../shared/format.ts';
import { KIND_LABELS, quadrantInfo, quadrantOf } from '../../../shared/quadrants.ts';

/** The account choice "leave it as it is"; `INTERNAL` sets no account. */
export const KEEP = '';
export const INTERNAL = '__internal__';

/** What the rule editor holds, as its inputs show it. */
export interface RuleDraft {
  name: string;
  enabled: boolean;
  titleWords: string;
  titleRegex: string;
  attendeeDomains: string;
  allAttendeesInternal: boolean;
  attendeeFromAccount: 'any' | 'yes' | 'no';
  organizer: string;
  location: string;
  minMinutes: string;
  maxMinutes: string;
  recurring: 'any' | 'yes' | 'no';
  setQuadrant: boolean;
  urgent: boolean;
  important: boolean;
  account: string;
  kind: ActivityKind | '';
  commercial: '' | 'yes' | 'no';
}

/** Errors keyed as the API names fields: `name`, `conditions.titleRegex`, `actions.accountId`… */
export type RuleErrors = FieldErrors;

export const emptyRuleDraft = (): RuleDraft => ({
  name: '',
  enabled: true,
  titleWords: '',
  titleRegex: '',
  attendeeDomains: '',
  allAttendeesInternal: false,
  attendeeFromAccount: 'any',
  organizer: '',
  location: '',
  minMinutes: '',
  maxMinutes: '',
  recurring: 'any',
  setQuadrant: true,
  urgent: false,
  important: true,
  account: KEEP,
  kind: '',
  commercial: '',
});

export function ruleDraftOf(rule: Rule): RuleDraft {
  const c = rule.conditions;
  const a = rule.actions;
  const setQuadrant = a.urgent !== undefined || a.important !== undefined;
  return {
    name: rule.name,
    enabled: rule.enabled,
    titleWords: (c.titleWords ?? []).join(', '),
    titleRegex: c.titleRegex ?? '',
    attendeeDomains: (c.attendeeDomains ?? []).join(', '),
    allAttendeesInternal: c.allAttendeesInternal ?? false,
    attendeeFromAccount: c.attendeeFromAccount === undefined ? 'any' : c.attendeeFromAccount ? 'yes' : 'no',
    organizer: c.organizer ?? '',
    location: c.location ?? '',
    minMinutes: c.minMinutes === undefined ? '' : String(c.minMinutes),
    maxMinutes: c.maxMinutes === undefined ? '' : String(c.maxMinutes),
    recurring: c.recurring === undefined ? 'any' : c.recurring ? 'yes' : 'no',
    setQuadrant,
    urgent: a.urgent ?? false,
    // A rule that sets no quadrant starts the editor on Q2 should the user turn it on.
    important: a.important ?? !setQuadrant,
    account: a.accountId === undefined ? KEEP : a.accountId === null ? INTERNAL : a.accountId,
    kind: a.kind ?? '',
    commercial: a.commercial === undefined ? '' : a.commercial ? 'yes' : 'no',
  };
}

const STOP_WORDS = new Set(
  'the and with for from about into your our their this that via call meeting meet re fw fwd aw wg sv tr invitation updated invite accepted'.split(
    ' ',
  ),
);

/** Up to three telling words of a title: no short words, numbers or filler. */
export function titleWordsOf(title: string): string[] {
  const words = title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !STOP_WORDS.has(w));
  return [...new Set(words)].slice(0, 3);
}

export const domainOf = (email: string | null | undefined) =>
  email?.includes('@') ? (email.split('@').pop() ?? '').toLowerCase() : '';

/** The email domains of the people from outside (not the user's own domain), most frequent first. */
export function externalDomains(item: Pick<ReviewItem, 'attendees'>, ownDomain: string): string[] {
  const counts = new Map<string, number>();
  for (const attendee of item.attendees) {
    const domain = domainOf(attendee.email);
    if (domain && domain !== ownDomain) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([domain]) => domain);
}

/** A rule for events like this one: its telling title words and its outside attendees' domains. */
export function ruleDraftFrom(item: ReviewItem, ownDomain: string): RuleDraft {
  const domains = externalDomains(item, ownDomain);
  const words = titleWordsOf(item.title);
  return {
    ...emptyRuleDraft(),
    name: `Like ‘${item.title.length > 40 ? `${item.title.slice(0, 40)}…` : item.title}’`,
    titleWords: words.join(', '),
    attendeeDomains: domains.join(', '),
    account: item.accountId ?? KEEP,
  };
}

const listOf = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

export function ruleInputOf(draft: RuleDraft): RuleInput & { conditions: RuleConditions } {
  const conditions: RuleConditions = {};
  const words = listOf(draft.titleWords);
  if (words.length) conditions.titleWords = words;
  if (draft.titleRegex.trim()) conditions.titleRegex = draft.titleRegex.trim();
  const domains = domainsOf(draft.attendeeDomains);
  if (domains.length) conditions.attendeeDomains = domains;
  if (draft.allAttendeesInternal) conditions.allAttendeesInternal = true;
  if (draft.attendeeFromAccount !== 'any')
    conditions.attendeeFromAccount = draft.attendeeFromAccount === 'yes';
  if (draft.organizer.trim()) conditions.organizer = draft.organizer.trim();
  if (draft.location.trim()) conditions.location = draft.location.trim();
  if (draft.minMinutes.trim()) conditions.minMinutes = Number(draft.minMinutes);
  if (draft.maxMinutes.trim()) conditions.maxMinutes = Number(draft.maxMinutes);
  if (draft.recurring !== 'any') conditions.recurring = draft.recurring === 'yes';

  const actions: RuleActions = {};
  if (draft.setQuadrant) {
    actions.urgent = draft.urgent;
    actions.important = draft.important;
  }
  if (draft.account === INTERNAL) actions.accountId = null;
  else if (draft.account !== KEEP) actions.accountId = draft.account;
  if (draft.kind) actions.kind = draft.kind;
  if (draft.commercial) actions.commercial = draft.commercial === 'yes';
  return { name: draft.name.trim(), enabled: draft.enabled, conditions, actions };
}

const minutesError = (text: string) => {
  if (!text.trim()) return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 1440 ? undefined : 'Whole minutes, 0 to 1440';
};

/** What the browser can check before sending; the server has the final word. */
export function checkRuleDraft(draft: RuleDraft): RuleErrors {
  const errors: RuleErrors = {};
  if (!draft.name.trim()) errors.name = 'Give the rule a name';
  if (draft.titleRegex.trim()) {
    try {
      new RegExp(draft.titleRegex.trim(), 'i');
    } catch {
      errors['conditions.titleRegex'] = 'Not a valid regular expression';
    }
  }
  const min = minutesError(draft.minMinutes);
  const max = minutesError(draft.maxMinutes);
  if (min) errors['conditions.minMinutes'] = min;
  if (max) errors['conditions.maxMinutes'] = max;
  if (!min && !max && draft.minMinutes.trim() && draft.maxMinutes.trim()) {
    if (Number(draft.minMinutes) > Number(draft.maxMinutes))
      errors['conditions.maxMinutes'] = 'At least the minimum';
  }
  const input = ruleInputOf(draft);
  if (Object.keys(input.actions).length === 0)
    errors.actions = 'Choose what the rule sets: a quadrant, an account, a kind or commercial';
  return errors;
}

/** Short phrases for the rule list: `title has “standup”`, `≤ 30 min`. */
export function describeConditions(c: RuleConditions): string[] {
  const parts: string[] = [];
  const quoted = (items: string[]) => items.map((w) => `“${w}”`).join(' or ');
  if (c.titleWords?.length) parts.push(`title has ${quoted(c.titleWords)}`);
  if (c.titleRegex) parts.push(`title matches /${c.titleRegex}/`);
  if (c.attendeeDomains?.length) parts.push(`attendees from ${c.attendeeDomains.join(', ')}`);
  if (c.allAttendeesInternal) parts.push('only internal attendees');
  if (c.attendeeFromAccount !== undefined)
    parts.push(
      c.attendeeFromAccount ? "someone from an account's domain" : "nobody from an account's domain",
    );
  if (c.organizer) parts.push(`organised by ${c.organizer}`);
  if (c.location) parts.push(`location has “${c.location}”`);
  if (c.minMinutes !== undefined && c.maxMinutes !== undefined)
    parts.push(`${formatDuration(c.minMinutes)}–${formatDuration(c.maxMinutes)}`);
  else if (c.minMinutes !== undefined) parts.push(`≥ ${formatDuration(c.minMinutes)}`);
  else if (c.maxMinutes !== undefined) parts.push(`≤ ${formatDuration(c.maxMinutes)}`);
  if (c.recurring !== undefined) parts.push(c.recurring ? 'recurring' : 'one-off');
  return parts;
}

export function describeActions(a: RuleActions, accounts: Account[] | undefined): string[] {
  const parts: string[] = [];
  if (a.accountId === null) parts.push('internal');
  else if (a.accountId) parts.push(accounts?.find((x) => x.id === a.accountId)?.name ?? 'an account');
  if (a.kind) parts.push(KIND_LABELS[a.kind]);
  if (a.commercial !== undefined) parts.push(a.commercial ? 'commercial' : 'relationship');
  return parts;
}

/** The quadrant a rule's actions set, if they set both flags (or one, with the other false). */
export function quadrantOfActions(a: RuleActions) {
  if (a.urgent === undefined && a.important === undefined) return null;
  return quadrantInfo(quadrantOf({ urgent: a.urgent ?? false, important: a.important ?? false }));
}
