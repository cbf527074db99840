import { useState } from 'react';
import { createPortal } from 'react-dom';
import { Loaded } from '../../shared/Loaded.tsx';
import { useModal } from '../../shared/modal.ts';
import { type DigestPreview, useDigestPreview } from './notification-queries.ts';

/**
 * The next digest as it would be mailed now: its subject, then the mail as HTML in a sandboxed
 * frame (no scripts, no links followed from it), or as plain text.
 */
export function DigestPreviewDialog({ onClose }: { onClose: () => void }) {
  const { dialog, titleId } = useModal();
  const preview = useDigestPreview();
  return createPortal(
    <dialog ref={dialog} className="dialog dialog--wide" aria-labelledby={titleId} onClose={onClose}>
      <div className="dialog__body">
        <header className="dialog__header">
          <h2 id={titleId}>The next digest</h2>
          <button type="button" className="button button--icon button--ghost" onClick={onClose}>
            <span aria-hidden="true">×</span>
            <span className="sr-only">Close</span>
          </button>
        </header>
        <Loaded
          query={preview}
          what="The preview"
          retry
          loading={<div className="digest-preview__frame page-skeleton" aria-busy="true" />}
        >
          {(digest) =>
            digest ? (
              <PreviewContent digest={digest} />
            ) : (
              <p className="empty-note">There is no preview to show yet: this server cannot make one.</p>
            )
          }
        </Loaded>
      </div>
    </dialog>,
    document.body,
  );
}

function PreviewContent({ digest }: { digest: DigestPreview }) {
  const [asText, setAsText] = useState(false);
  return (
    <div className="digest-preview">
      <div className="digest-preview__subject">
        <span className="muted">Subject</span>
        <strong data-testid="digest-subject">{digest.subject}</strong>
      </div>
      <fieldset className="digest-preview__formats">
        <legend className="sr-only">Show the mail as</legend>
        <button
          type="button"
          className="button button--small"
          aria-pressed={!asText}
          onClick={() => setAsText(false)}
        >
          HTML
        </button>
        <button
          type="button"
          className="button button--small"
          aria-pressed={asText}
          onClick={() => setAsText(true)}
        >
          Plain text
        </button>
      </fieldset>
      {asText ? (
        <pre className="digest-preview__frame digest-preview__text">{digest.text}</pre>
      ) : (
        // A page of its own (not srcdoc): a frame written from here would take the app's policy,
        // which refuses the mail's inline styles.
        <iframe
          className="digest-preview__frame"
          title="The digest as mailed"
          sandbox=""
          src="/api/me/digest/preview/html"
        />
      )}
    </div>
  );
}
