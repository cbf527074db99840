import { PageIntro } from '../../../shared/PageIntro.tsx';
import { CalendarsPanel } from './CalendarsPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { UploadPanel } from './UploadPanel.tsx';

/** #/import: bring calendars and time-tracker exports in, keep subscriptions in sync, take data out. */
export function ImportPage() {
  return (
    <div className="import-page">
      <PageIntro
        title="Import"
        intro="Bring in your calendar or time-tracker exports. Rules put each event in a quadrant; what they cannot decide waits in Review. All-day, declined and free events are shown but never counted as time."
      />
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
