import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';

// Swagger UI is served from its npm package: the docs page loads nothing from the internet.
const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Linchpin API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });`;

export const docsRoutes = new Hono<AppEnv>();
docsRoutes.get('/docs', (c) => c.html(page));
docsRoutes.get('/docs/init.js', (c) =>
  c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
);
docsRoutes.use(
  '/docs/assets/*',
  serveStatic({ root: swaggerDir, rewriteRequestPath: (path) => path.replace(/^\/api\/docs\/assets/, '') }),
);
