import { CalendarsPanel } from './CalendarsPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { UploadPanel } from './UploadPanel.tsx';

/** #/import: bring calendars and time-tracker exports in, keep subscriptions in sync, take data out. */
export function ImportPage() {
  return (
    <div className="import-page">
      <div className="page-intro">
        <h1>Import</h1>
        <p className="muted">
          Bring in your calendar or time-tracker exports. Rules put each event in a quadrant; what they cannot
          decide waits in Review. All-day, declined and free events are shown but never counted as time.
        </p>
      </div>
      <div className="import-layout">
        <UploadPanel />
        <aside className="import-side">
          <CalendarsPanel />
          <ExportPanel />
        </aside>
      </div>
    </div>
  );
}
