import { describe, expect, it, onTestFinished } from 'vitest';
import { screenshot } from './browser.ts';
import { localToday } from './dates.ts';
import { fileHarness, type Person } from './harness.ts';
import { SettingsPage } from './pages/settings.ts';
import { TeamPage } from './pages/team.ts';
import { WeekPage } from './pages/week.ts';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const app = fileHarness({ name: 'team', context: { viewport: DESKTOP } });

/** Logs today's activities: `q2` minutes of Q2 work and `q1` of Q1. */
async function logDay(person: Person, q2: number, q1: number) {
  const startsAt = `${localToday()}T09:00`;
  await person.post('/activities', {
    title: 'Private: workshop with the buyer',
    startsAt,
    minutes: q2,
    important: true,
    urgent: false,
  });
  await person.post('/activities', {
    title: 'Private: escalation',
    startsAt: `${localToday()}T14:00`,
    minutes: q1,
    important: true,
    urgent: true,
  });
}

/** A leader with three members who logged time today: 3 h, 2 h and 1.5 h, all Q2-heavy. */
async function leaderWithTeam(prefix: string) {
  const leader = await app.person(`${prefix} Leader`, { role: 'leader' });
  const members = [
    await app.person(`${prefix} Ada`, { leaderId: leader.id }),
    await app.person(`${prefix} Bo`, { leaderId: leader.id }),
    await app.person(`${prefix} Cy`, { leaderId: leader.id }),
  ];
  await logDay(members[0] as Person, 120, 60);
  await logDay(members[1] as Person, 90, 30);
  await logDay(members[2] as Person, 60, 30);
  return { leader, members };
}

async function teamOf(leader: Person): Promise<TeamPage> {
  const team = new TeamPage(await app.page(leader));
  await new WeekPage(team.page).open();
  await team.openFromHeader();
  return team;
}

describe('the team page, in a browser', () => {
  it('a leader sees the figures of the three people reporting to them, and the heatmap', async () => {
    const { leader } = await leaderWithTeam('Lee');
    const team = await teamOf(leader);
    await expect.poll(() => team.people.count()).toBe(3);
    expect(await team.people.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-person')))).toEqual([
      'Lee Ada',
      'Lee Bo',
      'Lee Cy',
    ]);
    const ada = await team.rowCells(team.person('Lee Ada'));
    expect(ada[0]).toBe('Lee Ada');
    expect(ada[1]).toBe('3.0 h');
    // Q2 is two thirds of her day; the default Q2 target (≥ 35 %) is met.
    expect(ada[3]).toMatch(/^67 %.*✓/);
    expect(await team.teamHours.textContent()).toBe('6.5 h');
    await team.heatmap.waitFor();
    expect(await team.heatmap.getByRole('button').count()).toBeGreaterThan(0);
    // No title of anyone's activity reaches the leader.
    expect(await team.page.getByText('Private:').count()).toBe(0);
    await screenshot(team.page, 'team-leader-desktop');

    await team.page.setViewportSize(PHONE);
    await expect
      .poll(() => team.page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(PHONE.width);
    await screenshot(team.page, 'team-leader-phone');
  });

  it('in aggregate mode the leader sees no per-person rows and no heatmap', async () => {
    const { leader } = await leaderWithTeam('Agg');
    await app.owner.put('/workspace/team-privacy', { mode: 'aggregate', minGroupSize: 5 });
    onTestFinished(() => app.owner.put('/workspace/team-privacy', { mode: 'per-person', minGroupSize: 5 }));
    const team = await teamOf(leader);
    await team.aggregateNote.waitFor();
    expect(await team.aggregateNote.textContent()).toContain('totals need at least 5 people');
    expect(await team.people.count()).toBe(0);
    expect(await team.heatmap.count()).toBe(0);
    // Three people are fewer than five: no totals either.
    await team.page.getByText('Fewer than 5 people contributed').waitFor();
    await screenshot(team.page, 'team-aggregate');
  });

  it("a member's What my leader sees matches their row on the leader's page", async () => {
    const { leader, members } = await leaderWithTeam('Mat');
    const bo = members[1] as Person;
    const team = await teamOf(leader);
    await team.person('Mat Bo').waitFor();
    const onLeadersPage = await team.rowCells(team.person('Mat Bo'));

    const settings = new SettingsPage(await app.page(bo));
    await new WeekPage(settings.page).open();
    await settings.openSection('What my leader sees');
    await settings.leaderViewRow.waitFor();
    expect(await team.rowCells(settings.leaderViewRow)).toEqual(onLeadersPage);
    expect(await settings.leaderViewMode.textContent()).toBe('per person');
    expect(await settings.leaderViewWho.textContent()).toContain('Mat Leader and the workspace owner (');
    await screenshot(settings.page, 'team-leader-view');

    // A member has no Team link, and the address says what the page is for.
    expect(await settings.page.getByRole('link', { name: 'Team', exact: true }).count()).toBe(0);
    const member = new TeamPage(settings.page);
    await settings.page.goto('/#/team');
    await member.forLeaders.waitFor();
  });
});
