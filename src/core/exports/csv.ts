import { stringify } from 'csv-stringify/sync';
import type { ActivityView } from '../activities/schemas.ts';
import { escapeCell, GENERIC_COLUMNS } from '../calendar/csv/generic.ts';

/** Makes Excel open the file as UTF-8 (account names with accents); the importer skips it. */
export const UTF8_BOM = '\uFEFF';

/** One activity as a row of the generic CSV columns (GENERIC_COLUMNS, in that order). */
export function activityCsvRow(activity: ActivityView): string[] {
  return [
    escapeCell(activity.title),
    activity.startsAt,
    activity.endsAt,
    String(activity.minutes),
    String(activity.urgent),
    String(activity.important),
    escapeCell(activity.accountName ?? ''),
    activity.kind,
    String(activity.commercial),
    activity.status,
    escapeCell(activity.notes ?? ''),
    activity.id,
  ];
}

/** Activities as generic CSV text: the header (when asked for) and one row each. */
export function activitiesCsv(activities: ActivityView[], options: { header?: boolean } = {}): string {
  const rows = activities.map(activityCsvRow);
  return stringify(options.header === false ? rows : [[...GENERIC_COLUMNS], ...rows]);
}
