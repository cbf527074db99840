import { FUZZ_DAY, FUZZ_WEEK, kindOfField, type Resources } from './fuzz-world.ts';

// The fuzz suite's reading of /api/openapi.json: its operations, the JSON types each schema accepts,
// and a value each schema accepts (the base that one malformed field at a time is put into).

/** The part of JSON Schema that /api/openapi.json uses (zod → OpenAPI 3.1, all inline). */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  description?: string;
}

export interface Param {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

export interface Operation {
  method: string;
  /** As documented, e.g. `/accounts/{id}/goals` (under /api). */
  path: string;
  /** Served without sign-in (no `security` in the document). */
  public: boolean;
  params: Param[];
  query: Param[];
  /** The JSON body's schema, when it takes JSON. */
  json?: JsonSchema;
  /** The media types of a body that is a file (imports). */
  files: string[];
}

interface OpenApiOperation {
  security?: unknown[];
  parameters?: (Param & { in: string })[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** Every operation of the document, in its order. */
export function operationsOf(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      const parameters = op.parameters ?? [];
      return {
        method: method.toUpperCase(),
        path,
        public: !op.security,
        params: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        json: content['application/json']?.schema,
        files: Object.keys(content).filter((type) => type !== 'application/json'),
      };
    }),
  );
}

export const JSON_TYPES = ['string', 'number', 'boolean', 'array', 'object', 'null'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

/** The JSON types a schema accepts; null for "anything". */
export function typesOf(schema: JsonSchema): Set<JsonType> | null {
  if (schema.enum) return new Set(schema.enum.map(jsonTypeOf));
  if ('const' in schema) return new Set([jsonTypeOf(schema.const)]);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const all = union.map(typesOf);
    return all.includes(null) ? null : new Set(all.flatMap((types) => [...(types ?? [])]));
  }
  if (!schema.type) return null;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return new Set(types.map((type) => (type === 'integer' ? 'number' : (type as JsonType))));
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType;
}

export const mainType = (schema: JsonSchema) => {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.find((type) => type && type !== 'null');
};

/** A value the schema accepts, with the named field's meaning where its name tells it (ids, times). */
export function validValue(schema: JsonSchema, name: string, ids: Resources): unknown {
  if (schema.enum) return schema.enum[0];
  if ('const' in schema) return schema.const;
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.[0]) return validValue(union[0], name, ids);
  const kind = kindOfField(name);
  switch (mainType(schema)) {
    case 'string': {
      if (kind) return ids[kind];
      if (schema.format === 'date') return FUZZ_DAY;
      if (schema.format === 'email' || /email/i.test(name) || /e-?mail/i.test(schema.description ?? ''))
        return 'fuzz@example.test';
      if (schema.pattern?.includes('W')) return FUZZ_WEEK;
      if (schema.pattern?.includes(':')) return '09:00';
      if (/^(startsAt|from)$/.test(name)) return `${FUZZ_DAY}T09:00`;
      if (/^(endsAt|to)$/.test(name)) return `${FUZZ_DAY}T10:00`;
      if (name === 'timeZone') return 'Europe/London';
      if (name === 'url') return 'https://calendar.example.test/fuzz.ics';
      return 'fuzz'.padEnd(schema.minLength ?? 0, 'z');
    }
    case 'integer':
    case 'number':
      return Math.min(Math.max(schema.minimum ?? 1, 1), schema.maximum ?? 1);
    case 'boolean':
      return false;
    case 'array': {
      const item = schema.items ?? {};
      return Array.from({ length: schema.minItems ?? 0 }, () => validValue(item, singular(name), ids));
    }
    case 'object': {
      const body: Record<string, unknown> = {};
      for (const key of schema.required ?? [])
        body[key] = validValue(schema.properties?.[key] ?? {}, key, ids);
      return body;
    }
    default:
      return 'fuzz';
  }
}

// `ownerIds` holds `ownerId`s: the item of an id list is named like the list's field without the `s`.
export const singular = (name: string) => (/Ids$/.test(name) ? name.slice(0, -1) : name);

export const setIn = (value: unknown, path: string[], to: unknown): unknown => {
  const [key, ...rest] = path;
  if (key === undefined) return to;
  const base = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const copy = Array.isArray(base) ? [...base] : { ...base };
  if (to === undefined && rest.length === 0) delete (copy as Record<string, unknown>)[key];
  else (copy as Record<string, unknown>)[key] = setIn(base[key as keyof typeof base], rest, to);
  return copy;
};
