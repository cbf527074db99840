import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { apiClient, buildPerson, signIn } from '../../../test/factories.ts';

const { core, app, close } = await testApp();
afterAll(close);

describe('demo data', () => {
  it('fills an empty history once, with three accounts that know their customers’ domains', async () => {
    const api = apiClient(app, (await buildPerson(core)).token);
    const res = await api.post('/demo');
    expect(res.status).toBe(201);
    expect(res.body.activities).toBeGreaterThan(100);
    const accounts = await api.get('/accounts');
    expect(accounts.body.items.map((a: any) => [a.name, a.domains])).toEqual([
      ['Contoso Retail', ['contoso.example']],
      ['Fabrikam Logistics', ['fabrikam.example']],
      ['Northwind Foods', ['northwind.example']],
    ]);
    const again = await api.post('/demo');
    expect(again.status).toBe(409);
  });

  it('brings a small team with a leader and an open invitation when the owner is alone, and none otherwise', async () => {
    const founder = await buildPerson(core, { role: 'owner', name: 'Fran Founder' });
    const api = apiClient(app, founder.token);
    await api.post('/demo');
    const people = (await api.get('/users')).body.items;
    expect(people.map((p: { name: string; role: string }) => [p.name, p.role])).toEqual([
      ['Daniel Okoro', 'member'],
      ['Fran Founder', 'owner'],
      ['Marcus Webb', 'member'],
      ['Priya Natarajan', 'leader'],
      ['Sofia Lindqvist', 'member'],
    ]);
    const priya = people.find((p: { name: string }) => p.name === 'Priya Natarajan');
    expect(people.filter((p: { leaderId: string }) => p.leaderId === priya.id)).toHaveLength(2);
    expect(
      people.every((p: { email: string }) => p.email === founder.email || p.email.endsWith('.invalid')),
    ).toBe(true);
    const invited = (await api.get('/invitations')).body.items;
    expect(invited).toEqual([
      expect.objectContaining({ role: 'member', status: 'pending', leaderId: priya.id }),
    ]);
    // The demo team cannot sign in: they have no password.
    expect((await signIn(app, priya.email, 'correct horse battery')).status).toBe(401);

    // The team logged its own 12 weeks: the team page has figures to compare.
    const team = (await api.get(`/team?leaderId=${priya.id}`)).body;
    expect(team.people.map((p: { name: string }) => p.name)).toEqual(['Marcus Webb', 'Sofia Lindqvist']);
    const [marcus, sofia] = team.people;
    expect(marcus.totalMinutes).toBeGreaterThan(0);
    expect(sofia.quadrants.q2.share).toBeGreaterThan(marcus.quadrants.q2.share);
    expect(sofia.plannedQ2Minutes).toBe(12 * 60);
    expect([marcus.reflected, sofia.reflected]).toEqual([false, true]);
    expect(team.accounts.length).toBeGreaterThan(0);
    const whole = (await api.get('/team')).body;
    expect(whole.people).toHaveLength(5);
    expect(whole.team.q2Trend.filter((p: { share: number | null }) => p.share !== null)).toHaveLength(12);

    const colleague = await buildPerson(core, { colleagueOf: founder });
    await apiClient(app, colleague.token).post('/demo');
    expect((await api.get('/users')).body.items).toHaveLength(6);
  });
});
