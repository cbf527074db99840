import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, type RuleActions, type RuleConditions } from '../../db/schema/index.ts';
import {
  type ClassifiableEvent,
  type ClassificationContext,
  classify,
  compileRules,
  foldText,
  type RuleLike,
  wordsOf,
} from './engine.ts';
import { regexProblem } from './regex.ts';
import { STARTER_RULES } from './starter.ts';

const event = (overrides: Partial<ClassifiableEvent> = {}): ClassifiableEvent => ({
  title: 'Weekly sync',
  minutes: 60,
  attendees: [],
  organizer: 'me@acme.com',
  location: null,
  recurring: false,
  ...overrides,
});

const people = (...emails: (string | null)[]) => emails.map((email) => ({ email }));

let ids = 0;
const rule = (conditions: RuleConditions, actions: RuleActions, id = `r${++ids}`): RuleLike => ({
  id,
  name: id,
  conditions,
  actions,
});

const Q1 = { urgent: true, important: true };
const Q2 = { urgent: false, important: true };

const context = (rules: RuleLike[], extra: Partial<ClassificationContext> = {}): ClassificationContext => ({
  rules,
  accounts: [],
  ownDomains: ['acme.com'],
  ...extra,
});

/** Whether a single rule with these conditions matches the event. */
const matches = (
  conditions: RuleConditions,
  e: ClassifiableEvent,
  extra: Partial<ClassificationContext> = {},
) => classify(e, context([rule(conditions, Q1)], extra)).classification === 'rule';

describe('text folding', () => {
  it('ignores case and accents and splits on anything but letters and digits', () => {
    expect(foldText('Réunion ÉQUIPE')).toBe('reunion equipe');
    expect(wordsOf('QBR: Northwind/Contoso — 2026-Q3 (prép)')).toEqual([
      'qbr',
      'northwind',
      'contoso',
      '2026',
      'q3',
      'prep',
    ]);
  });
});

