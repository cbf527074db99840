import { describe, expect, it } from 'vitest';
import type { ActivityView } from '../activities/schemas.ts';
import { activitiesCsv, activityCsvRow } from './csv.ts';

const activity: ActivityView = {
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  title: '=Q2 plan, "draft"',
  startsAt: '2026-11-20T10:00:00+01:00',
  endsAt: '2026-11-20T11:30:00+01:00',
  minutes: 90,
  timeZone: 'Europe/Berlin',
  urgent: false,
  important: true,
  quadrant: 'q2',
  goalId: null,
  goalTitle: null,
  accountId: 'a1',
  accountName: 'Müller GmbH',
  kind: 'customer_meeting',
  commercial: true,
  status: 'done',
  notes: 'line 1\nline 2',
  source: 'manual',
  sourceId: null,
  allDay: false,
  excludedReason: null,
  classification: 'manual',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
};

describe('generic CSV export', () => {
  it('writes the generic header and one quoted, formula-safe row per activity', () => {
    expect(activitiesCsv([activity])).toBe(
      'title,startsAt,endsAt,minutes,urgent,important,account,kind,commercial,status,notes,id\n' +
        `"'=Q2 plan, ""draft""",2026-11-20T10:00:00+01:00,2026-11-20T11:30:00+01:00,90,false,true,Müller GmbH,customer_meeting,true,done,"line 1\nline 2",6f1c2d3e-0000-4000-8000-000000000001\n`,
    );
  });

  it('leaves account and notes empty when there are none, and can leave the header out', () => {
    const row = activityCsvRow({ ...activity, accountName: null, notes: null, title: 'Plain' });
    expect(row[6]).toBe('');
    expect(row[10]).toBe('');
    expect(activitiesCsv([], { header: false })).toBe('');
  });
});
