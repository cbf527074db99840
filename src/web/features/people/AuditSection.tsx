import type { Me } from '../../api/types.ts';
import { EmptyNote } from '../../shared/EmptyNote.tsx';
import { problemOf } from '../../shared/forms.ts';
import { LoadError } from '../../shared/LoadError.tsx';
import { ListSkeleton } from '../../shared/Loaded.tsx';
import { SettingsSection } from '../../shared/SettingsSection.tsx';
import { ColumnHeads } from '../../shared/Table.tsx';
import { useAuditLog } from './access-queries.ts';
import { auditActionLabel, formatDateTimeIn } from './labels.ts';

/** Settings → Audit (owner): who changed access, when, from where; newest first. */
export function AuditSection({ me }: { me: Me }) {
  const log = useAuditLog();
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <SettingsSection
      title="Audit log"
      intro={
        <>
          Invitations, roles, deactivations, tokens, passwords and handovers, with the address they came from.
          Times in {me.timeZone.replaceAll('_', ' ')}.
        </>
      }
    >
      <div className="panel">
        {log.isPending ? (
          <ListSkeleton rows={3} />
        ) : log.isError && entries.length === 0 ? (
          <LoadError what="The audit log" error={log.error} onRetry={() => log.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyNote>Nothing recorded yet.</EmptyNote>
        ) : (
          <table className="audit-table">
            <ColumnHeads names={['When', 'Who', 'What', 'Address']} />
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-entry">
                  <td className="audit-table__when">{formatDateTimeIn(entry.at, me.timeZone)}</td>
                  <td className="audit-table__who">{entry.actorName ?? 'Not signed in'}</td>
                  <td className="audit-table__what">
                    <span className="audit-table__action">{auditActionLabel(entry.action)}</span>
                    {entry.target && <span className="audit-table__target">{entry.target}</span>}
                  </td>
                  <td className="audit-table__ip mono">{entry.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {log.hasNextPage && (
          <div className="audit-more">
            <button
              type="button"
              className="button"
              onClick={() => log.fetchNextPage()}
              disabled={log.isFetchingNextPage}
            >
              {log.isFetchingNextPage ? 'Loading…' : 'Load older'}
            </button>
          </div>
        )}
        {log.isFetchNextPageError && (
          <p className="form-error" role="alert">
            Older entries could not be loaded: {problemOf(log.error).message}
          </p>
        )}
      </div>
    </SettingsSection>
  );
}
