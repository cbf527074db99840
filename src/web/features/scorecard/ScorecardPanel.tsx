import { type FormEvent, useState } from 'react';
import { now } from '../../../core/time/clock.ts';
import { FormError, TextField } from '../../shared/Field.tsx';
import { DialogFooter, FormDialog } from '../../shared/FormDialog.tsx';
import { problemOf } from '../../shared/forms.ts';
import { hrefOf, navigate } from '../../shared/navigation.ts';
import { formatScore, VIEW_LABELS, type ViewKey } from './labels.ts';
import { useCreateRound, useRounds } from './scorecard-queries.ts';

/** "Q4 2026" for today: rounds are usually quarterly. */
const thisQuarter = (at = now()) => `Q${Math.floor(at.getMonth() / 3) + 1} ${at.getFullYear()}`;

/** The account's honest-conversation rounds and how each view moved across them. */
export function ScorecardPanel({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const rounds = useRounds(accountId);
  const [opening, setOpening] = useState(false);
  const views = Object.keys(VIEW_LABELS) as ViewKey[];
  return (
    <section className="panel" aria-labelledby="scorecard-title">
      <div className="panel__header">
        <h2 className="panel__title" id="scorecard-title">
          Honest conversations
        </h2>
        {canEdit && (
          <button type="button" className="button button--small" onClick={() => setOpening(true)}>
            Open a round
          </button>
        )}
      </div>
      {!rounds.data ? null : rounds.data.length === 0 ? (
        <p className="empty-note">
          No scorecard yet. Open a round, rate both organisations, and send the customer a link to do the
          same: the gaps are the agenda of your next honest conversation.
        </p>
      ) : (
        <table className="rounds-table">
          <thead>
            <tr>
              <th scope="col">Round</th>
              {views.map((v) => (
                <th key={v} scope="col">
                  {VIEW_LABELS[v]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rounds.data.map((round) => (
              <tr key={round.id} data-testid="round-row">
                <th scope="row">
                  <a href={hrefOf({ page: 'scorecard', id: round.id })}>{round.name}</a>
                  {round.stale && (
                    <span
                      className="pill pill--warn"
                      title="Older than 90 days: time for another conversation"
                    >
                      Stale
                    </span>
                  )}
                </th>
                {views.map((v) => (
                  <td key={v}>
                    {round.views[v].raters === 0 ? (
                      <span className="muted">no raters</span>
                    ) : (
                      <>
                        <b>{formatScore(round.views[v].average)}</b>{' '}
                        <span className="muted">({round.views[v].raters})</span>
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {opening && <OpenRoundDialog accountId={accountId} onClose={() => setOpening(false)} />}
    </section>
  );
}

function OpenRoundDialog({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const create = useCreateRound(accountId);
  const [name, setName] = useState(thisQuarter());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim() },
      { onSuccess: (round) => navigate({ page: 'scorecard', id: round.id }) },
    );
  };
  const problem = problemOf(create.error);
  return (
    <FormDialog
      titleId="open-round-title"
      title="Open a scorecard round"
      className="dialog--small"
      onSubmit={submit}
      onClose={onClose}
    >
      <FormError message={Object.keys(problem.fields).length ? null : problem.message} />
      <TextField
        label="Round"
        hint="e.g. Q4 2026"
        value={name}
        onChange={setName}
        error={problem.fields.name}
        maxLength={100}
      />
      <DialogFooter onCancel={onClose} saving={create.isPending} saveLabel="Open round" />
    </FormDialog>
  );
}
