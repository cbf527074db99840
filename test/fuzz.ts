import {
  JSON_TYPES,
  type JsonSchema,
  type JsonType,
  mainType,
  type Operation,
  type Param,
  setIn,
  singular,
  typesOf,
  validValue,
} from './fuzz-schema.ts';
import { kindOfField, kindOfPathParam, type Resources } from './fuzz-world.ts';

// The API fuzz suite's request generator (src/server/fuzz.int.test.ts runs it): for every operation of
// the app's own OpenAPI document (test/fuzz-schema.ts reads it), a fixed list of malformed requests
// derived from the operation's schemas: what each request is, and what the API must answer to it. No
// randomness beyond a seeded generator, so every run sends the same requests.

/**
 * What the API must answer, beyond "never a 5xx, and every 4xx in the error shape":
 * `ok` a 2xx; `unauthenticated` 401; `notFound` 404; `refused` any 4xx; `any` no more than that;
 * `{ invalid: field }` 400 whose `fields` name the field (or, with null, a 400 naming none).
 */
export type Expectation =
  | 'ok'
  | 'unauthenticated'
  | 'notFound'
  | 'refused'
  | 'any'
  | { invalid: string | null };

export interface FuzzCase {
  /** What was malformed, e.g. `body.title: number` or `path.id: another workspace's`. */
  label: string;
  method: string;
  /** Under /api, with its query. */
  url: string;
  /** The bearer token; none for an anonymous request. */
  token?: string;
  contentType?: string;
  body?: string;
  expect: Expectation;
}

/** The ids one side of the fuzz suite holds: its own workspace's, and another workspace's. */
export interface FuzzIds {
  own: Resources;
  foreign: Resources;
}

const WRONG: Record<JsonType, unknown> = {
  string: 'fuzz',
  number: 12.5,
  boolean: true,
  array: ['fuzz'],
  object: { fuzz: 1 },
  null: null,
};
const HUGE_STRING = 'x'.repeat(100_000);
const HUGE_ARRAY = 10_000;
const DEPTH = 1000;

/** mulberry32: a small seeded generator, so "random" ids are the same on every run. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (random: () => number, length: number) =>
  Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
const uuidOf = (random: () => number) =>
  `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`;

/** A field's malformed values, and what each must answer (a 400 naming the field where it is wrong). */
function fieldMutations(schema: JsonSchema, name: string, ids: FuzzIds): [string, unknown, Expectation][] {
  const types = typesOf(schema);
  if (!types) return [];
  const field = { invalid: name };
  const out: [string, unknown, Expectation][] = JSON_TYPES.filter((type) => !types.has(type)).map((type) => [
    type,
    WRONG[type],
    field,
  ]);
  const type = mainType(schema);
  if (types.has('string') && !schema.enum) {
    out.push(['NUL', 'a\u0000b', field], ['lone surrogate', 'a\ud800b', field]);
    out.push([
      '100k chars',
      HUGE_STRING,
      (schema.maxLength ?? Infinity) < HUGE_STRING.length ? field : 'any',
    ]);
    const short = (schema.minLength ?? 0) > 0 ? field : 'any';
    out.push(['empty', '', short], ['unbalanced bracket', '(fuzz[', 'any']);
    if (schema.format === 'date' || /At$|^(from|to|day)$/.test(name))
      out.push(['far date', '99999-12-31', 'any'], ['impossible date', '2026-02-30T25:61', 'any']);
  }
  if (type === 'integer' || type === 'number') {
    const over = (value: number) => ((schema.maximum ?? Infinity) < value ? field : 'any');
    out.push(['2^31', 2 ** 31, over(2 ** 31)], ['1e300', 1e300, over(1e300)]);
    out.push(['-1e300', -1e300, (schema.minimum ?? -Infinity) > -1e300 ? field : 'any']);
    out.push(['-1', -1, (schema.minimum ?? -Infinity) > -1 ? field : 'any']);
    if (type === 'integer') out.push(['fraction', 1.5, field]);
  }
  if (type === 'array') {
    const item = validValue(schema.items ?? {}, singular(name), ids.own);
    const huge = Array.from({ length: HUGE_ARRAY }, () => item);
    out.push(['10k items', huge, (schema.maxItems ?? Infinity) < HUGE_ARRAY ? field : 'any']);
  }
  const kind = kindOfField(name);
  if (kind && types.has('string')) out.push(["another workspace's id", ids.foreign[kind], 'refused']);
  return out;
}

