import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testWorld } from '../../test/app.ts';
import { buildPerson, RIVAL_WORKSPACE, type TestUser } from '../../test/factories.ts';
import { casesOf, type FuzzIds, seeded, urlOf } from '../../test/fuzz.ts';
import { emptyPatchResults, type FuzzResult, send, statusCounts } from '../../test/fuzz-check.ts';
import { operationsOf } from '../../test/fuzz-schema.ts';
import { seedResources } from '../../test/fuzz-world.ts';
import type { Core } from '../core/index.ts';
import { createApp } from './app.ts';

// The API fuzz suite (issue 14): every operation of /api/openapi.json gets a fixed set of malformed
// requests derived from its schemas (test/fuzz.ts): wrong types, NUL and lone surrogates, huge strings
// and arrays, empty, missing, deeply nested and non-JSON bodies, another workspace's ids and random
// ones, and no sign-in. Never a 5xx; every 4xx in the error shape; 400s name the field; 401 without
// sign-in; 404 for what belongs to another workspace.

/**
 * What the suite finds today and is not fixed yet, each for another engineer (its file is not the
 * suite's): `it.fails` below keeps each one honest, and fails as soon as it is fixed, to be removed.
 */
const KNOWN_ISSUES: { operation: string; label: RegExp; why: string }[] = [];

const isKnown = (result: FuzzResult) =>
  KNOWN_ISSUES.some((issue) => issue.operation === result.operation && issue.label.test(result.label));

// The document describes the routes only, so it is read here without a database, to name one test
// per operation; the requests go to an app on a real database (beforeAll).
const doc = await (await createApp({} as Core).request('/api/openapi.json')).json();
const operations = operationsOf(doc);

let world: TestApp & { owner: TestUser; colleague: TestUser; outsider: TestUser };
let ids: FuzzIds;
const results: FuzzResult[] = [];
const started = performance.now();

beforeAll(async () => {
  world = await testWorld({
    people: { owner: { role: 'owner' }, colleague: {} },
    outsider: { role: 'owner' },
  });
  const served = await (await world.app.request('/api/openapi.json')).json();
  expect(operationsOf(served)).toEqual(operations);
  const rivalColleague = await buildPerson(world.core, { workspace: RIVAL_WORKSPACE });
  ids = {
    own: await seedResources(world.app, world.owner, world.colleague),
    foreign: await seedResources(world.app, world.outsider, rivalColleague),
  };
});

afterAll(async () => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${operations.length} operations × ${results.length} requests in ${seconds} s; ${statusCounts(results)}`,
  );
  await world?.close();
});

it('covers every operation of the document', () => {
  expect(operations.length).toBeGreaterThan(100);
  const untried = operations.filter((op) => casesOf(op, ids, world.owner.token, seeded(1)).length === 0);
  expect(untried).toEqual([]);
});

// The same "random" requests on every run, whatever other operations the document gains.
const seedOf = (name: string) =>
  [...name].reduce((hash, char) => Math.imul(hash, 31) + char.charCodeAt(0), 7);

for (const op of operations) {
  const name = `${op.method} ${op.path}`;
  it(name, async () => {
    const mine: FuzzResult[] = [];
    for (const c of casesOf(op, ids, world.owner.token, seeded(seedOf(name))))
      mine.push(await send(world.app, name, c));
    if (op.method === 'PATCH') {
      const hasGet = operations.some((other) => other.method === 'GET' && other.path === op.path);
      mine.push(...(await emptyPatchResults(world.app, name, urlOf(op, ids.own), world.owner.token, hasGet)));
    }
    results.push(...mine);
    const problems = mine.filter((r) => r.problem && !isKnown(r));
    expect(problems.map((r) => `${r.label}: ${r.problem} → ${r.answer}`)).toEqual([]);
  });
}

for (const issue of KNOWN_ISSUES) {
  it.fails(`known issue, ${issue.operation} ${issue.label}: ${issue.why}`, () => {
    const found = results.filter(
      (r) => r.problem && r.operation === issue.operation && issue.label.test(r.label),
    );
    expect(found).toEqual([]);
  });
}
