import { useState } from 'react';
import { type ApiQuery, apiErrorOf } from '../../../../client/index.ts';
import { ApiError, NETWORK_MESSAGE } from '../../../api/client.ts';
import { Field, FormError } from '../../../shared/Field.tsx';
import { problemOf } from '../../../shared/forms.ts';

type ExportQuery = ApiQuery<'/exports/activities', 'get'>;
type ExportFormat = NonNullable<ExportQuery['format']>;

/**
 * Fetches the export and hands it to the browser as a download, so a failure can be explained here
 * (a file, not JSON: read as a blob with its file name, beside the typed client).
 */
async function download(format: ExportFormat, from: string, to: string): Promise<void> {
  const params: ExportQuery = { format };
  if (from) params.from = from;
  if (to) params.to = to;
  let response: Response;
  try {
    response = await fetch(`/api/exports/activities?${new URLSearchParams(params)}`, {
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (!response.ok) {
    throw apiErrorOf(
      response.status,
      await response.json().catch(() => undefined),
      `The export failed (${response.status} ${response.statusText})`.trim(),
    );
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName =
    /filename="?([^";]+)"?/i.exec(disposition)?.[1] ??
    `linchpin-activities${from ? `-${from}` : ''}${to ? `-to-${to}` : ''}.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the user's activities as CSV (Linchpin's generic import format) or JSON. */
export function ExportPanel() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rangeError = from && to && from > to ? 'The end is before the start' : undefined;

  const start = async (format: ExportFormat) => {
    if (rangeError) return;
    setBusy(format);
    setError(null);
    try {
      await download(format, from, to);
    } catch (failure) {
      setError(problemOf(failure).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="export-title">
      <div className="panel__header">
        <h2 className="panel__title" id="export-title">
          Export
        </h2>
        <span className="panel__subtitle">Your activities, e.g. for a spreadsheet or another tool.</span>
      </div>
      <div className="export">
        <div className="export__range">
          <Field label="Export from">
            {(control) => (
              <input {...control} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            )}
          </Field>
          <Field label="Export until" error={rangeError}>
            {(control) => (
              <input {...control} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            )}
          </Field>
        </div>
        <FormError message={error} />
        <div className="export__actions">
          <button
            type="button"
            className="button"
            onClick={() => start('csv')}
            disabled={busy !== null || Boolean(rangeError)}
          >
            {busy === 'csv' ? 'Preparing…' : 'Download CSV'}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => start('json')}
            disabled={busy !== null || Boolean(rangeError)}
          >
            {busy === 'json' ? 'Preparing…' : 'Download JSON'}
          </button>
        </div>
        <p className="muted small">
          Leave the days empty to export everything. The CSV uses Linchpin's generic import format, so it can
          be imported again.
        </p>
      </div>
    </section>
  );
}
