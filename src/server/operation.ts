import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Actor } from '../core/auth/actor.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { IDEMPOTENCY_HEADER } from '../core/idempotency/schemas.ts';
import { type AppEnv, idParam, itemsOf, router } from './context.ts';
import { errorResponses } from './errors.ts';
import {
  answerOnce,
  DONE_ONCE,
  idempotencyHeaders,
  REPLAYED_ANSWER_HEADERS,
  STILL_PROCESSING,
} from './idempotency.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.output<S> : undefined;
/** Media type → schema, for answers that are files or streams (the handler returns a Response). */
type Content = Record<string, Schema>;
type Success = 200 | 201 | 202 | 204;

export interface OperationInput<P, Q, B> {
  c: Context<AppEnv>;
  db: Db;
  /** The signed-in person; reading it on a public operation is a bug and answers 401. */
  actor: Actor;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
}

export interface OperationSpec<P, Q, B, R> {
  summary: string;
  description?: string;
  /** Served before sign-in: no session or token. */
  public?: boolean;
  /** Path parameters; a path whose one parameter is `{id}` gets `idParam` without it. */
  params?: P;
  query?: Q;
  /**
   * The request body: its JSON schema (the handler gets it parsed), or media type → schema for
   * files the handler reads itself from `c.req` (then `body` is undefined).
   */
  body?: B;
  /** The body may be left out: without a JSON content type the handler gets `{}`. */
  bodyOptional?: boolean;
  /** The success answer: status, what it is, and its JSON schema or media types (none for 204). */
  responds: [Success, string, R?];
  /**
   * Further success answers, e.g. 202 beside 200: documented like `responds`; the handler returns
   * them itself as a Response made with `c`.
   */
  alsoResponds?: [Success, string, (Schema | Content)?][];
  /**
   * Error statuses beyond the ones every operation of its kind can answer (see `errorResponses`);
   * `[status, description]` says what the status means for this operation.
   */
  errors?: (number | [number, string])[];
  tags?: string[];
  /**
   * The answer holds a secret shown this once (a token, a one-time link): with an Idempotency-Key
   * its body is never stored, and a repeat is a 409 instead of the answer again.
   */
  shownOnce?: boolean;
  run: (
    input: OperationInput<P, Q, B>,
    // biome-ignore lint/suspicious/noConfusingVoidType: a handler of a 204 answer returns nothing (Promise<void>)
  ) => Promise<R extends Schema ? z.input<R> | Response : Response | undefined | void>;
}

const security: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];

/** The OpenAPI content of an answer: JSON by its schema, or the given media types. */
const contentOf = (shape: Schema | Content | undefined) =>
  shape === undefined
    ? undefined
    : shape instanceof z.ZodType
      ? { 'application/json': { schema: shape } }
      : Object.fromEntries(Object.entries(shape).map(([type, schema]) => [type, { schema }]));

/**
 * Declares the routes of one feature: `route.get(path, spec)`. Each operation is documented in
 * /api/openapi.json with its inputs, its success answer and its error answers (the one error
 * schema), validated by zod, and its handler gets the parsed inputs and returns the body.
 */