describe('conditions', () => {
  it('titleWords: any word or phrase, whole words, ignoring case and accents', () => {
    const c = { titleWords: ['escalation', 'CRM update', 'réunion'] };
    expect(matches(c, event({ title: 'ESCALATION: billing' }))).toBe(true);
    expect(matches(c, event({ title: 'Escalations' }))).toBe(false); // whole words only
    expect(matches(c, event({ title: 'De-escalation plan' }))).toBe(true); // "de escalation plan"
    expect(matches(c, event({ title: 'Quick crm-update before lunch' }))).toBe(true);
    expect(matches(c, event({ title: 'CRM and update' }))).toBe(false);
    expect(matches(c, event({ title: 'Reunion equipe' }))).toBe(true);
    expect(matches({ titleWords: ['reunion'] }, event({ title: 'Réunion' }))).toBe(true);
    expect(matches(c, event({ title: 'Weekly sync' }))).toBe(false);
  });

  it('titleRegex: case-insensitive; an invalid or dangerous pattern never matches and never throws', () => {
    expect(matches({ titleRegex: '^(1:1|one on one)\\b' }, event({ title: '1:1 Ann / Bob' }))).toBe(true);
    expect(matches({ titleRegex: '^qbr' }, event({ title: 'QBR Northwind' }))).toBe(true);
    expect(matches({ titleRegex: '^qbr' }, event({ title: 'Prep QBR' }))).toBe(false);
    expect(matches({ titleRegex: '(unclosed' }, event({ title: '(unclosed' }))).toBe(false);
    const started = performance.now();
    expect(matches({ titleRegex: '(a+)+$' }, event({ title: `${'a'.repeat(40)}!` }))).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('attendeeDomains: anyone (attendee or organizer) in any of the domains, subdomains included', () => {
    const c = { attendeeDomains: ['northwind.com', 'contoso.com'] };
    expect(matches(c, event({ attendees: people('me@acme.com', 'Buyer@NorthWind.com') }))).toBe(true);
    expect(matches(c, event({ attendees: people('cio@eu.contoso.com') }))).toBe(true);
    expect(matches(c, event({ attendees: people('x@notnorthwind.com', null) }))).toBe(false);
    expect(matches(c, event({ organizer: 'pm@northwind.com' }))).toBe(true);
    expect(matches(c, event())).toBe(false);
  });

  it('allAttendeesInternal: everyone in the own domains, and not only the user', () => {
    const c = { allAttendeesInternal: true };
    expect(matches(c, event({ attendees: people('me@acme.com', 'bob@acme.com') }))).toBe(true);
    expect(matches(c, event({ attendees: people('bob@uk.acme.com') }))).toBe(true); // with the organizer
    expect(matches(c, event({ attendees: people('me@acme.com') }))).toBe(false); // just me
    expect(matches(c, event({ attendees: [] }))).toBe(false);
    expect(matches(c, event({ attendees: people('bob@acme.com', 'x@northwind.com') }))).toBe(false);
    expect(matches(c, event({ attendees: people('bob@acme.com') }), { ownDomains: [] })).toBe(false);
    expect(matches(c, event({ attendees: people('bob@acme.com', null) }))).toBe(true); // rooms ignored
    expect(matches({ allAttendeesInternal: false }, event({ attendees: people('x@northwind.com') }))).toBe(
      true,
    );
  });

  it("attendeeFromAccount: someone outside the own domains is in an account's domains", () => {
    const accounts = [{ id: 'nw', domains: ['northwind.com'] }];
    const c = { attendeeFromAccount: true };
    expect(matches(c, event({ attendees: people('buyer@eu.northwind.com') }), { accounts })).toBe(true);
    expect(matches(c, event({ attendees: people('buyer@contoso.com') }), { accounts })).toBe(false);
    expect(
      matches({ attendeeFromAccount: false }, event({ attendees: people('a@x.org') }), { accounts }),
    ).toBe(true);
    // The user's own company registered as an account does not make internal meetings customer ones.
    const self = [{ id: 'acme', domains: ['acme.com'] }];
    expect(matches(c, event({ attendees: people('bob@acme.com') }), { accounts: self })).toBe(false);
  });

  it('organizer: an exact email or a domain', () => {
    expect(matches({ organizer: 'boss@acme.com' }, event({ organizer: 'Boss@Acme.com' }))).toBe(true);
    expect(matches({ organizer: 'boss@acme.com' }, event({ organizer: 'me@acme.com' }))).toBe(false);
    expect(matches({ organizer: 'northwind.com' }, event({ organizer: 'pm@it.northwind.com' }))).toBe(true);
    expect(matches({ organizer: 'northwind.com' }, event({ organizer: null }))).toBe(false);
  });

  it('location: a substring, ignoring case and accents', () => {
    expect(matches({ location: 'zoom' }, event({ location: 'https://zoom.us/j/123' }))).toBe(true);
    expect(matches({ location: 'Salle' }, event({ location: 'Bâtiment A, salle 3' }))).toBe(true);
    expect(matches({ location: 'batiment' }, event({ location: 'Bâtiment A' }))).toBe(true);
    expect(matches({ location: 'zoom' }, event({ location: null }))).toBe(false);
  });

  it('minMinutes and maxMinutes are inclusive; recurring must equal', () => {
    expect(matches({ minMinutes: 60 }, event({ minutes: 60 }))).toBe(true);
    expect(matches({ minMinutes: 61 }, event({ minutes: 60 }))).toBe(false);
    expect(matches({ maxMinutes: 15, minMinutes: 15 }, event({ minutes: 15 }))).toBe(true);
    expect(matches({ maxMinutes: 14 }, event({ minutes: 15 }))).toBe(false);
    expect(matches({ recurring: true }, event({ recurring: true }))).toBe(true);
    expect(matches({ recurring: false }, event({ recurring: true }))).toBe(false);
  });

  it('all given conditions must hold', () => {
    const c = { titleWords: ['sync'], recurring: true, maxMinutes: 30 };
    expect(matches(c, event({ title: 'Team sync', recurring: true, minutes: 30 }))).toBe(true);
    expect(matches(c, event({ title: 'Team sync', recurring: true, minutes: 45 }))).toBe(false);
    expect(matches(c, event({ title: 'Team sync', recurring: false, minutes: 30 }))).toBe(false);
  });
});

describe('rule order', () => {
  it('the first matching rule that sets a field wins, field by field', () => {
    const escalation = rule({ titleWords: ['escalation'] }, Q1, 'escalation');
    const customer = rule(
      { attendeeDomains: ['northwind.com'] },
      { ...Q2, kind: 'customer_meeting' },
      'cust',
    );
    const all = rule({}, { urgent: false, important: false, kind: 'other', commercial: true }, 'all');
    const ctx = context([escalation, customer, all]);
    expect(classify(event({ title: 'Escalation', attendees: people('b@northwind.com') }), ctx)).toEqual({
      accountId: null,
      urgent: true,
      important: true,
      kind: 'customer_meeting',
      commercial: true,
      classification: 'rule',
      ruleId: 'escalation',
    });
    expect(classify(event({ title: 'QBR', attendees: people('b@northwind.com') }), ctx)).toMatchObject({
      ...Q2,
      kind: 'customer_meeting',
      ruleId: 'cust',
    });
    expect(classify(event({ title: 'Lunch' }), ctx)).toMatchObject({
      urgent: false,
      important: false,
      ruleId: 'all',
    });
  });

  it('is unclassified unless rules decide both urgent and important, keeping what is known', () => {
    const urgentOnly = rule({ titleWords: ['asap'] }, { urgent: true, kind: 'admin_reporting' }, 'u');
    const importantOnly = rule({ titleWords: ['legacy'] }, { important: true }, 'i');
    const ctx = context([urgentOnly, importantOnly]);
    expect(classify(event({ title: 'Fill in ASAP' }), ctx)).toEqual({
      accountId: null,
      urgent: false,
      important: false,
      kind: 'admin_reporting',
      commercial: false,
      classification: 'unclassified',
      ruleId: null,
    });
    // Two rules together decide the quadrant: the one that completed it is named.
    expect(classify(event({ title: 'ASAP legacy review' }), ctx)).toMatchObject({
      ...Q1,
      classification: 'rule',
      ruleId: 'i',
    });
  });

  it('defaults to kind other, not commercial, no account', () => {
    expect(classify(event(), context([]))).toEqual({
      accountId: null,
      urgent: false,
      important: false,
      kind: 'other',
      commercial: false,
      classification: 'unclassified',
      ruleId: null,
    });
  });

  it('explains which fields were decided', () => {
    const classifier = compileRules(context([rule({}, { kind: 'travel' })]));
    expect(classifier.decide(event()).decided).toEqual({
      accountId: false,
      urgent: false,
      important: false,
      kind: true,
      commercial: false,
    });
  });
});

describe('accounts', () => {
  const accounts = [
    { id: 'nw', domains: ['northwind.com'] },
    { id: 'ct', domains: ['contoso.com', 'contoso.de'] },
    { id: 'ct-eu', domains: ['eu.contoso.com'] },
  ];

  it('fall back to the account whose domains match the most people from outside', () => {
    const ctx = context([], { accounts });
    const e = event({ attendees: people('me@acme.com', 'a@northwind.com', 'b@contoso.com', 'c@contoso.de') });
    expect(classify(e, ctx)).toMatchObject({ accountId: 'ct', classification: 'unclassified' });
    expect(classify(event({ attendees: people('a@eu.contoso.com') }), ctx).accountId).toBe('ct-eu');
    expect(classify(event({ attendees: people('a@sales.contoso.com') }), ctx).accountId).toBe('ct');
    expect(classify(event({ attendees: people('bob@acme.com') }), ctx).accountId).toBeNull();
  });

  it('break ties by attendee order', () => {
    const ctx = context([], { accounts });
    const e = event({
      attendees: people('a@northwind.com', 'b@contoso.com', 'c@contoso.com', 'd@northwind.com'),
    });
    expect(classify(e, ctx).accountId).toBe('nw');
    const f = event({ attendees: people('b@contoso.com', 'a@northwind.com') });
    expect(classify(f, ctx).accountId).toBe('ct');
  });

  it('a rule setting the account wins over the domains; null means no account; unknown ids are ignored', () => {
    const e = event({ title: 'Partner call', attendees: people('a@northwind.com') });
    expect(classify(e, context([rule({}, { accountId: 'ct' })], { accounts })).accountId).toBe('ct');
    expect(classify(e, context([rule({}, { accountId: null })], { accounts })).accountId).toBeNull();
    expect(classify(e, context([rule({}, { accountId: 'deleted' })], { accounts })).accountId).toBe('nw');
  });
});

describe('regex guard', () => {
  it('refuses invalid, too long and catastrophic patterns, and accepts ordinary ones', () => {
    expect(regexProblem('(unclosed')).toMatch(/not a valid regular expression/);
    expect(regexProblem('a'.repeat(201))).toMatch(/at most 200/);
    for (const bad of [
      '(a+)+$',
      '(a|aa)*x',
      '(?:\\w+\\s?)*$',
      '(x+x+)+y',
      '(a*){2,}',
      '.*.*.*x',
      '(.*a){1,30}',
    ]) {
      expect(regexProblem(bad), bad).not.toBeNull();
    }
    for (const ok of [
      '^qbr\\b',
      '^(1:1|one on one)',
      'call with .* about',
      '\\d{1,2}:\\d{2}',
      '[(+*]+ urgent',
      '(ab)+c',
      '(?<name>x)\\k<name>',
      '\\p{L}{2}',
      'a{2}b?',
    ]) {
      expect(regexProblem(ok), ok).toBeNull();
    }
  });
});

describe('the starter rules', () => {
  const ctx = context(
    STARTER_RULES.map((r, i) => ({ id: `s${i}`, ...r })),
    { accounts: [{ id: 'nw', domains: ['northwind.com'] }] },
  );
  const quadrant = (e: ClassifiableEvent) => {
    const r = classify(e, ctx);
    return r.classification === 'unclassified' ? null : `${r.urgent ? 'U' : '-'}${r.important ? 'I' : '-'}`;
  };

  it('classify what a Customer Manager would expect', () => {
    expect(quadrant(event({ title: 'Escalation: invoices', attendees: people('a@northwind.com') }))).toBe(
      'UI',
    );
    expect(
      classify(event({ title: 'Outage review', attendees: people('a@northwind.com') }), ctx),
    ).toMatchObject({
      kind: 'customer_meeting',
      accountId: 'nw',
    });
    expect(quadrant(event({ title: 'QBR', attendees: people('a@northwind.com', 'me@acme.com') }))).toBe('-I');
    expect(quadrant(event({ title: 'Team sync', attendees: people('me@acme.com', 'bob@acme.com') }))).toBe(
      'U-',
    );
    expect(quadrant(event({ title: 'Expenses' }))).toBe('--');
    expect(quadrant(event({ title: 'Forecast call', attendees: people('boss@acme.com') }))).toBe('--');
    expect(quadrant(event({ title: 'Account plan Northwind' }))).toBe('-I');
    expect(classify(event({ title: 'Flight AMS-LHR' }), ctx)).toMatchObject({
      kind: 'travel',
      classification: 'unclassified',
    });
    expect(quadrant(event({ title: 'Lunch and learn' }))).toBeNull();
  });
});

describe('properties', () => {
  const emails = fc.option(
    fc.tuple(
      fc.constantFrom('a', 'b', 'me'),
      fc.constantFrom('acme.com', 'northwind.com', 'x.org', 'eu.acme.com'),
    ),
    { nil: null },
  );
  const arbEvent = fc.record({
    title: fc.string({ maxLength: 60 }),
    minutes: fc.integer({ min: 1, max: 1440 }),
    attendees: fc.array(
      emails.map((e) => ({ email: e ? `${e[0]}@${e[1]}` : null })),
      { maxLength: 6 },
    ),
    organizer: emails.map((e) => (e ? `${e[0]}@${e[1]}` : null)),
    location: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
    recurring: fc.boolean(),
  });
  const arbConditions: fc.Arbitrary<RuleConditions> = fc.record(
    {
      titleWords: fc.array(fc.constantFrom('sync', 'qbr', 'réunion', 'crm update', 'a'), { minLength: 1 }),
      titleRegex: fc.constantFrom('^a', 'b$', '(unclosed', '(a+)+$', 'x|y'),
      attendeeDomains: fc.array(fc.constantFrom('acme.com', 'northwind.com'), { minLength: 1 }),
      allAttendeesInternal: fc.boolean(),
      attendeeFromAccount: fc.boolean(),
      organizer: fc.constantFrom('me@acme.com', 'northwind.com'),
      location: fc.constantFrom('room', 'zoom'),
      minMinutes: fc.integer({ min: 0, max: 1440 }),
      maxMinutes: fc.integer({ min: 0, max: 1440 }),
      recurring: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const arbActions: fc.Arbitrary<RuleActions> = fc.record(
    {
      accountId: fc.constantFrom('nw', null, 'gone'),
      urgent: fc.boolean(),
      important: fc.boolean(),
      kind: fc.constantFrom(...ACTIVITY_KINDS),
      commercial: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const arbRules = fc.array(fc.tuple(arbConditions, arbActions), { maxLength: 6 });
  const build = (rules: [RuleConditions, RuleActions][]) =>
    context(
      rules.map(([c, a], i) => rule(c, a, `p${i}`)),
      { accounts: [{ id: 'nw', domains: ['northwind.com'] }] },
    );

  it('classify is deterministic, total, and always yields booleans and a known kind', () => {
    fc.assert(
      fc.property(arbEvent, arbRules, (e, rules) => {
        const first = classify(e, build(rules));
        expect(classify(e, build(rules))).toEqual(first);
        expect(typeof first.urgent).toBe('boolean');
        expect(typeof first.important).toBe('boolean');
        expect(typeof first.commercial).toBe('boolean');
        expect(ACTIVITY_KINDS).toContain(first.kind);
        if (first.classification === 'unclassified') {
          expect([first.urgent, first.important, first.ruleId]).toEqual([false, false, null]);
        } else {
          expect(rules.map((_, i) => `p${i}`)).toContain(first.ruleId);
        }
        expect([null, 'nw']).toContain(first.accountId);
      }),
    );
  });

  it('a rule without conditions matches every event, and first wins over whatever follows', () => {
    fc.assert(
      fc.property(
        arbEvent,
        arbActions,
        arbRules,
        fc.boolean(),
        fc.boolean(),
        (e, a, rest, urgent, important) => {
          const catchAll = rule({}, { ...a, urgent, important }, 'catch-all');
          const ctx = build(rest);
          const result = classify(e, { ...ctx, rules: [catchAll, ...ctx.rules] });
          expect(result).toMatchObject({ urgent, important, classification: 'rule', ruleId: 'catch-all' });
          if (a.kind) expect(result.kind).toBe(a.kind);
          if (a.commercial !== undefined) expect(result.commercial).toBe(a.commercial);
          if (a.accountId !== undefined && a.accountId !== 'gone') expect(result.accountId).toBe(a.accountId);
        },
      ),
    );
  });
});
