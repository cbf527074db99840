import type { Core } from '../src/core/index.ts';
import { type App, createApp } from '../src/server/app.ts';
import type { AppOptions } from '../src/server/context.ts';
import { createTestCore, type TestCoreOptions } from './core.ts';
import { makeWorld, type People, type World, type WorldSpec } from './factories.ts';

export interface TestAppOptions {
  /** Settings of the core (mail, sign-in rate); its database is always a fresh copy of the template. */
  core?: TestCoreOptions;
  /** Settings of the app, e.g. `trustProxy` for tests that send X-Forwarded-For. */
  app?: AppOptions;
}

export interface TestApp {
  core: Core;
  app: App;
  /** Closes the core and drops its database; pass it to `afterAll`. */
  close: () => Promise<void>;
}

/** A fresh database and the app on top of it, for one test file. */
export async function testApp(options: TestAppOptions = {}): Promise<TestApp> {
  const core = await createTestCore(options.core);
  return { core, app: createApp(core, options.app), close: () => core.close() };
}

/**
 * A fresh app whose database holds one workspace ('Acme' unless named) with the given people, made in the
 * order listed, and an outsider in another workspace ('Rival Corp'). The people come back by the names
 * given them, beside the app:
 *
 *     const { app, ann, leader, outsider, close } = await testWorld({
 *       people: { ann: {}, leader: { role: 'leader' } },
 *     });
 *     afterAll(close);
 */
export async function testWorld<P extends People>(
  spec: WorldSpec<P & { [name in keyof TestApp | 'outsider']?: never }> & TestAppOptions,
): Promise<TestApp & World<P>> {
  const made = await testApp(spec);
  try {
    const world = await makeWorld(made.core, spec);
    for (const name of Object.keys(made)) {
      if (name in world) throw new Error(`"${name}" is taken by the app; name the person otherwise`);
    }
    return { ...world, ...made };
  } catch (error) {
    await made.close();
    throw error;
  }
}
