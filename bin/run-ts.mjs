#!/usr/bin/env node
// `node bin/run-ts.mjs file.ts args…` runs a TypeScript script (used by npm run bench).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [file, ...args] = process.argv.slice(2);
if (!file) throw new Error('usage: run-ts.mjs FILE.ts [args…]');
process.argv = [process.argv[0] ?? 'node', file, ...args];
await import(pathToFileURL(resolve(file)).href);
