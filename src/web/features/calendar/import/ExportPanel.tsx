import { useState } from 'react';
import { type ApiQuery, apiErrorOf } from '../../../../client/index.ts';
import { ApiError, NETWORK_MESSAGE } from '../../../api/client.ts';
import { FormError, TextField } from '../../../shared/Field.tsx';
import { problemOf } from '../../../shared/forms.ts';
import { Panel } from '../../../shared/Panel.tsx';

type ExportQuery = ApiQuery<'/exports/activities', 'get'>;
type ExportFormat = NonNullable<ExportQuery['format']>;

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'Download CSV' },
  { format: 'json', label: 'Download JSON' },
];

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
    <Panel title="Export" subtitle="Your activities, e.g. for a spreadsheet or another tool.">
      <div className="export">
        <div className="export__range">
          <TextField label="Export from" type="date" value={from} onChange={setFrom} />
          <TextField label="Export until" type="date" error={rangeError} value={to} onChange={setTo} />
        </div>
        <FormError message={error} />
        <div className="export__actions">
          {FORMATS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              className="button"
              onClick={() => start(format)}
              disabled={busy !== null || Boolean(rangeError)}
            >
              {busy === format ? 'Preparing…' : label}
            </button>
          ))}
        </div>
        <p className="muted small">
          Leave the days empty to export everything. The CSV uses Linchpin's generic import format, so it can
          be imported again.
        </p>
      </div>
    </Panel>
  );
}
