import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { apiClient, buildAccount, importIcs } from '../../../test/factories.ts';
import { ics, vevent } from '../../../test/ics.ts';
import { activities, workspaces } from '../db/schema/index.ts';
import { fixedClock, setClock } from '../time/clock.ts';

// A stakeholder's last contact and this quarter's count are read from `attendances`, which triggers
// keep from activities: every way an activity changes must show on the stakeholder at once.
const { core, app, ann, outsider, close } = await testWorld({
  people: { ann: { timeZone: 'Europe/Amsterdam' } },
});
afterAll(close);
afterEach(() => setClock(null));

const meeting = (uid: string, start: string, ...emails: string[]) =>
  vevent(
    `UID:${uid}`,
    'SUMMARY:Meeting',
    `DTSTART:${start}`,
    `DTEND:${start.slice(0, 9)}${String(Number(start.slice(9, 11)) + 1).padStart(2, '0')}0000Z`,
    ...emails.map((email) => `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${email}`),
  );

describe('a stakeholder’s contacts follow the activities', () => {
  it('when meetings are imported, moved, deleted, restored, lose the attendee or are removed for good', async () => {
    setClock(fixedClock('2026-11-23T12:00:00Z'));
    const api = apiClient(app, ann.token);
    const { account } = await buildAccount(core, { owner: ann, domains: ['fabrikam.example'] });
    const priya = 'priya@fabrikam.example';
    await api.post(`/accounts/${account.id}/stakeholders`, { name: 'Priya', email: priya });
    const contact = async () => {
      const { body } = await api.get(`/accounts/${account.id}/stakeholders`);
      const [row] = body.items;
      return { last: row.lastContactAt, quarter: row.contactsThisQuarter };
    };
    const imported = await importIcs(
      app,
      ann,
      ics(
        ...meeting('a', '20261102T100000Z', priya, 'ann@example.com'),
        ...meeting('b', '20261116T130000Z', priya),
        ...meeting('later', '20261130T130000Z', priya),
      ),
      'cal.ics',
    );
    expect(imported.status).toBe(200);
    // The meeting next week is not a contact yet.
    expect(await contact()).toEqual({ last: '2026-11-16T13:00:00.000Z', quarter: 2 });

    // Another workspace meeting the same address changes nothing here.
    expect(
      (await importIcs(app, outsider, ics(...meeting('x', '20261120T100000Z', priya)), 'x.ics')).status,
    ).toBe(200);
    expect(await contact()).toEqual({ last: '2026-11-16T13:00:00.000Z', quarter: 2 });

    const ids = Object.fromEntries(
      (await core.db.select({ id: activities.id, at: activities.startsAt }).from(activities)).map((a) => [
        a.at.toISOString().slice(0, 10),
        a.id,
      ]),
    );
    const [latest, first] = [ids['2026-11-16'], ids['2026-11-02']] as [string, string];

    expect((await api.delete(`/activities/${latest}`)).status).toBe(204);
    expect(await contact()).toEqual({ last: '2026-11-02T10:00:00.000Z', quarter: 1 });
    expect((await api.post(`/activities/${latest}/restore`, {})).status).toBe(200);
    expect(await contact()).toEqual({ last: '2026-11-16T13:00:00.000Z', quarter: 2 });

    // Moved into the last quarter: still the last contact's history, no longer this quarter's.
    const moved = await api.patch(`/activities/${latest}`, {
      startsAt: '2026-09-01T10:00:00Z',
      endsAt: '2026-09-01T11:00:00Z',
    });
    expect(moved.status).toBe(200);
    expect(await contact()).toEqual({ last: '2026-11-02T10:00:00.000Z', quarter: 1 });

    // Priya taken off the first meeting's attendees.
    await core.db
      .update(activities)
      .set({ attendees: [{ email: 'ann@example.com', name: null, partstat: null }] })
      .where(eq(activities.id, first));
    expect(await contact()).toEqual({ last: '2026-09-01T10:00:00.000Z', quarter: 0 });

    await core.db.delete(activities).where(eq(activities.id, latest));
    expect(await contact()).toEqual({ last: null, quarter: 0 });
    const orphans = await core.db.execute<{ n: number }>(
      sql`select count(*)::int as n from attendances t where not exists (select 1 from activities a where a.id = t.activity_id)`,
    );
    expect(orphans.rows[0]?.n).toBe(0);

    // A workspace removed takes its people's meetings, and with them their attendances.
    const counted = async () =>
      (
        await core.db.execute<{ n: number }>(
          sql`select count(*)::int as n from attendances where workspace_id = ${outsider.me.workspace.id}`,
        )
      ).rows[0]?.n;
    expect(await counted()).toBe(1);
    await core.db.delete(workspaces).where(eq(workspaces.id, outsider.me.workspace.id));
    expect(await counted()).toBe(0);
  });

  it('when a re-import moves a meeting or changes who came', async () => {
    setClock(fixedClock('2026-11-23T12:00:00Z'));
    const api = apiClient(app, ann.token);
    const { account } = await buildAccount(core, { owner: ann, domains: ['contoso.example'] });
    const [lee, kim] = ['lee@contoso.example', 'kim@contoso.example'];
    for (const [name, email] of [
      ['Lee', lee],
      ['Kim', kim],
    ]) {
      await api.post(`/accounts/${account.id}/stakeholders`, { name, email });
    }
    const contacts = async () => {
      const { body } = await api.get(`/accounts/${account.id}/stakeholders`);
      return Object.fromEntries(
        body.items.map((s: any) => [s.email, [s.lastContactAt, s.contactsThisQuarter]]),
      );
    };
    const calendar = (start: string, ...emails: string[]) => ics(...meeting('review', start, ...emails));
    expect((await importIcs(app, ann, calendar('20261110T090000Z', lee), 'contoso.ics')).status).toBe(200);
    expect(await contacts()).toEqual({ [lee]: ['2026-11-10T09:00:00.000Z', 1], [kim]: [null, 0] });
    // The same event (same UID, same file) moved to another day, with Kim instead of Lee.
    expect((await importIcs(app, ann, calendar('20261117T090000Z', kim), 'contoso.ics')).status).toBe(200);
    expect(await contacts()).toEqual({ [lee]: [null, 0], [kim]: ['2026-11-17T09:00:00.000Z', 1] });
  });
});
