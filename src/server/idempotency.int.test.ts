import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { testWorld } from '../../test/app.ts';
import { createTestCores } from '../../test/core.ts';
import {
  ACTIVITY,
  apiClient,
  buildAccount,
  buildPerson,
  type Json,
  type TestUser,
} from '../../test/factories.ts';
import { activities, apiTokens, decisions, idempotencyKeys, planItems } from '../core/db/schema/index.ts';
import {
  expireIdempotencyKeys,
  findIdempotencyKey,
  IDEMPOTENCY_LEASE_MS,
  IDEMPOTENCY_TTL_MS,
  reserveIdempotencyKey,
} from '../core/idempotency/service.ts';
import { runRhythm } from '../core/rhythm/scheduler.ts';
import { createApp } from './app.ts';

// Issue 15: a POST that creates, sent again with the same Idempotency-Key (an offline queue's
// retry), answers what the first answered and creates nothing more.

const { core, app, ann, colleague, close } = await testWorld({ people: { ann: {}, colleague: {} } });
afterAll(close);

const quickAdd = { ...ACTIVITY, title: 'Call with the buyer', startsAt: '2026-11-20T10:00', minutes: 30 };
const keyed = (key: string) => ({ 'Idempotency-Key': key });

/** How many activities the person has with this title (the list the Week page reads). */
async function listed(person: TestUser, title: string) {
  const page = await apiClient(app, person.token).get(
    '/activities?from=2026-11-01T00:00&to=2026-12-01T00:00&limit=500',
  );
  expect(page.status).toBe(200);
  return page.body.items.filter((a: { title: string }) => a.title === title);
}

/** Puts the entry's reservation `ms` into the past, as if it had been made then. */
async function age(person: TestUser, key: string, ms: number) {
  await core.db
    .update(idempotencyKeys)
    .set({ createdAt: sql`${idempotencyKeys.createdAt} - make_interval(secs => ${ms / 1000})` })
    .where(and(eq(idempotencyKeys.userId, person.actor.userId), eq(idempotencyKeys.key, key)));
}

