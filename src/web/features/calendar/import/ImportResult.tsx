import type { ApiError } from '../../../api/client.ts';
import type { ExclusionReason, ImportFormat, ImportSummary } from '../../../api/types.ts';
import { hrefOf } from '../../../shared/navigation.ts';

const FORMAT_LABELS: Record<ImportFormat, string> = {
  ics: 'Calendar (.ics)',
  'csv-generic': 'CSV',
  'csv-toggl': 'Toggl Track CSV',
  'csv-clockify': 'Clockify CSV',
  'csv-harvest': 'Harvest CSV',
  'csv-outlook': 'Outlook CSV',
};

export const EXCLUSION_LABELS: Record<ExclusionReason, string> = {
  all_day: 'all-day',
  multi_day: 'multi-day',
  declined: 'declined',
  free: 'shown as free',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

const formatDay = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

interface ImportResultProps {
  summary: ImportSummary;
  fileName?: string;
  /** Offered after a preview: run the import for real. */
  onImport?: () => void;
  /** Offered after an import: start over with another file. */
  onAnother?: () => void;
}

/** What an import did (or, for a preview, would do). */
export function ImportResult({ summary, fileName, onImport, onAnother }: ImportResultProps) {
  const dry = summary.dryRun;
  const excluded = (Object.entries(summary.excluded) as [ExclusionReason, number][]).filter(([, n]) => n > 0);
  const excludedTotal = excluded.reduce((sum, [, n]) => sum + n, 0);
  const figures: [string, number][] = [
    [dry ? 'would add' : 'added', summary.added],
    [dry ? 'would update' : 'updated', summary.updated],
    [dry ? 'would remove' : 'removed', summary.removed],
    ['unchanged', summary.unchanged],
  ];
  return (
    <section
      className={`import-result${dry ? ' import-result--preview' : ''}`}
      data-testid="import-result"
      aria-labelledby="import-result-title"
      aria-live="polite"
    >
      <header className="import-result__header">
        <div>
          <h3 id="import-result-title" className="import-result__title">
            {dry ? 'Preview — nothing has been written yet' : `Imported into ‘${summary.calendar.name}’`}
          </h3>
          <p className="muted small">
            {[fileName, FORMAT_LABELS[summary.format], dry ? `into ‘${summary.calendar.name}’` : null]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <span className={`pill ${dry ? 'pill--neutral' : 'pill--good'}`}>{dry ? 'Dry run' : 'Done'}</span>
      </header>

      <dl className="import-stats">
        {figures.map(([label, value]) => (
          <div key={label} className={`import-stats__item${value === 0 ? ' import-stats__item--zero' : ''}`}>
            <dd>{value.toLocaleString()}</dd>
            <dt>{label}</dt>
          </div>
        ))}
      </dl>

      <ul className="import-notes">
        <li>
          <strong>Shown but not counted:</strong>{' '}
          {excludedTotal === 0
            ? 'none'
            : excluded.map(([reason, n]) => `${n.toLocaleString()} ${EXCLUSION_LABELS[reason]}`).join(', ')}
          {excludedTotal > 0 && (
            <span className="muted"> — they appear on the Week page but are not counted as time.</span>
          )}
        </li>
        <li>
          {summary.toReview > 0 ? (
            <>
              <strong>{plural(summary.toReview, 'event')} to review:</strong>{' '}
              {dry ? 'no rule would decide their quadrant.' : 'no rule decided their quadrant. '}
              {!dry && <a href={hrefOf({ page: 'review' })}>Review them →</a>}
            </>
          ) : (
            <>
              <strong>Nothing to review:</strong> rules {dry ? 'would classify' : 'classified'} every counted
              event.
            </>
          )}
        </li>
        {summary.outsideWindow > 0 && (
          <li>
            <strong>{plural(summary.outsideWindow, 'event')} outside the import window</strong>
            <span className="muted">
              {' '}
              — Linchpin imports {formatDay(summary.window.from)} to {formatDay(summary.window.to)} (52 weeks
              back, 8 ahead); older and later events were left out.
            </span>
          </li>
        )}
        {summary.skippedCount > 0 && (
          <li>
            <strong>{plural(summary.skippedCount, 'event')} skipped</strong>
            <span className="muted"> — cancelled, zero-length or unreadable ones:</span>
          </li>
        )}
      </ul>
      {summary.skippedCount > 0 && (
        <SkippedList
          items={summary.skipped.map((s) => ({
            line: s.line,
            text: s.title ? `${s.title}: ${s.reason}` : s.reason,
          }))}
          more={summary.skippedCount - summary.skipped.length}
        />
      )}

      {(onImport || onAnother) && (
        <footer className="import-result__actions">
          {onImport && (
            <button type="button" className="button button--primary" onClick={onImport}>
              Import now
            </button>
          )}
          {onAnother && (
            <>
              <a className="button" href={hrefOf({ page: 'week' })}>
                Open the Week
              </a>
              <button type="button" className="button button--ghost" onClick={onAnother}>
                Import another file
              </button>
            </>
          )}
        </footer>
      )}
    </section>
  );
}

function SkippedList({ items, more }: { items: { line: number; text: string }[]; more: number }) {
  return (
    <div className="skipped" data-testid="skipped-list">
      <ol className="skipped__list">
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two problems may share a line.
          <li key={`${item.line}-${index}`}>
            <span className="skipped__line">{item.line > 0 ? `Line ${item.line}` : 'File'}</span>
            <span>{item.text}</span>
          </li>
        ))}
      </ol>
      {more > 0 && <p className="muted small">…and {plural(more, 'more')} not listed.</p>}
    </div>
  );
}

interface ImportFailureProps {
  error: ApiError;
  skipInvalid: boolean;
  onSkipInvalid: () => void;
}

/** Why the import was refused: the server's message, and the unreadable lines it named. */
export function ImportFailure({ error, skipInvalid, onSkipInvalid }: ImportFailureProps) {
  const lines: { line: number; text: string }[] = [];
  const other: string[] = [];
  for (const [field, message] of Object.entries(error.fields)) {
    const match = /^line (\d+)$/i.exec(field);
    if (match) lines.push({ line: Number(match[1]), text: message });
    else other.push(`${field}: ${message}`);
  }
  lines.sort((a, b) => a.line - b.line);
  const title =
    error.status === 413
      ? 'The file is too large'
      : error.status === 415
        ? 'Linchpin cannot read this kind of file'
        : error.code === 'aborted'
          ? 'Upload cancelled'
          : lines.length > 0
            ? `${plural(lines.length, 'event')} could not be read`
            : 'The import did not go through';
  return (
    <section className="import-failure" role="alert" data-testid="import-error">
      <h3 className="import-failure__title">{title}</h3>
      <p>{message(error)}</p>
      {other.length > 0 && (
        <ul className="import-failure__fields">
          {other.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {lines.length > 0 && (
        <>
          <SkippedList items={lines} more={0} />
          {!skipInvalid && (
            <div className="import-failure__actions">
              <button type="button" className="button button--small" onClick={onSkipInvalid}>
                Skip them and preview again
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function message(error: ApiError): string {
  const text = error.message.trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.') : '';
}
