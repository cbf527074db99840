import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { testApp, testWorld } from '../../../test/app.ts';
import { apiClient, cookieFrom, setupBody, signIn } from '../../../test/factories.ts';
import { HTTP_AUTH_ENDPOINTS } from '../../core/auth/auth.ts';
import { digest, newSecret } from '../../core/auth/secrets.ts';
import { createUser } from '../../core/auth/users.ts';
import { passwordResets, users } from '../../core/db/schema/index.ts';

// How often a password was hashed: first-run setup must not hash one once the instance is set up.
const hashed = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../core/auth/password.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../core/auth/password.ts')>();
  return {
    ...real,
    hashPassword: (...args: Parameters<typeof real.hashPassword>) => {
      hashed.count++;
      return real.hashPassword(...args);
    },
  };
});

const { core, app, ann, owner, close } = await testWorld({
  core: { signInPerMinute: 1_000 },
  app: { trustProxy: true },
  people: { owner: { role: 'owner', name: 'Olivia Owner' }, ann: { name: 'Ann Member' } },
});
afterAll(close);
const browser = { origin: 'http://localhost' };
const cookieOf = async (email: string, password: string) =>
  cookieFrom((await signIn(app, email, password, '10.5.0.1')).headers);

describe("better-auth's endpoints we do not offer", () => {
  it('are 404 in our error shape, and update-user changes nothing (PATCH /api/me validates names)', async () => {
    const cookie = await cookieOf(ann.email, ann.password);
    for (const [path, body] of [
      ['/api/auth/update-user', { name: '' }],
      ['/api/auth/update-user', { name: 'x'.repeat(300) }],
      ['/api/auth/change-email', { newEmail: 'mallory@evil.test' }],
      ['/api/auth/delete-user', {}],
      ['/api/auth/change-password', { currentPassword: ann.password, newPassword: 'another long secret' }],
      ['/api/auth/sign-up/email', { email: 'new@acme.test', password: 'a long fine secret', name: 'New' }],
    ] as const) {
      const res = await apiClient(app).post(path.replace('/api', ''), body, { cookie, ...browser });
      expect(res.status, path).toBe(404);
      expect(res.body, path).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
    const [row] = await core.db.select().from(users).where(eq(users.id, ann.me.id));
    expect(row).toMatchObject({ name: 'Ann Member', email: ann.email });
    expect((await signIn(app, ann.email, ann.password, '10.5.0.1')).status).toBe(200);
    const bad = await apiClient(app).patch('/me', { name: '' }, { cookie, ...browser });
    expect(bad.body.error.fields).toEqual({ name: 'must not be empty' });
  });

  it('are refused by the auth library itself, whatever the server in front passes on', async () => {
    const cookie = await cookieOf(ann.email, ann.password);
    const paths = Object.values(
      core.auth.api as Record<string, { path?: string; options?: { method?: unknown } }>,
    )
      .filter((endpoint) => endpoint.path && !HTTP_AUTH_ENDPOINTS.has(endpoint.path))
      .map((endpoint) => ({
        path: (endpoint.path ?? '').replace(/:\w+/g, 'x'),
        method: [endpoint.options?.method].flat()[0] === 'GET' ? 'GET' : 'POST',
      }));
    expect(paths.map((p) => p.path)).toEqual(
      expect.arrayContaining(['/update-user', '/change-email', '/delete-user']),
    );
    for (const { path, method } of paths) {
      const res = await core.auth.handler(
        new Request(`http://localhost/api/auth${path}`, {
          method,
          headers: { cookie, origin: 'http://localhost', 'content-type': 'application/json' },
          body: method === 'POST' ? JSON.stringify({ name: '' }) : undefined,
        }),
      );
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // What we offer still works through it.
    const session = await core.auth.handler(
      new Request('http://localhost/api/auth/get-session', { headers: { cookie } }),
    );
    expect(session.status).toBe(200);
  });
});

describe('first-run setup', () => {
  it('says 409 before hashing any password once set up', async () => {
    const before = hashed.count;
    const res = await apiClient(app).post(
      '/setup',
      setupBody({ name: 'Mallory', email: 'mallory@evil.test' }),
    );
    expect(res.status).toBe(409);
    expect(hashed.count).toBe(before);
  });

  it('hashes the one password of the first setup', async () => {
    const fresh = await testApp();
    try {
      const before = hashed.count;
      const res = await apiClient(fresh.app).post('/setup', setupBody());
      expect(res.status).toBe(201);
      expect(hashed.count).toBe(before + 1);
    } finally {
      await fresh.close();
    }
  });
});

const TOO_COMMON = /^is too common/;

describe('common passwords (NIST 800-63B)', () => {
  it('are refused at setup, naming password, in any case; a fine one passes', async () => {
    const fresh = await testApp();
    try {
      const setUp = (password: string) => apiClient(fresh.app).post('/setup', setupBody({ password }));
      for (const password of ['12345678', 'password1', 'Password1', 'QWERTYUIOP', 'iloveyou', 'aaaaaaaaaa']) {
        const res = await setUp(password);
        expect(res.status, password).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
        expect(res.body.error.fields, password).toEqual({ password: expect.stringMatching(TOO_COMMON) });
      }
      expect((await setUp('correct horse on the hill')).status).toBe(201);
    } finally {
      await fresh.close();
    }
  });

  it('are refused when accepting an invitation, and the link still works afterwards', async () => {
    const invited = await apiClient(app, owner.token).post('/invitations', {
      email: 'ben@acme.test',
      role: 'member',
    });
    const token = invited.body.url.split('/').at(-1);
    const weak = await apiClient(app).post(`/public/invitations/${token}`, {
      name: 'Ben',
      password: 'qwerty123',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields).toEqual({ password: expect.stringMatching(TOO_COMMON) });
    const fine = await apiClient(app).post(`/public/invitations/${token}`, {
      name: 'Ben',
      password: 'ben rides at dawn',
    });
    expect(fine.status).toBe(201);
  });

  it('are refused by a reset, which leaves the link unused', async () => {
    const token = newSecret();
    await core.db.insert(passwordResets).values({
      id: randomUUID(),
      userId: ann.me.id,
      tokenHash: digest(token),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const weak = await apiClient(app).post(`/public/password-reset/${token}`, { password: 'password123' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields).toEqual({ password: expect.stringMatching(TOO_COMMON) });
    expect(
      (await apiClient(app).post(`/public/password-reset/${token}`, { password: 'ann new long secret' }))
        .status,
    ).toBe(204);
    ann.password = 'ann new long secret';
  });

  it('are refused by a password change, naming newPassword', async () => {
    const cookie = await cookieOf(ann.email, ann.password);
    const weak = await apiClient(app).post(
      '/me/password',
      { currentPassword: ann.password, newPassword: '123456789' },
      { cookie, ...browser },
    );
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields).toEqual({ newPassword: expect.stringMatching(TOO_COMMON) });
  });

  it('are refused for people an admin makes (the CLI)', async () => {
    const made = createUser(core.db, {
      workspaceName: 'Acme',
      name: 'Cal',
      email: 'cal@acme.test',
      password: 'letmein1',
      role: 'member',
    });
    await expect(made).rejects.toMatchObject({
      code: 'validation_failed',
      fields: { password: expect.stringMatching(TOO_COMMON) },
    });
  });

  it('are not judged at sign-in: an unknown address with a common password is a plain 401', async () => {
    const res = await signIn(app, 'nobody@acme.test', '12345678', '10.5.0.9');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
  });
});