describe('an Idempotency-Key on a POST that creates', () => {
  it('makes a repeat answer the first answer again, marked replayed, with one activity made', async () => {
    const api = apiClient(app, ann.token);
    const key = randomUUID();
    const first = await api.post('/activities', quickAdd, keyed(key));
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    const again = await api.post('/activities', quickAdd, keyed(key));
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(again.body.id).toBe(first.body.id);
    expect(again.text).toBe(first.text);
    expect((await listed(ann, quickAdd.title)).map((a: { id: string }) => a.id)).toEqual([first.body.id]);
  });

  it('refuses the same key with another body or path (422), and runs neither', async () => {
    const api = apiClient(app, ann.token);
    const key = randomUUID();
    const title = 'Quarterly business review';
    expect((await api.post('/activities', { ...quickAdd, title }, keyed(key))).status).toBe(201);
    const otherBody = await api.post('/activities', { ...quickAdd, title, minutes: 45 }, keyed(key));
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.error).toMatchObject({
      code: 'idempotency_key_reused',
      message: expect.stringMatching(/already used for a different request/),
      fields: { 'Idempotency-Key': expect.any(String) },
    });
    const otherPath = await api.post('/plan-items', { title, day: '2026-11-24', minutes: 30 }, keyed(key));
    expect(otherPath.status).toBe(422);
    expect(otherPath.body.error.code).toBe('idempotency_key_reused');
    expect(await listed(ann, title)).toHaveLength(1);
    const items = await core.db.select().from(planItems).where(eq(planItems.title, title));
    expect(items).toEqual([]);
  });

  it("is one person's: another person's same key makes their own activity", async () => {
    const key = randomUUID();
    const title = 'Site visit';
    const hers = await apiClient(app, ann.token).post('/activities', { ...quickAdd, title }, keyed(key));
    const his = await apiClient(app, colleague.token).post('/activities', { ...quickAdd, title }, keyed(key));
    expect([hers.status, his.status]).toEqual([201, 201]);
    expect(his.headers.get('Idempotent-Replayed')).toBeNull();
    expect(his.body.id).not.toBe(hers.body.id);
    expect(await listed(ann, title)).toHaveLength(1);
    expect(await listed(colleague, title)).toHaveLength(1);
  });

  it('works on every operation that creates: plan actions and decisions too', async () => {
    const api = apiClient(app, ann.token);
    const action = { title: 'Draft the joint plan', day: '2026-11-24', minutes: 45 };
    const key = randomUUID();
    const scheduled = await api.post('/plan-items', action, keyed(key));
    const rescheduled = await api.post('/plan-items', action, keyed(key));
    expect([scheduled.status, rescheduled.status]).toEqual([201, 201]);
    expect(rescheduled.headers.get('Idempotent-Replayed')).toBe('true');
    expect(rescheduled.body).toEqual(scheduled.body);
    expect(await core.db.select().from(planItems).where(eq(planItems.title, action.title))).toHaveLength(1);

    const { account } = await buildAccount(core, { owner: ann, name: 'Northwind' });
    const decision = { title: 'Free express shipping this quarter', precedent: true };
    const decisionKey = randomUUID();
    const recorded = await api.post(`/accounts/${account.id}/decisions`, decision, keyed(decisionKey));
    const again = await api.post(`/accounts/${account.id}/decisions`, decision, keyed(decisionKey));
    expect([recorded.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body.id).toBe(recorded.body.id);
    const log = await api.get(`/accounts/${account.id}/decisions`);
    expect(log.body.items.map((d: { id: string }) => d.id)).toEqual([recorded.body.id]);
    expect(await core.db.select().from(decisions).where(eq(decisions.accountId, account.id))).toHaveLength(1);
  });

  it('never runs two requests with one key at once: one is made, the other waits (409) or replays', async () => {
    const api = apiClient(app, ann.token);
    const key = randomUUID();
    const title = 'Escalation call';
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => api.post('/activities', { ...quickAdd, title }, keyed(key))),
    );
    const made = await listed(ann, title);
    expect(made).toHaveLength(1);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const answer of created) expect(answer.body.id).toBe(made[0].id);
    expect(created.filter((a) => a.headers.get('Idempotent-Replayed') === null)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('conflict');
      expect(answer.headers.get('Retry-After')).toBe('1');
    }
  });

  it('answers 409 with Retry-After while the first request still runs, and takes over one whose process died', async () => {
    const api = apiClient(app, ann.token);
    const key = randomUUID();
    const title = 'Renewal prep';
    const body = { ...quickAdd, title };
    // A request with this key is running (reserved, not yet answered), e.g. in another process.
    const running = await reserveIdempotencyKey(core.db, ann.actor, {
      key,
      method: 'POST',
      path: '/api/activities',
      query: '',
      body: JSON.stringify(body),
    });
    expect(running.reserved).toBe(true);
    const waiting = await api.post('/activities', body, keyed(key));
    expect(waiting.status).toBe(409);
    expect(waiting.body.error).toEqual({
      code: 'conflict',
      message: 'a request with this Idempotency-Key is still being processed',
    });
    expect(waiting.headers.get('Retry-After')).toBe('1');
    expect(await listed(ann, title)).toEqual([]);
    // Unfinished past its lease: the process that held it died, so the retry runs.
    await age(ann, key, IDEMPOTENCY_LEASE_MS + 1_000);
    const retried = await api.post('/activities', body, keyed(key));
    expect(retried.status).toBe(201);
    expect(retried.headers.get('Idempotent-Replayed')).toBeNull();
    expect(await listed(ann, title)).toHaveLength(1);
  });

  it('keeps nothing of a request that failed, so the corrected retry with the same key runs', async () => {
    const api = apiClient(app, ann.token);
    const key = randomUUID();
    const title = 'Workshop with IT';
    // Refused by validation (before it runs) …
    const invalid = await api.post('/activities', { ...quickAdd, title, minutes: 0 }, keyed(key));
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields).toHaveProperty('minutes');
    expect(await findIdempotencyKey(core.db, ann.actor, key)).toBeUndefined();
    // … or by the operation itself (an account of no one's workspace): the key is released.
    const unknown = await api.post('/activities', { ...quickAdd, title, accountId: 'acc_gone' }, keyed(key));
    expect(unknown.status).toBe(404);
    expect(await findIdempotencyKey(core.db, ann.actor, key)).toBeUndefined();
    const corrected = await api.post('/activities', { ...quickAdd, title }, keyed(key));
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('Idempotent-Replayed')).toBeNull();
    const replayed = await api.post('/activities', { ...quickAdd, title }, keyed(key));
    expect(replayed.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replayed.body.id).toBe(corrected.body.id);
    expect(await listed(ann, title)).toHaveLength(1);
  });

  it('is honoured for 24 hours: an older entry is not replayed, and the rhythm removes it', async () => {
    const api = apiClient(app, ann.token);
    const key = randomUUID();
    const title = 'Steering committee';
    const body = { ...quickAdd, title };
    const first = await api.post('/activities', body, keyed(key));
    await age(ann, key, IDEMPOTENCY_TTL_MS - 60_000);
    expect((await api.post('/activities', body, keyed(key))).headers.get('Idempotent-Replayed')).toBe('true');
    await age(ann, key, 2 * 60_000);
    const later = await api.post('/activities', body, keyed(key));
    expect(later.status).toBe(201);
    expect(later.headers.get('Idempotent-Replayed')).toBeNull();
    expect(later.body.id).not.toBe(first.body.id);
    expect(await listed(ann, title)).toHaveLength(2);

    // The periodic step removes what is older than 24 hours, and only that.
    const fresh = randomUUID();
    expect((await api.post('/activities', { ...body, title: 'Fresh' }, keyed(fresh))).status).toBe(201);
    await age(ann, key, IDEMPOTENCY_TTL_MS + 60_000);
    await runRhythm(core, { notices: 'always' });
    expect(await findIdempotencyKey(core.db, ann.actor, key)).toBeUndefined();
    expect(await findIdempotencyKey(core.db, ann.actor, fresh)).toMatchObject({ status: 201 });
    expect(await expireIdempotencyKeys(core.db)).toBe(0);
  });

  it('must be 1 to 200 printable ASCII characters: else 400 naming the header, and nothing is made', async () => {
    const api = apiClient(app, ann.token);
    const title = 'Malformed keys';
    for (const key of ['', 'k'.repeat(201), 'clé', 'tab\there']) {
      const res = await api.post('/activities', { ...quickAdd, title }, keyed(key));
      expect(res.status, JSON.stringify(key)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toMatch(/^Idempotency-Key /);
      expect(Object.keys(res.body.error.fields)).toEqual(['Idempotency-Key']);
    }
    expect(await listed(ann, title)).toEqual([]);
    const longest = await api.post('/activities', { ...quickAdd, title }, keyed('k'.repeat(200)));
    expect(longest.status).toBe(201);
  });

  it('changes nothing without one: each POST creates', async () => {
    const api = apiClient(app, ann.token);
    const title = 'No key';
    const answers = [
      await api.post('/activities', { ...quickAdd, title }),
      await api.post('/activities', { ...quickAdd, title }),
    ];
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(answers.map((a) => a.headers.get('Idempotent-Replayed'))).toEqual([null, null]);
    expect(await listed(ann, title)).toHaveLength(2);
  });

  it('never stores a secret shown once: a repeat of a token request is a 409, not the token again', async () => {
    const api = apiClient(app, ann.token);
    const key = randomUUID();
    const made = await api.post('/me/tokens', { name: 'Laptop sync' }, keyed(key));
    expect(made.status).toBe(201);
    const again = await api.post('/me/tokens', { name: 'Laptop sync' }, keyed(key));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already done/);
    expect(JSON.stringify(again.body)).not.toContain(made.body.token);
    const tokens = await core.db.select().from(apiTokens).where(eq(apiTokens.name, 'Laptop sync'));
    expect(tokens).toHaveLength(1);
    const stored = await findIdempotencyKey(core.db, ann.actor, key);
    expect(stored).toMatchObject({ status: 201, body: null });
  });

  it('is ignored by operations that do not create (PUT, PATCH, DELETE are idempotent by nature)', async () => {
    const api = apiClient(app, ann.token);
    const made = await api.post('/activities', { ...quickAdd, title: 'To rename' });
    const renamed = await api.patch(`/activities/${made.body.id}`, { title: 'Renamed' }, keyed(''));
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get('Idempotent-Replayed')).toBeNull();
    const key = randomUUID();
    expect((await api.patch(`/activities/${made.body.id}`, { title: 'Again' }, keyed(key))).status).toBe(200);
    expect(await findIdempotencyKey(core.db, ann.actor, key)).toBeUndefined();
  });

  it('is documented on each operation that creates, with its error answers, and on no other', async () => {
    const doc = (await apiClient(app).get('/openapi.json')).body;
    const header = (op: { parameters?: { in: string; name: string; description?: string }[] }) =>
      op.parameters?.find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
    const create = doc.paths['/activities'].post;
    expect(header(create)).toMatchObject({ required: false, description: expect.stringMatching(/24 hours/) });
    expect(header(create)?.description).toMatch(/PUT, PATCH and DELETE are idempotent by nature/);
    expect(create.responses['409'].description).toMatch(/still being processed/);
    expect(create.responses['422'].description).toMatch(/different request/);
    expect(create.responses['201'].headers).toHaveProperty('Idempotent-Replayed');
    expect(header(doc.paths['/accounts/{id}/decisions'].post)).toBeDefined();
    expect(header(doc.paths['/plan-items'].post)).toBeDefined();
    expect(header(doc.paths['/activities/{id}'].patch)).toBeUndefined();
    expect(header(doc.paths['/rules/reorder'].post)).toBeUndefined();
    // Public operations (setup, invitations) answer 201 without a person to keep a key for.
    expect(header(doc.paths['/setup'].post)).toBeUndefined();
  });

  it('is never replayed where the answer holds a token or a link: those are shown once', async () => {
    const doc = (await apiClient(app).get('/openapi.json')).body;
    const secretive: string[] = [];
    const shownOnce: string[] = [];
    for (const [path, methods] of Object.entries<Record<string, Json>>(doc.paths)) {
      for (const [method, op] of Object.entries<Json>(methods)) {
        const created = op.responses['201'];
        if (!created || !op.security) continue;
        const answer = created.content?.['application/json']?.schema?.properties ?? {};
        if ('token' in answer || 'url' in answer) secretive.push(`${method} ${path}`);
        if (/secret shown once/.test(op.responses['409'].description)) shownOnce.push(`${method} ${path}`);
      }
    }
    expect(secretive).toContain('post /me/tokens');
    expect(secretive).toContain('post /invitations');
    expect(shownOnce.sort()).toEqual(secretive.sort());
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('two server processes on one database', () => {
  it('run a key once between them: one activity, the other answer waits or replays', async () => {
    const [one, two] = await createTestCores(2);
    if (!one || !two) throw new Error('two cores');
    try {
      const hal = await buildPerson(one, { name: 'Hal' });
      const apps = [createApp(one), createApp(two)];
      const key = randomUUID();
      const body = { ...quickAdd, title: 'Across processes' };
      const answers = await Promise.all(
        [0, 1, 0, 1].map((i) =>
          apiClient(apps[i] as typeof app, hal.token).post('/activities', body, keyed(key)),
        ),
      );
      const rows = await one.db.select().from(activities).where(eq(activities.userId, hal.actor.userId));
      expect(rows).toHaveLength(1);
      for (const answer of answers) {
        expect([201, 409]).toContain(answer.status);
        if (answer.status === 201) expect(answer.body.id).toBe(rows[0]?.id);
      }
      expect(answers.filter((a) => a.status === 201 && !a.headers.get('Idempotent-Replayed'))).toHaveLength(
        1,
      );
    } finally {
      await one.close();
    }
  });
});
