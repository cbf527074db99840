import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_IMPORT_BYTES } from '../core/calendar/limits.ts';
import { AppError } from '../core/errors.ts';
import type { Core } from '../core/index.ts';
import { packageRoot } from '../core/paths.ts';
import { authHandler, requireUser } from './auth.ts';
import type { AppEnv, AppOptions } from './context.ts';
import { docsRoutes } from './docs.ts';
import { errorBody, handleError } from './errors.ts';
import { accessRoutes, publicAccessRoutes } from './routes/access.ts';
import { accountRoutes } from './routes/accounts.ts';
import { activityRoutes } from './routes/activities.ts';
import { backupRoutes } from './routes/backup.ts';
import { importRoutes } from './routes/calendar/imports.ts';
import { reviewRoutes } from './routes/calendar/review.ts';
import { ruleRoutes } from './routes/calendar/rules.ts';
import { subscriptionRoutes } from './routes/calendar/subscriptions.ts';
import { contactRoutes } from './routes/contacts.ts';
import { decisionRoutes } from './routes/decisions.ts';
import { demoRoutes } from './routes/demo.ts';
import { exportRoutes } from './routes/exports.ts';
import { feedRoutes, publicFeedRoutes } from './routes/feed.ts';
import { handoverRoutes } from './routes/handover.ts';
import { inheritanceRoutes } from './routes/inheritance.ts';
import { legacyRoutes } from './routes/legacy.ts';
import { meRoutes } from './routes/me.ts';
import { notificationRoutes, publicMailRoutes } from './routes/notifications.ts';
import { peopleRoutes, publicInvitationRoutes } from './routes/people.ts';
import { planRoutes } from './routes/plan.ts';
import { reflectionRoutes } from './routes/reflections.ts';
import { reportRoutes } from './routes/reports.ts';
import { publicScorecardRoutes, scorecardRoutes } from './routes/scorecard.ts';
import { signInRoutes } from './routes/sign-in.ts';
import { stakeholderRoutes } from './routes/stakeholders.ts';
import { systemRoutes } from './routes/system.ts';
import { teamRoutes } from './routes/team.ts';
import { timeDrainRoutes } from './routes/time-drains.ts';
import { todayRoutes } from './routes/today.ts';
import { securityHeaders } from './security-headers.ts';
import { refuseUnstorableText } from './storable-text.ts';
import { closeWhenBodyUnread } from './unread-body.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

const webRoot = join(packageRoot(), 'dist/web');

/** The whole HTTP surface, without listening: tests call `app.request()` on it. */
export function createApp(core: Core, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(handleError);
  app.use('*', securityHeaders);
  app.use('*', closeWhenBodyUnread);
  app.use('*', async (c, next) => {
    c.set('core', core);
    c.set('options', options);
    await next();
  });
  const apiLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('too_large', 'the request body is larger than the 1 MiB limit');
    },
  });
  // Imports carry whole calendar and contacts files.
  const importLimit = bodyLimit({
    maxSize: MAX_IMPORT_BYTES,
    onError: () => {
      throw new AppError('too_large', 'the file is larger than the 50 MB import limit');
    },
  });
  const imports = new Set(['/api/imports', '/api/imports/contacts']);
  app.use('/api/*', (c, next) => (imports.has(c.req.path) ? importLimit : apiLimit)(c, next));
  app.use('/api/*', refuseUnstorableText);

  const api = new OpenAPIHono<AppEnv>();
  api.route('/', systemRoutes);
  api.on(['GET', 'POST'], '/auth/*', authHandler);
  api.route('/', docsRoutes);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Linchpin API',
      version: '1',
      description:
        'Plan and see the legacy a Customer Manager leaves. Errors: {"error":{"code","message","fields"}}.',
    },
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.openAPIRegistry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'linchpin.session_token',
  });
  api.route('/', publicScorecardRoutes);
  api.route('/', publicInvitationRoutes);
  api.route('/', publicAccessRoutes);
  api.route('/', publicFeedRoutes);
  api.route('/', publicMailRoutes);
  api.route('/', backupRoutes);
  api.use('*', requireUser);
  api.route('/', meRoutes);
  api.route('/', notificationRoutes);
  api.route('/', feedRoutes);
  api.route('/', peopleRoutes);
  api.route('/', accessRoutes);
  api.route('/', activityRoutes);
  api.route('/', reportRoutes);
  api.route('/', teamRoutes);
  api.route('/', signInRoutes);
  api.route('/', accountRoutes);
  api.route('/', ruleRoutes);
  api.route('/', stakeholderRoutes);
  api.route('/', contactRoutes);
  api.route('/', legacyRoutes);
  api.route('/', scorecardRoutes);
  api.route('/', decisionRoutes);
  api.route('/', reflectionRoutes);
  api.route('/', handoverRoutes);
  api.route('/', inheritanceRoutes);
  api.route('/', planRoutes);
  api.route('/', todayRoutes);
  api.route('/', timeDrainRoutes);
  api.route('/', demoRoutes);
  api.route('/', importRoutes);
  api.route('/', subscriptionRoutes);
  api.route('/', exportRoutes);
  api.route('/', reviewRoutes);
  api.all('*', (c) => c.json(errorBody(AppError.notFound(`${c.req.method} ${c.req.path}`)), 404));
  app.route('/api', api);

  if (options.serveWeb && existsSync(webRoot)) {
    const root = relative(process.cwd(), webRoot) || '.';
    const indexHtml = readFileSync(`${webRoot}/index.html`, 'utf8');
    // Asset names carry a content hash, so browsers may keep them; index.html is always revalidated.
    const immutable = (_path: string, c: Context) => {
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    };
    app.use('/assets/*', serveStatic({ root, onFound: immutable }));
    app.get('/assets/*', (c) => c.text('Not found', 404));
    app.use('/favicon.svg', serveStatic({ root }));
    // What installs the app changes with a deploy and is checked on every visit (cheap 304s): the
    // service worker above all, or browsers would keep serving an old version (src/web/offline/).
    const revalidate = (_path: string, c: Context) => {
      c.header('Cache-Control', 'no-cache');
    };
    for (const path of ['/sw.js', '/manifest.webmanifest', '/icons/*'])
      app.use(path, serveStatic({ root, onFound: revalidate }));
    app.get('*', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(indexHtml);
    });
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
