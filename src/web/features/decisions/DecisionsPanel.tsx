import { useEffect, useRef, useState } from 'react';
import { EditButton } from '../../shared/EditButton.tsx';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { Loaded } from '../../shared/Loaded.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { DecisionDialog } from './DecisionDialog.tsx';
import { type DecisionView, useDecisions } from './decisions-queries.ts';
import { STATUS_LABELS } from './labels.ts';

interface DecisionsPanelProps {
  accountId: string;
  canEdit: boolean;
  /** A decision to show highlighted and scrolled to (a notification's link to it). */
  highlight?: string;
}

/** The account's decision log: what we committed to, which may set precedents, and when to look again. */
export function DecisionsPanel({ accountId, canEdit, highlight }: DecisionsPanelProps) {
  const decisions = useDecisions(accountId);
  const [editing, setEditing] = useState<{ decision?: DecisionView } | null>(null);
  return (
    <Panel
      title="Decisions and precedents"
      actions={
        canEdit && (
          <button type="button" className="button button--small" onClick={() => setEditing({})}>
            Record a decision
          </button>
        )
      }
    >
      <Loaded
        query={decisions}
        empty={
          <EmptyNote>
            No decisions recorded. Urgent calls made with the customer often become the rules your successor
            inherits: record them from a Q1 activity or here.
          </EmptyNote>
        }
      >
        {(list) => (
          <DecisionList
            decisions={list}
            canEdit={canEdit}
            highlight={highlight}
            onEdit={(decision) => setEditing({ decision })}
          />
        )}
      </Loaded>
      {editing && (
        <DecisionDialog accountId={accountId} decision={editing.decision} onClose={() => setEditing(null)} />
      )}
    </Panel>
  );
}

function DecisionList({
  decisions,
  canEdit,
  highlight,
  onEdit,
}: {
  decisions: DecisionView[];
  canEdit: boolean;
  highlight?: string;
  onEdit: (decision: DecisionView) => void;
}) {
  const highlighted = useRef<HTMLLIElement>(null);
  const target = decisions.some((d) => d.id === highlight) ? highlight : undefined;
  // Once the highlighted decision is there: into the middle of the screen, and focus on it (for a
  // screen reader, where the link led); not again when the list is fetched anew.
  useEffect(() => {
    if (!target) return;
    highlighted.current?.scrollIntoView({ block: 'center' });
    highlighted.current?.focus({ preventScroll: true });
  }, [target]);
  return (
    <ul className="decisions">
      {decisions.map((d) => (
        <li
          key={d.id}
          ref={d.id === target ? highlighted : undefined}
          className={`decision decision--${d.status}${d.id === target ? ' is-highlighted' : ''}`}
          aria-current={d.id === target ? 'true' : undefined}
          tabIndex={d.id === target ? -1 : undefined}
          data-testid="decision"
        >
          <div className="decision__head">
            <span className="decision__title">{d.title}</span>
            {d.precedent && <span className="pill pill--warn">May set a precedent</span>}
            {d.urgent && <span className="quadrant-badge quadrant-badge--q1">Q1</span>}
            <span className="pill">{STATUS_LABELS[d.status]}</span>
            {canEdit && (
              <EditButton
                label={`Edit decision ${d.title}`}
                className="button--ghost decision__edit"
                onClick={() => onEdit(d)}
              />
            )}
          </div>
          <div className="decision__meta muted">
            {d.decidedOn}
            {d.agreedByThem && ` · agreed with ${d.agreedByThem}`}
            {d.scope && ` · ${d.scope}`}
            {d.reviewBy && (
              <span className={d.reviewDue ? 'decision__due' : undefined}> · review by {d.reviewBy}</span>
            )}
          </div>
          {d.statusReason && d.status !== 'active' && (
            <div className="decision__reason">{d.statusReason}</div>
          )}
        </li>
      ))}
    </ul>
  );
}
