import { describe, expect, it } from 'vitest';
import { mailHtml, mailText } from '../mail/layout.ts';
import { toSplit, type WeekReport } from '../reports/week-report.ts';
import { type DigestFacts, digestDocument } from './content.ts';

const report = {
  week: '2026-W49',
  ...toSplit({ q1: 120, q2: 300, q3: 120, q4: 60 }),
  targets: {
    q2: { min: 0.35, actual: 0.5, met: true, off: 0 },
    q4: { max: 0.05, actual: 0.1, met: false, off: 0.05 },
  },
  summary: 'The week drifted.',
} as unknown as WeekReport;

const facts = (over: Partial<DigestFacts> = {}): DigestFacts => ({
  kind: 'weekly_plan',
  name: 'Ann Example',
  origin: 'https://linchpin.example',
  timeZone: 'Europe/Berlin',
  day: '2026-12-07',
  week: '2026-W50',
  report,
  suggestions: [{ title: 'Reconnect with Dana (Northwind)' }],
  due: [
    { title: 'Review the decision "<b>Rush</b> & co"', url: '/#/accounts/a/decisions/d', on: '2026-12-09' },
  ],
  actions: [],
  prompts: ['What should I learn?'],
  unsubscribeUrl: 'https://linchpin.example/api/public/unsubscribe/t',
  settingsUrl: 'https://linchpin.example/#/settings/notifications',
  ...over,
});

describe('digest mails', () => {
  it('the Monday mail: last week against targets, suggestions, what is due with its day, and how to stop it', () => {
    const { subject, doc } = digestDocument(facts());
    expect(subject).toBe('Plan your week 2026-W50');
    const text = mailText(doc);
    expect(text).toContain('Q2 Build the legacy: 50 % · 5.0 h ✓ target ≥ 35 %');
    expect(text).toContain('Q4 Drop or delegate: 10 % · 1.0 h ✗ limit ≤ 5 %');
    expect(text).toContain('- Reconnect with Dana (Northwind)');
    expect(text).toContain('Wed 9 Dec\n  https://linchpin.example/#/accounts/a/decisions/d');
    expect(text).toContain('Unsubscribe from this mail: https://linchpin.example/api/public/unsubscribe/t');
  });

  it('escapes what people wrote, and links nowhere but Linchpin', () => {
    const html = mailHtml(digestDocument(facts()).doc);
    expect(html).toContain('&lt;b&gt;Rush&lt;/b&gt; &amp; co');
    expect(html).not.toContain('<b>Rush');
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(2);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/linchpin\.example\//);
    expect(html).not.toMatch(/<img|<script|src=/);
  });

  it('says so when nothing was logged or nothing is due', () => {
    const text = mailText(
      digestDocument(facts({ report: { ...report, totalMinutes: 0 }, due: [], suggestions: [] })).doc,
    );
    expect(text).toContain('Nothing was logged last week.');
    expect(text).toContain('No decisions to review and no follow-ups due.');
  });

  it('the daily mail lists today’s actions with their times, and the Friday mail the prompts', () => {
    const daily = digestDocument(
      facts({
        kind: 'daily',
        report: null,
        actions: [{ title: 'Call Dana', startTime: '09:30', minutes: 30 }],
      }),
    );
    expect(daily.subject).toBe('Due today, Mon 7 Dec');
    expect(mailText(daily.doc)).toContain('- 09:30 Call Dana (30 min)');
    const friday = digestDocument(facts({ kind: 'friday_reflection', week: '2026-W49' }));
    expect(friday.subject).toBe('Reflect on your week 2026-W49');
    expect(mailText(friday.doc)).toContain('- What should I learn?');
    expect(mailText(friday.doc)).toContain('because "Reflect on your week" is on');
  });
});
