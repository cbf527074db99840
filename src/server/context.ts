import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Actor } from '../core/auth/actor.ts';
import type { Me } from '../core/auth/users.ts';
import type { Core } from '../core/index.ts';
import { validationHook } from './errors.ts';

export interface AppOptions {
  /** Serve the built web app from dist/web. */
  serveWeb?: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits key on it). */
  trustProxy?: boolean;
}

export interface AppEnv {
  Variables: { core: Core; options: AppOptions; me: Me; actor: Actor; sessionToken?: string };
}

/** A router whose zod validation failures come out in the API's error shape. */
export function router() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

/** `{id}` in a path: every resource id of the API. */
export const idParam = z.object({ id: z.string().min(1).max(100) });

/** A list answer: `{ items: [...] }`. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