/** Every field of a body schema (top level, nested objects, an array's first item), with its path. */
function fieldsOf(schema: JsonSchema, path: string[] = []): { path: string[]; schema: JsonSchema }[] {
  if (path.length > 3) return [];
  const type = mainType(schema);
  if (type === 'object')
    return Object.entries(schema.properties ?? {}).flatMap(([key, child]) => [
      { path: [...path, key], schema: child },
      ...fieldsOf(child, [...path, key]),
    ]);
  if (type === 'array' && schema.items && mainType(schema.items) === 'object')
    return fieldsOf(schema.items, [...path, '0']);
  return [];
}

function bodyCases(schema: JsonSchema, method: string, ids: FuzzIds): Omit<FuzzCase, 'method' | 'url'>[] {
  const base = validValue(schema, 'body', ids.own) as Record<string, unknown>;
  const json = (value: unknown) => JSON.stringify(value);
  const deepArray = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
  const firstKey = Object.keys(schema.properties ?? {})[0];
  const required = schema.required ?? [];
  const cases: Omit<FuzzCase, 'method' | 'url'>[] = [
    {
      label: 'body {}',
      body: '{}',
      expect: required[0] ? { invalid: required[0] } : method === 'PATCH' ? 'ok' : 'any',
    },
    { label: 'body not JSON', body: '{"fuzz":', expect: { invalid: null } },
    { label: 'body empty', body: '', expect: 'refused' },
    { label: 'body null', body: 'null', expect: { invalid: null } },
    { label: 'body array', body: '[]', expect: { invalid: null } },
    { label: 'body nested 1000 deep', body: deepArray, expect: { invalid: null } },
    { label: 'body as text/plain', body: json(base), contentType: 'text/plain', expect: 'refused' },
  ];
  if (firstKey) {
    const deep = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;
    const rest = json(setIn(base, [firstKey], undefined)).slice(1);
    const takesObject = typesOf(schema.properties?.[firstKey] ?? {})?.has('object') ?? true;
    cases.push({
      label: `body.${firstKey}: nested 1000 deep`,
      body: `{${json(firstKey)}:${deep}${rest === '}' ? '}' : `,${rest}`}`,
      expect: takesObject ? 'any' : { invalid: firstKey },
    });
  }
  // Every media type the routes read as JSON is checked for text the database refuses.
  const text = Object.entries(schema.properties ?? {}).find(([, child]) => typesOf(child)?.has('string'));
  if (text)
    for (const contentType of ['APPLICATION/JSON; charset=UTF-8', 'application/merge-patch+json'])
      cases.push({
        label: `body.${text[0]}: NUL as ${contentType}`,
        body: json(setIn(base, [text[0]], 'a\u0000b')),
        contentType,
        expect: { invalid: text[0] },
      });
  for (const field of fieldsOf(schema)) {
    const name = field.path.join('.');
    const leaf = field.path[field.path.length - 1] as string;
    for (const [label, value, expect] of fieldMutations(field.schema, leaf, ids)) {
      const reported = typeof expect === 'object' ? { invalid: name } : expect;
      cases.push({
        label: `body.${name}: ${label}`,
        body: json(setIn(base, field.path, value)),
        expect: reported,
      });
    }
  }
  for (const key of required)
    cases.push({
      label: `body.${key}: missing`,
      body: json(setIn(base, [key], undefined)),
      expect: { invalid: key },
    });
  return cases.map((c) => ({ contentType: 'application/json', ...c }));
}

/** A query parameter's malformed values (query values are strings: wrong means outside its schema). */
function queryMutations(param: Param): [string, string, Expectation][] {
  const { schema, name } = param;
  const field = { invalid: name };
  const out: [string, string, Expectation][] = [
    ['NUL', 'a\u0000b', field],
    ['100k chars', HUGE_STRING, (schema.maxLength ?? Infinity) < HUGE_STRING.length ? field : 'any'],
  ];
  const type = mainType(schema);
  if (type === 'integer' || type === 'number')
    out.push(['not a number', 'fuzz', field], ['huge number', '1e300', schema.maximum ? field : 'any']);
  if (type === 'integer') out.push(['fraction', '1.5', field]);
  if (schema.enum || schema.pattern || schema.format === 'date')
    out.push(['outside its schema', 'fuzz!', field]);
  if (type === 'string' && !schema.enum && !schema.pattern)
    out.push(['far date', '99999-12-31T00:00', 'any'], ['impossible date', '2026-02-30T25:61', 'any']);
  return out;
}

function pathValue(op: Operation, param: Param, ids: Resources): string {
  const kind = kindOfPathParam(op.path, param.name);
  if (kind) return ids[kind];
  return String(validValue(param.schema, param.name, ids));
}

