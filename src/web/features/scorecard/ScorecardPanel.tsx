import { useState } from 'react';
import { now } from '../../../core/time/clock.ts';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { TextField } from '../../shared/Field.tsx';
import { FormDialog } from '../../shared/FormDialog.tsx';
import { problemOf } from '../../shared/forms.ts';
import { Loaded } from '../../shared/Loaded.tsx';
import { hrefOf, navigate } from '../../shared/navigation.ts';
import { Panel } from '../../shared/Panel.tsx';
import { ColumnHeads } from '../../shared/Table.tsx';
import { formatScore, VIEW_LABELS, type ViewKey } from './labels.ts';
import { type RoundSummary, useCreateRound, useRounds } from './scorecard-queries.ts';

const VIEWS = Object.keys(VIEW_LABELS) as ViewKey[];

/** "Q4 2026" for today: rounds are usually quarterly. */
const thisQuarter = (at = now()) => `Q${Math.floor(at.getMonth() / 3) + 1} ${at.getFullYear()}`;

/** The account's honest-conversation rounds and how each view moved across them. */
export function ScorecardPanel({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const rounds = useRounds(accountId);
  const [opening, setOpening] = useState(false);
  return (
    <Panel
      title="Honest conversations"
      actions={
        canEdit && (
          <button type="button" className="button button--small" onClick={() => setOpening(true)}>
            Open a round
          </button>
        )
      }
    >
      <Loaded
        query={rounds}
        empty={
          <EmptyNote>
            No scorecard yet. Open a round, rate both organisations, and send the customer a link to do the
            same: the gaps are the agenda of your next honest conversation.
          </EmptyNote>
        }
      >
        {(list) => <RoundsTable rounds={list} />}
      </Loaded>
      {opening && <OpenRoundDialog accountId={accountId} onClose={() => setOpening(false)} />}
    </Panel>
  );
}

/** Each round's average per view, with how many rated it. */
function RoundsTable({ rounds }: { rounds: RoundSummary[] }) {
  return (
    <table className="rounds-table">
      <ColumnHeads names={['Round', ...VIEWS.map((v) => VIEW_LABELS[v])]} />
      <tbody>
        {rounds.map((round) => (
          <tr key={round.id} data-testid="round-row">
            <th scope="row">
              <a href={hrefOf({ page: 'scorecard', id: round.id })}>{round.name}</a>
              {round.stale && (
                <span className="pill pill--warn" title="Older than 90 days: time for another conversation">
                  Stale
                </span>
              )}
            </th>
            {VIEWS.map((v) => (
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
  );
}

function OpenRoundDialog({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const create = useCreateRound(accountId);
  const [name, setName] = useState(thisQuarter());
  const submit = () => {
    create.mutate(
      { name: name.trim() },
      { onSuccess: (round) => navigate({ page: 'scorecard', id: round.id }) },
    );
  };
  const problem = problemOf(create.error);
  return (
    <FormDialog
      title="Open a scorecard round"
      className="dialog--small"
      onSubmit={submit}
      onClose={onClose}
      sending={create}
      saveLabel="Open round"
    >
      <TextField
        label="Round"
        hint="e.g. Q4 2026"
        value={name}
        onChange={setName}
        error={problem.fields.name}
        maxLength={100}
      />
    </FormDialog>
  );
}
