import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type FormEvent, useId, useRef, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import type { ImportSummary } from '../../../api/types.ts';
import { type ImportProgress, uploadImport } from '../../../api/upload.ts';
import { Field, TextField } from '../../../shared/Field.tsx';
import { PanelHeading } from '../../../shared/Panel.tsx';
import { ImportFailure, ImportResult } from './ImportResult.tsx';
import { refreshAfterImport, useCalendars } from './import-queries.ts';

/** The server's limit (50 MB); larger files are refused before they are sent. */
const MAX_BYTES = 50 * 1024 * 1024;
const NEW_CALENDAR = '';

type Run =
  | { state: 'idle' }
  | { state: 'running'; dryRun: boolean; progress: ImportProgress }
  | { state: 'done'; summary: ImportSummary; fileName: string }
  | { state: 'failed'; error: ApiError; dryRun: boolean };

const baseName = (fileName: string) => fileName.replace(/\.[^.]+$/, '').trim() || fileName;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function kindOfFile(name: string): string {
  if (/\.(ics|ical|ifb)$/i.test(name)) return 'Calendar file (.ics)';
  if (/\.csv$/i.test(name)) return 'CSV export';
  return 'Unknown type: Linchpin will try to read it';
}

/** Drop zone, calendar choice, options, Preview / Import with progress, and the result. */
export function UploadPanel() {
  const queryClient = useQueryClient();
  const calendars = useCalendars();
  const fileCalendars = (calendars.data ?? []).filter((c) => c.kind === 'file');
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [target, setTarget] = useState(NEW_CALENDAR);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const running = run.state === 'running';
  const titleId = useId();

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setRun({ state: 'idle' });
    setNameError(null);
    if (chosen.size > MAX_BYTES) {
      setFile(null);
      setFileError(`${chosen.name} is ${formatBytes(chosen.size)}; the import limit is 50 MB.`);
      return;
    }
    setFile(chosen);
    setFileError(chosen.size === 0 ? `${chosen.name} is empty.` : null);
    // Uploading a file again updates the calendar it made the first time (matched by name).
    const suggested = baseName(chosen.name);
    const existing = fileCalendars.find((c) => c.name.toLowerCase() === suggested.toLowerCase());
    setTarget(existing?.id ?? NEW_CALENDAR);
    setName(suggested);
  };

  const clearFile = () => {
    setFile(null);
    setFileError(null);
    setRun({ state: 'idle' });
    if (input.current) input.current.value = '';
  };

  const start = async (dryRun: boolean, skip = skipInvalid) => {
    if (!file) {
      setFileError('Choose a file to import first.');
      return;
    }
    if (target === NEW_CALENDAR && !name.trim()) {
      setNameError('Give the calendar a name');
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setRun({ state: 'running', dryRun, progress: { phase: 'uploading', done: 0, total: file.size } });
    try {
      const summary = await uploadImport(
        file,
        {
          fileName: file.name,
          calendarId: target || undefined,
          calendar: target ? undefined : name.trim(),
          dryRun,
          skipInvalid: skip,
        },
        (progress) => setRun((current) => (current.state === 'running' ? { ...current, progress } : current)),
        controller.signal,
      );
      setRun({ state: 'done', summary, fileName: file.name });
      if (!dryRun) {
        await refreshAfterImport(queryClient);
        // The calendar now exists: a second import of the same file updates it.
        if (summary.calendar.id) setTarget(summary.calendar.id);
      }
    } catch (error) {
      const problem =
        error instanceof ApiError
          ? error
          : new ApiError(0, 'unknown', String((error as Error)?.message ?? error));
      setRun({ state: 'failed', error: problem, dryRun });
    } finally {
      abort.current = null;
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    start(false);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!running) choose(event.dataTransfer.files[0]);
  };

  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = running ? 'none' : 'copy';
    setDragging(true);
  };

  return (
    <form className="panel upload" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <PanelHeading
        title="Import a file"
        titleId={titleId}
        subtitle="Up to 50 MB. Preview first: it shows what would change."
      />

      <section
        aria-label="Drop zone"
        className={`dropzone${dragging ? ' dropzone--over' : ''}${file ? ' dropzone--filled' : ''}`}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <input
          ref={input}
          type="file"
          className="sr-only"
          tabIndex={-1}
          aria-label="Calendar file"
          accept=".ics,.ical,.csv,text/calendar,text/csv"
          onChange={(e) => choose(e.target.files?.[0])}
        />
        {file ? (
          <div className="dropzone__file">
            <FileIcon />
            <div className="dropzone__file-text">
              <strong className="dropzone__name" data-testid="chosen-file">
                {file.name}
              </strong>
              <span className="muted small">
                {kindOfFile(file.name)} · {formatBytes(file.size)}
              </span>
            </div>
            <button
              type="button"
              className="button button--small"
              onClick={() => input.current?.click()}
              disabled={running}
            >
              Replace…
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={clearFile}
              disabled={running}
            >
              Remove
            </button>
          </div>
        ) : (
          <div className="dropzone__empty">
            <UploadIcon />
            <p className="dropzone__lead">Drop an .ics calendar or a CSV export here</p>
            <p className="muted small">
              Google Calendar, Outlook or Apple Calendar (.ics); Toggl Track, Clockify, Harvest, Outlook or
              generic CSV
            </p>
            <button type="button" className="button" onClick={() => input.current?.click()}>
              Choose a file…
            </button>
          </div>
        )}
      </section>
      {fileError && (
        <p className="field__error" role="alert">
          {fileError}
        </p>
      )}

      <div className="upload__options">
        <Field
          label="Import into"
          hint={
            target
              ? 'Importing again updates the events this calendar already has and removes the ones the file no longer lists.'
              : 'A new calendar; importing the same file again later updates it.'
          }
        >
          {(control) => (
            <select
              {...control}
              value={target}
              onChange={(e) => {
                setTarget(e.target.value);
                setRun({ state: 'idle' });
              }}
              disabled={running}
            >
              <option value={NEW_CALENDAR}>A new calendar</option>
              {fileCalendars.map((calendar) => (
                <option key={calendar.id} value={calendar.id}>
                  {calendar.name} ({calendar.activities} events)
                </option>
              ))}
            </select>
          )}
        </Field>
        {target === NEW_CALENDAR && (
          <TextField
            label="Calendar name"
            error={nameError ?? undefined}
            value={name}
            maxLength={200}
            placeholder={file ? baseName(file.name) : 'e.g. Work calendar'}
            onChange={(value) => {
              setName(value);
              setNameError(null);
              setRun({ state: 'idle' });
            }}
            disabled={running}
            autoComplete="off"
          />
        )}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={skipInvalid}
          onChange={(e) => {
            setSkipInvalid(e.target.checked);
            setRun({ state: 'idle' });
          }}
          disabled={running}
        />
        <span>
          Skip events that cannot be read
          <span className="check__hint">
            Otherwise one unreadable event stops the whole import and nothing is written.
          </span>
        </span>
      </label>

      <div className="upload__actions">
        {run.state === 'running' ? (
          <ProgressBar
            dryRun={run.dryRun}
            progress={run.progress}
            onCancel={run.progress.phase === 'uploading' ? () => abort.current?.abort() : undefined}
          />
        ) : (
          <>
            <span className="spacer" />
            <button type="button" className="button" onClick={() => start(true)} disabled={!file}>
              Preview
            </button>
            <button type="submit" className="button button--primary" disabled={!file}>
              Import
            </button>
          </>
        )}
      </div>

      {run.state === 'done' && (
        <ImportResult
          summary={run.summary}
          fileName={run.fileName}
          onImport={file && run.summary.dryRun ? () => start(false) : undefined}
          onAnother={run.summary.dryRun ? undefined : clearFile}
        />
      )}
      {run.state === 'failed' && (
        <ImportFailure
          error={run.error}
          skipInvalid={skipInvalid}
          onSkipInvalid={() => {
            setSkipInvalid(true);
            start(true, true);
          }}
        />
      )}
    </form>
  );
}