/** The operation's path with the given workspace's ids in it, e.g. `/rocks/<a rock of theirs>`. */
export const urlOf = (op: Operation, ids: Resources) =>
  op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const param = op.params.find((p) => p.name === name);
    return param ? pathValue(op, param, ids) : name;
  });

/** The requests one operation gets, as the signed-in `token` (an owner) unless a case says otherwise. */
export function casesOf(op: Operation, ids: FuzzIds, token: string, random: () => number): FuzzCase[] {
  // A DELETE keeps the suite's own things: its malformed requests name another workspace's.
  const pathIds = op.method === 'DELETE' ? ids.foreign : ids.own;
  const values = Object.fromEntries(op.params.map((p) => [p.name, pathValue(op, p, pathIds)]));
  const link = (params: Record<string, string>, query = baseQuery(op, ids.own)) =>
    `${op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '')}${query ? `?${query}` : ''}`;
  // Every case is this valid request with one thing malformed.
  const baseline = {
    token,
    ...(op.json
      ? { contentType: 'application/json', body: JSON.stringify(validValue(op.json, 'body', ids.own)) }
      : {}),
  };
  const cases: FuzzCase[] = [];
  const add = (c: Omit<FuzzCase, 'method' | 'url'>, url = link(values)) =>
    cases.push({ ...baseline, ...c, method: op.method, url });

  // The valid request itself, where sending it changes nothing: it reads (2xx, unless it needs a secret).
  // A secret in the path, or the data folder's backup key in a header: a made-up one is refused.
  const needsSecret = op.params.some((p) => /token|code/i.test(p.name)) || op.path === '/system/backup';
  if (op.method === 'GET') add({ label: 'valid', expect: needsSecret ? 'refused' : 'ok' });
  if (!op.public) {
    add({ label: 'no auth', token: undefined, expect: 'unauthenticated' });
    add({ label: 'unknown token', token: `lp_${hex(random, 40)}`, expect: 'unauthenticated' });
  }
  for (const param of op.params) {
    const at = (value: string) => link({ ...values, [param.name]: value });
    const field = { invalid: param.name };
    const kind = kindOfPathParam(op.path, param.name);
    if (kind)
      add({ label: `path.${param.name}: another workspace's`, expect: 'notFound' }, at(ids.foreign[kind]));
    const idLike = kind || /token|code/i.test(param.name);
    if (idLike) {
      const expect = kind ? 'notFound' : 'refused';
      add({ label: `path.${param.name}: random uuid`, expect }, at(uuidOf(random)));
      add({ label: `path.${param.name}: random text`, expect }, at(`fuzz${hex(random, 20)}`));
    }
    add({ label: `path.${param.name}: NUL`, expect: { invalid: 'path' } }, at('a%00b'));
    add({ label: `path.${param.name}: lone surrogate`, expect: 'refused' }, at('a%ED%A0%80b'));
    if (param.schema.maxLength && param.schema.maxLength < 1000)
      add(
        { label: `path.${param.name}: too long`, expect: field },
        at('x'.repeat(param.schema.maxLength + 1)),
      );
    if (param.schema.pattern || param.schema.enum)
      add({ label: `path.${param.name}: outside its schema`, expect: field }, at('fuzz'));
  }
  for (const param of op.query) {
    for (const [label, value, expect] of queryMutations(param)) {
      const query = new URLSearchParams(baseQuery(op, ids.own));
      query.set(param.name, value);
      add({ label: `query.${param.name}: ${label}`, expect }, link(values, query.toString()));
    }
    const twice = new URLSearchParams(baseQuery(op, ids.own));
    twice.append(param.name, 'fuzz');
    twice.append(param.name, 'fuzz');
    add({ label: `query.${param.name}: twice`, expect: 'any' }, link(values, twice.toString()));
  }
  if (op.json) for (const c of bodyCases(op.json, op.method, ids)) add(c);
  for (const type of op.files.slice(0, 1)) {
    add({
      label: 'file: garbage',
      contentType: type,
      body: '\u0001\u0002 not a calendar \u0000',
      expect: 'any',
    });
    add({ label: 'file: empty', contentType: type, body: '', expect: 'any' });
    add({ label: 'file: as JSON', contentType: 'application/json', body: '{}', expect: 'refused' });
  }
  return cases;
}

/** The query every request of the operation carries: its required parameters, valid. */
function baseQuery(op: Operation, ids: Resources): string {
  const query = new URLSearchParams();
  for (const param of op.query.filter((p) => p.required))
    query.set(param.name, String(validValue(param.schema, param.name, ids)));
  return query.toString();
}
