import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { apiClient, buildDecision } from '../../../test/factories.ts';
import { unsubscribeToken } from '../../core/digest/unsubscribe.ts';
import { refreshNotifications } from '../../core/notifications/due.ts';
import { fixedClock, setClock } from '../../core/time/clock.ts';

describe('the notification centre, settings and digest preview', async () => {
  const world = await testWorld({ people: { owner: { role: 'owner' }, ann: {}, ben: {} } });
  const { app, core, owner, ann, ben, outsider } = world;
  const as = (p: { token: string }) => apiClient(app, p.token);
  afterAll(world.close);
  afterEach(() => setClock(null));

  let ids: string[] = [];
  beforeAll(async () => {
    setClock(fixedClock('2026-12-02T10:00:00Z'));
    await buildDecision(core, { by: ann, title: 'Rush orders', reviewBy: '2026-12-02' });
    await buildDecision(core, { by: ann, title: 'Site reviews', reviewBy: '2026-11-30' });
    await refreshNotifications(core.db, ann.actor);
    await refreshNotifications(core.db, ann.actor); // a second pass tells nothing twice
    ids = (await as(ann).get('/notifications')).body.items.map((n: { id: string }) => n.id);
  });

  it('lists one’s notifications, newest first, with the unread count, each linking to the place to act', async () => {
    const list = await as(ann).get('/notifications?unread=true');
    expect(list.status).toBe(200);
    // Two decisions to review, and a Wednesday without big rocks.
    expect(list.body.unread).toBe(3);
    expect(list.body.items.map((n: { title: string }) => n.title).sort()).toEqual([
      'Plan your week 2026-W49: pick the big rocks',
      expect.stringContaining('Rush orders'),
      expect.stringContaining('Site reviews'),
    ]);
    for (const n of list.body.items.filter((i: { kind: string }) => i.kind === 'decision_review'))
      expect(n.url).toMatch(/^\/#\/accounts\/[^/]+\/decisions\/[^/]+$/);
    expect((await as(ben).get('/notifications')).body).toEqual({ items: [], unread: 0 });
    expect((await as(outsider).get('/notifications')).body.unread).toBe(0);
  });

  it('marks some or all read; another person’s id is a 404 naming it and changes nothing', async () => {
    const [first, second] = ids;
    const foreign = await as(ben).post('/notifications/read', { ids: [first] });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toContain(first);
    expect((await as(ann).get('/notifications')).body.unread).toBe(3);

    expect((await as(ann).post('/notifications/read', { ids: [first] })).status).toBe(204);
    const after = await as(ann).get('/notifications');
    expect(after.body.unread).toBe(2);
    expect(after.body.items.find((n: { id: string }) => n.id === first).readAt).not.toBeNull();
    const unread = (await as(ann).get('/notifications?unread=true')).body.items.map(
      (n: { id: string }) => n.id,
    );
    expect(unread).toContain(second);
    expect(unread).not.toContain(first);
    expect((await as(ann).post('/notifications/read', { all: true })).status).toBe(204);
    expect((await as(ann).get('/notifications')).body.unread).toBe(0);
  });

  it('refuses bad input with a 400 naming the problem', async () => {
    const nothing = await as(ann).post('/notifications/read', {});
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.fields).toHaveProperty('ids');
    expect((await as(ann).post('/notifications/read', { ids: 'x' })).status).toBe(400);
    expect((await as(ann).get('/notifications?unread=maybe')).status).toBe(400);
    const wrong = await as(ann).put('/me/notification-settings', { daily: 'yes' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty('daily');
    expect((await as(ann).put('/me/notification-settings', { hourly: true })).status).toBe(400);
    expect((await apiClient(app).get('/notifications')).status).toBe(401);
  });

  it('keeps each person’s digest settings, defaults first', async () => {
    expect((await as(ben).get('/me/notification-settings')).body).toEqual({
      weeklyPlan: true,
      fridayReflection: true,
      daily: false,
      email: true,
    });
    const put = await as(ben).put('/me/notification-settings', { daily: true, fridayReflection: false });
    expect(put.body).toEqual({ weeklyPlan: true, fridayReflection: false, daily: true, email: true });
    expect((await as(ben).get('/me/notification-settings')).body.daily).toBe(true);
    expect((await as(ann).get('/me/notification-settings')).body.daily).toBe(false);
  });

  it('previews the next digest: the daily one on a weekday morning when it is on', async () => {
    setClock(fixedClock('2026-12-02T05:00:00Z')); // Wednesday 05:00 in London
    const preview = await as(ben).get('/me/digest/preview');
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe('Due today, Wed 2 Dec');
    expect(preview.body.text).toContain('PLANNED FOR TODAY');
    expect(preview.body.html).toContain('<!doctype html>');
    // The page the preview frames: the mail itself, sandboxed, framed by the app only.
    const page = await app.request('/api/me/digest/preview/html', {
      headers: { authorization: `Bearer ${ben.token}` },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Due today, Wed 2 Dec');
    expect(page.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const monday = await as(ann).get('/me/digest/preview');
    expect(monday.body.subject).toBe('Reflect on your week 2026-W49');
  });

  it('an unsubscribe link opens a page with one button (a GET changes nothing); a forged one is a 404', async () => {
    const token = unsubscribeToken(core.secret, ann.me.id, 'weekly_plan');
    const page = await app.request(`/api/public/unsubscribe/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    expect((await as(ann).get('/me/notification-settings')).body.weeklyPlan).toBe(true);
    const forged = unsubscribeToken('another secret', ann.me.id, 'weekly_plan');
    const refused = await app.request(`/api/public/unsubscribe/${forged}`, { method: 'POST' });
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.code).toBe('not_found');
    const other = token.replace(ann.me.id, ben.me.id);
    expect((await app.request(`/api/public/unsubscribe/${other}`, { method: 'POST' })).status).toBe(404);
    expect((await app.request(`/api/public/unsubscribe/${token}`, { method: 'POST' })).status).toBe(200);
    expect((await as(ann).get('/me/notification-settings')).body.weeklyPlan).toBe(false);
  });

  it('shows mail delivery to the owner only', async () => {
    expect((await as(ann).get('/workspace/mail-delivery')).status).toBe(403);
    expect((await as(owner).get('/workspace/mail-delivery')).body).toEqual({
      configured: false,
      publicAddress: 'http://localhost', // remembered from the owner's own requests
      problems: [],
    });
  });
});