function ProgressBar({
  dryRun,
  progress,
  onCancel,
}: {
  dryRun: boolean;
  progress: ImportProgress;
  onCancel?: () => void;
}) {
  // One bar for both steps: sending the file fills the first 40 %, the server's reading the rest.
  const uploading = progress.phase === 'uploading';
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const value = Math.round(uploading ? share * 40 : 40 + share * 60);
  const waiting = !uploading && progress.total === 0;
  const label = uploading
    ? `Uploading… ${formatBytes(progress.done)} of ${formatBytes(progress.total)}`
    : waiting
      ? dryRun
        ? 'Checking…'
        : 'Importing…'
      : `${dryRun ? 'Checking' : 'Importing'}… ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} lines`;
  return (
    <div className="progress" data-testid="import-progress">
      <div className="progress__label">
        <span>{label}</span>
        <span className="muted">{value} %</span>
      </div>
      <div
        className={`progress__track${waiting ? ' progress__track--busy' : ''}`}
        role="progressbar"
        aria-label={dryRun ? 'Preview progress' : 'Import progress'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={label}
      >
        <div className="progress__fill" style={{ width: `${value}%` }} />
      </div>
      {onCancel && (
        <button type="button" className="button button--small button--ghost" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}

/** The line icons of the drop zone, drawn in the text's colour. */
function Icon({ className, size, path }: { className: string; size: number; path: string }) {
  return (
    <svg className={className} width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <path
        d={path}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

const UploadIcon = () => (
  <Icon
    className="dropzone__icon"
    size={36}
    path="M12 15V4m0 0-4 4m4-4 4 4M5 15v3a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-3"
  />
);

const FileIcon = () => (
  <Icon
    className="dropzone__icon dropzone__icon--file"
    size={32}
    path="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5Zm0 0v5h5M9 13h6m-6 4h4"
  />
);
