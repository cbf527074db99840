#!/usr/bin/env node
// `npm run api:types` (also run by `npm install`/`npm ci` and before `npm run typecheck`): writes
// src/client/openapi.d.ts, the types of the server's OpenAPI document, which the web app and the CLI
// are type-checked against. The document is built in-process: no server listens, no database opens.
// The file is generated, never committed (.gitignore), so it cannot drift from the routes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let openapiTS;
let astToString;
try {
  ({ default: openapiTS, astToString } = await import('openapi-typescript'));
} catch {
  console.log('api:types skipped: openapi-typescript is a development dependency (not installed)');
  process.exit(0);
}
const { register } = await import('tsx/esm/api');
register();
const { createApp } = await import('../src/server/app.ts');

const typesPath = fileURLToPath(new URL('../src/client/openapi.d.ts', import.meta.url));
// Describing the routes needs no database, so no core is opened.
const response = await createApp({}).request('/api/openapi.json');
if (!response.ok) throw new Error(`GET /api/openapi.json answered ${response.status}`);
const header =
  "// Generated from the server's OpenAPI document by openapi-typescript (npm run api:types). Do not edit.\n\n";
const text = header + astToString(await openapiTS(await response.json(), { silent: true }));

let before = '';
try {
  before = readFileSync(typesPath, 'utf8');
} catch {
  // first run
}
if (before !== text) writeFileSync(typesPath, text);
console.log(
  `src/client/openapi.d.ts ${before === text ? 'is up to date' : `written (${(text.length / 1024).toFixed(0)} KB)`}`,
);
