import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { fileHarness } from './harness.ts';
import { PlanPage } from './pages/plan.ts';
import { WeekPage } from './pages/week.ts';

const app = fileHarness({ name: 'plan', context: { viewport: { width: 1440, height: 1100 } } });

describe('planning the week, in a browser', () => {
  it('plans two big rocks, schedules one, marks it done and sees planned vs actual', async () => {
    const plan = new PlanPage(await app.page(await app.person('Paul Planner')));
    await new WeekPage(plan.page).open();
    await plan.openFromHeader();
    await plan.page.getByText('No big rocks yet this week.').waitFor();

    await plan.addRock('Meet the COO', '2');
    await plan.addRock('Draft the joint account plan', '1');

    // Monday of this week at 00:00: already begun whenever the test runs.
    await plan.schedule('Meet the COO', '00:00');
    await expect
      .poll(() => plan.figures('Meet the COO').textContent())
      .toBe('0.0 h done · 1.0 h scheduled of 2.0 h');

    await plan.toggleDone('Meet the COO');
    await expect.poll(() => plan.item('Meet the COO').getByRole('checkbox').isChecked()).toBe(true);
    await expect
      .poll(() => plan.figures('Meet the COO').textContent())
      .toBe('1.0 h done · 1.0 h scheduled of 2.0 h');
    await expect
      .poll(() => plan.plannedVsActual.getByRole('row', { name: /Q2/ }).textContent())
      .toMatch(/Q2\s*3\.0 h\s*1\.0 h/);
    await screenshot(plan.page, 'plan-week');

    // The done action is time on the matrix: the week report counts it in Q2.
    await plan.follow('The week’s report');
    const week = new WeekPage(plan.page);
    await week.card('Meet the COO').waitFor();
    await expect.poll(() => week.planSummary.textContent()).toMatch(/Q2 planned 3\.0 h, actual 1\.0 h/);
    expect(await week.card('Meet the COO').getAttribute('data-quadrant')).toBe('q2');
  });
});
