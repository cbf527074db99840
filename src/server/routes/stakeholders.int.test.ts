import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { apiClient, buildAccount, buildStakeholder, importIcs } from '../../../test/factories.ts';
import { ics, vevent } from '../../../test/ics.ts';
import { fixedClock, setClock } from '../../core/time/clock.ts';

const { core, app, ann, colleague, outsider, close } = await testWorld({
  people: { ann: { timeZone: 'Europe/Amsterdam' }, colleague: {} },
});
afterAll(close);
afterEach(() => {
  setClock(null);
});

/** An hour's meeting in Amsterdam with one attendee. */
const meeting = (email: string, start: string) =>
  vevent(
    `UID:${email}-${start}`,
    'SUMMARY:Meeting',
    `DTSTART;TZID=Europe/Amsterdam:${start}`,
    `DTEND;TZID=Europe/Amsterdam:${start.slice(0, 9)}${String(Number(start.slice(9, 11)) + 1).padStart(2, '0')}0000`,
    `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${email}`,
  );

describe('stakeholders', () => {
  it('are added to an account, owned by our people, and their last contact comes from meetings', async () => {
    // The meetings below are in this quarter and inside the import window of this day.
    setClock(fixedClock('2026-11-23T12:00:00Z'));
    const api = apiClient(app, ann.token);
    const { account } = await buildAccount(core, {
      owner: ann,
      name: 'Northwind',
      domains: ['northwind.example'],
    });
    const created = await api.post(`/accounts/${account.id}/stakeholders`, {
      name: 'Priya Shah',
      title: 'Head of Supply Chain',
      email: 'Priya@Northwind.example',
      function: 'supply_chain',
      level: 'senior',
      influence: 4,
      attitude: 'supporter',
      strength: 3,
      ownerIds: [ann.me.id, colleague.me.id],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'priya@northwind.example',
      lastContactAt: null,
      contactsThisQuarter: 0,
    });
    expect(created.body.owners.map((o: any) => o.id).sort()).toEqual([ann.me.id, colleague.me.id].sort());
    const people = await api.get('/users');
    expect(people.body.items.map((u: any) => u.id).sort()).toEqual([ann.me.id, colleague.me.id].sort());
    expect(people.body.items[0]).not.toHaveProperty('email');

    const calendar = ics(
      ...meeting('priya@northwind.example', '20261102T100000'),
      ...meeting('priya@northwind.example', '20261116T140000'),
    );
    const imported = await importIcs(app, ann, calendar, 'cal.ics');
    expect(imported.status).toBe(200);
    const list = await api.get(`/accounts/${account.id}/stakeholders`);
    expect(list.body.items[0]).toMatchObject({
      name: 'Priya Shah',
      lastContactAt: '2026-11-16T13:00:00.000Z',
      contactsThisQuarter: 2,
    });
    const connectivity = await api.get(`/accounts/${account.id}/connectivity?losingTouchDays=3`);
    expect(connectivity.status).toBe(200);
    expect(connectivity.body.warnings.map((w: any) => w.kind)).toEqual(['single_contact']);
    expect(
      connectivity.body.coverage.find((c: any) => c.function === 'supply_chain' && c.level === 'senior'),
    ).toMatchObject({ stakeholders: 1, strength: 3 });
    expect(connectivity.body.losingTouch.map((p: any) => p.name)).toEqual(['Priya Shah']);
    const stranger = await apiClient(app, outsider.token).get(`/accounts/${account.id}/connectivity`);
    expect(stranger.status).toBe(404);
  });

  it('refuse bad input with the field named, duplicates with 409, and strangers with 404', async () => {
    const api = apiClient(app, ann.token);
    const { account } = await buildAccount(core, { owner: ann, name: 'Contoso' });
    const path = `/accounts/${account.id}/stakeholders`;
    const bad = await api.post(path, { name: 'X', influence: 9, level: 'boss' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['influence', 'level']));
    const foreignOwner = await api.post(path, { name: 'Y', ownerIds: [outsider.me.id] });
    expect(foreignOwner.status).toBe(400);
    expect(foreignOwner.body.error.fields).toHaveProperty('ownerIds');
    const first = await api.post(path, { name: 'Sam', email: 'sam@contoso.example' });
    expect(first.status).toBe(201);
    const twice = await api.post(path, { name: 'Sam again', email: 'SAM@contoso.example' });
    expect(twice.status).toBe(409);

    const stranger = apiClient(app, outsider.token);
    expect((await stranger.get(path)).status).toBe(404);
    expect((await stranger.post(path, { name: 'Z' })).status).toBe(404);
    expect((await stranger.patch(`/stakeholders/${first.body.id}`, { strength: 5 })).status).toBe(404);
    expect((await stranger.delete(`/stakeholders/${first.body.id}`)).status).toBe(404);

    const patched = await api.patch(`/stakeholders/${first.body.id}`, { strength: 5, attitude: 'champion' });
    expect(patched.body).toMatchObject({ strength: 5, attitude: 'champion' });
    expect((await api.delete(`/stakeholders/${first.body.id}`)).status).toBe(204);
    expect((await api.get(`/stakeholders/${first.body.id}`)).status).toBe(404);
  });

  it('count days since contact in calendar days where the user lives, the same at every hour', async () => {
    // Ann lives in Amsterdam. The meeting is at 23:00 on 1 November, the calendar date 30 days
    // before 1 December: it is 30 days ago all day long, so she is losing touch at 30 days.
    setClock(fixedClock('2026-12-01T07:00:00Z'));
    const api = apiClient(app, ann.token);
    const { account } = await buildStakeholder(core, {
      on: await buildAccount(core, { owner: ann, name: 'Fabrikam', domains: ['fabrikam.example'] }),
      name: 'Lena Late',
      email: 'lena@fabrikam.example',
    });
    const calendar = ics(
      ...vevent(
        'UID:late@fabrikam',
        'SUMMARY:Late call',
        'DTSTART;TZID=Europe/Amsterdam:20261101T230000',
        'DTEND;TZID=Europe/Amsterdam:20261101T234500',
        'ATTENDEE;PARTSTAT=ACCEPTED:mailto:lena@fabrikam.example',
      ),
    );
    const imported = await importIcs(app, ann, calendar, 'late.ics');
    expect(imported.status).toBe(200);
    // 00:30, 08:00, 08:59 and 23:30 in Amsterdam on 1 December.
    for (const at of [
      '2026-11-30T23:30:00Z',
      '2026-12-01T07:00:00Z',
      '2026-12-01T07:59:00Z',
      '2026-12-01T22:30:00Z',
    ]) {
      setClock(fixedClock(at));
      const connectivity = await api.get(`/accounts/${account.id}/connectivity?losingTouchDays=30`);
      expect(connectivity.body.losingTouch, at).toEqual([
        expect.objectContaining({ name: 'Lena Late', daysSinceContact: 30 }),
      ]);
    }
    // A minute after midnight on 2 December it is 31 days.
    setClock(fixedClock('2026-12-01T23:01:00Z'));
    const later = await api.get(`/accounts/${account.id}/connectivity?losingTouchDays=31`);
    expect(later.body.losingTouch[0]).toMatchObject({ name: 'Lena Late', daysSinceContact: 31 });
  });
});