export function operations(routes: OpenAPIHono<AppEnv>, tag: string) {
  const define =
    (method: Method) =>
    <
      Path extends string,
      P extends Schema | undefined = Path extends `${string}{id}${string}` ? typeof idParam : undefined,
      Q extends Schema | undefined = undefined,
      B = undefined,
      R = undefined,
    >(
      path: Path,
      spec: OperationSpec<P, Q, B, R>,
    ) => {
      // A path whose one parameter is {id} takes the API's id without saying so.
      const params = spec.params ?? (/^[^{]*\{id\}[^{]*$/.test(path) ? idParam : undefined);
      const [status] = spec.responds;
      // Every signed-in operation that creates honours an Idempotency-Key; the others ignore it.
      const idempotent = !spec.public && status === 201;
      const shownOnce = spec.shownOnce ?? false;
      const errors = spec.errors ?? [];
      const meaning = new Map(errors.flatMap((error) => (typeof error === 'number' ? [] : [error])));
      const errorAnswers = Object.entries(
        errorResponses({
          input: Boolean(params || spec.query || spec.body) || idempotent,
          body: Boolean(spec.body),
          signedIn: !spec.public,
          lookup: path.includes('{'),
          extra: [
            ...errors.map((error) => (typeof error === 'number' ? error : error[0])),
            ...(idempotent ? [409, 422] : []),
          ],
        }),
      ).map(([answer, response]) => {
        const description = meaning.get(Number(answer)) ?? response.description;
        const also =
          idempotent && answer === '409' ? `; ${STILL_PROCESSING}${shownOnce ? `; ${DONE_ONCE}` : ''}` : '';
        return [answer, { ...response, description: `${description}${also}` }];
      });
      const route = createRoute({
        method,
        path,
        tags: spec.tags ?? [tag],
        summary: spec.summary,
        description: spec.description,
        ...(spec.public ? {} : { security }),
        request: {
          ...(idempotent ? { headers: idempotencyHeaders } : {}),
          ...(params ? { params: params as never } : {}),
          ...(spec.query ? { query: spec.query as never } : {}),
          ...(spec.body
            ? {
                body: {
                  required: !spec.bodyOptional,
                  content: contentOf(spec.body as Schema | Content) as never,
                },
              }
            : {}),
        },
        responses: {
          ...Object.fromEntries(
            [spec.responds, ...(spec.alsoResponds ?? [])].map(([answer, description, shape]) => {
              const content = contentOf(shape as Schema | Content | undefined);
              const headers = idempotent && answer === 201 ? { headers: REPLAYED_ANSWER_HEADERS } : {};
              return [answer, { description, ...headers, ...(content ? { content } : {}) }];
            }),
          ),
          ...Object.fromEntries(errorAnswers),
        },
      });
      routes.openapi(route, async (c) => {
        const valid = (target: string) => (c.req.valid as (t: string) => unknown).call(c.req, target);
        const input = {
          c,
          db: c.var.core.db,
          get actor() {
            if (!c.var.actor) throw new AppError('unauthenticated', 'sign in first');
            return c.var.actor;
          },
          params: params ? valid('param') : undefined,
          query: spec.query ? valid('query') : undefined,
          body: spec.body instanceof z.ZodType ? valid('json') : undefined,
        } as OperationInput<P, Q, B>;
        const answer = async (): Promise<Response> => {
          const result = await spec.run(input);
          if (result instanceof Response) return result;
          if (status === 204) return c.body(null, 204);
          return c.json(result as object, status);
        };
        const key = idempotent ? c.req.header(IDEMPOTENCY_HEADER) : undefined;
        return (key === undefined ? answer() : answerOnce(c, input.actor, key, shownOnce, answer)) as never;
      });
    };
  const verbs = {
    get: define('get'),
    post: define('post'),
    put: define('put'),
    patch: define('patch'),
    delete: define('delete'),
  };
  const declare: Declare = (method, path, spec) => verbs[method](path, spec as never);
  return { ...verbs, item: itemOperations(declare), children: childOperations(declare) };
}

type Declare = (method: Method, path: string, spec: object) => void;
/** What an item operation says of itself; its answer follows from the thing. */
type ItemSpec<Run> = Pick<OperationSpec<never, never, never, never>, 'summary' | 'description' | 'errors'> & {
  run: Run;
};

/**
 * The usual operations on one thing, `/things/{id}`: read it, change it, remove it. Each is a core
 * function called with the thing's id (and the change); the answer is the thing, or 204 for a remove.
 */
function itemOperations(declare: Declare) {
  return <S extends Schema, B extends Schema>(
    path: `${string}/{id}`,
    operations: {
      /** What the thing is called in the answers' descriptions, and its schema. */
      noun: string;
      schema: S;
      get?: ItemSpec<(db: Db, actor: Actor, id: string) => Promise<z.input<S>>>;
      patch?: ItemSpec<(db: Db, actor: Actor, id: string, change: z.output<B>) => Promise<z.input<S>>> & {
        body: B;
      };
      delete?: ItemSpec<(db: Db, actor: Actor, id: string) => Promise<void>>;
    },
  ) => {
    const { noun, schema, get, patch, delete: remove } = operations;
    type Input = OperationInput<typeof idParam, undefined, B>;
    if (get) {
      declare('get', path, {
        ...get,
        responds: [200, `The ${noun}`, schema],
        run: ({ db, actor, params }: Input) => get.run(db, actor, params.id),
      });
    }
    if (patch) {
      declare('patch', path, {
        ...patch,
        responds: [200, `The ${noun}, changed`, schema],
        run: ({ db, actor, params, body }: Input) => patch.run(db, actor, params.id, body as z.output<B>),
      });
    }
    if (remove) {
      declare('delete', path, {
        ...remove,
        responds: [204, 'Removed'],
        run: ({ db, actor, params }: Input) => remove.run(db, actor, params.id),
      });
    }
  };
}

/**
 * The things one thing holds, `/parents/{id}/things` (e.g. an account's decisions): list them, add
 * one. Each is a core function called with the parent's id (and the new thing); the list answers
 * `{ items }`, the addition 201 with the new thing.
 */
function childOperations(declare: Declare) {
  return <S extends Schema, L extends Schema, B extends Schema>(
    path: `${string}/{id}/${string}`,
    operations: {
      noun: string;
      schema: S;
      /** The schema of a listed thing, when the list shows less of each. */
      listed?: L;
      list: ItemSpec<(db: Db, actor: Actor, parentId: string) => Promise<z.input<L>[]>> & { answer: string };
      add: ItemSpec<(db: Db, actor: Actor, parentId: string, input: z.output<B>) => Promise<z.input<S>>> & {
        body: B;
      };
    },
  ) => {
    const { noun, schema, listed: listedSchema, list, add } = operations;
    const { answer, ...listed } = list;
    type Input = OperationInput<typeof idParam, undefined, B>;
    declare('get', path, {
      ...listed,
      responds: [200, answer, itemsOf(listedSchema ?? schema)],
      run: async ({ db, actor, params }: Input) => ({ items: await list.run(db, actor, params.id) }),
    });
    declare('post', path, {
      ...add,
      responds: [201, `The new ${noun}`, schema],
      run: ({ db, actor, params, body }: Input) => add.run(db, actor, params.id, body as z.output<B>),
    });
  };
}

/**
 * A feature's router, which app.ts mounts, and the builder that declares its operations, in one:
 * `export const [accountRoutes, route] = featureRoutes('accounts');`.
 */
export function featureRoutes(tag: string) {
  const routes = router();
  return [routes, operations(routes, tag)] as const;
}
