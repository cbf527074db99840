import { useState } from 'react';
import type { AccountTier, TeamAccount } from '../../api/types.ts';
import { formatHours } from '../../shared/format.ts';
import { hrefOf } from '../../shared/navigation.ts';
import { TIER_LABELS, TIERS } from '../accounts/legacy-labels.ts';
import { NeedsOwnerBadge } from '../accounts/NeedsOwnerBadge.tsx';
import { lastContactOf, WARNING_SHORT } from '../accounts/stakeholder-labels.ts';
import { type ScorecardSubject, subjectLabel } from '../scorecard/labels.ts';
import { QuadrantMiniBar } from './QuadrantMiniBar.tsx';

type SortKey =
  | 'risk'
  | 'name'
  | 'tier'
  | 'owner'
  | 'minutes'
  | 'warnings'
  | 'losingTouch'
  | 'lastRound'
  | 'gap'
  | 'decisionsDue'
  | 'reviews';

interface Sort {
  key: SortKey;
  /** Descending puts the most (hours, warnings, the oldest round) first. */
  descending: boolean;
}

const tierRank = (tier: AccountTier) => TIERS.length - TIERS.indexOf(tier);

/** What each column sorts by: bigger means "more" (riskier, larger, more important). */
const SORT_VALUE: Record<SortKey, (a: TeamAccount) => number | string> = {
  risk: (a) => a.risk,
  name: (a) => a.name.toLowerCase(),
  tier: (a) => tierRank(a.tier),
  owner: (a) => (a.ownerName ?? '').toLowerCase(),
  minutes: (a) => a.minutes ?? -1,
  warnings: (a) => a.warnings.length + (a.needsOwner ? 1 : 0),
  losingTouch: (a) => a.losingTouch,
  // A round never held is the oldest of all.
  lastRound: (a) => (a.lastRoundAt ? -Date.parse(a.lastRoundAt) : Number.POSITIVE_INFINITY),
  gap: (a) => a.largestGap?.gap ?? -1,
  decisionsDue: (a) => a.decisionsDue,
  reviews: (a) => a.openInheritanceReviews,
};

/** Text columns read A to Z first; figures most first. */
const ASCENDING_FIRST: SortKey[] = ['name', 'owner'];

const COLUMNS: { key: SortKey; label: string; className?: string }[] = [
  { key: 'name', label: 'Account' },
  { key: 'tier', label: 'Tier' },
  { key: 'owner', label: 'Owner' },
  { key: 'minutes', label: 'Team hours, 12 weeks' },
  { key: 'warnings', label: 'Warnings' },
  { key: 'losingTouch', label: 'Losing touch', className: 'team-accounts__num' },
  { key: 'lastRound', label: 'Last scorecard' },
  { key: 'gap', label: 'Largest gap' },
  { key: 'decisionsDue', label: 'Decisions due', className: 'team-accounts__num' },
  { key: 'reviews', label: 'Inheritance reviews', className: 'team-accounts__num' },
];

function sorted(accounts: TeamAccount[], sort: Sort): TeamAccount[] {
  const value = SORT_VALUE[sort.key];
  return [...accounts].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return (sort.descending ? -order : order) || b.risk - a.risk || a.name.localeCompare(b.name);
  });
}

const DEFAULT_SORT: Sort = { key: 'risk', descending: true };

/** The team's accounts with what puts them at risk; riskiest first, or by any column clicked. */
export function AccountsTable({
  accounts,
  timeZone,
  minGroupSize,
}: {
  accounts: TeamAccount[];
  timeZone: string;
  minGroupSize: number;
}) {
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const sortBy = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, descending: !current.descending }
        : { key, descending: !ASCENDING_FIRST.includes(key) },
    );
  const rows = sorted(accounts, sort);
  return (
    <>
      <div className="team-accounts__order muted small">
        <p aria-live="polite">
          {sort.key === 'risk' ? (
            'Riskiest first. Click a column heading to sort by it.'
          ) : (
            <>
              Sorted by {COLUMNS.find((c) => c.key === sort.key)?.label.toLowerCase()}.{' '}
              <button type="button" className="button button--link" onClick={() => setSort(DEFAULT_SORT)}>
                Riskiest first
              </button>
            </>
          )}
        </p>
        <label className="team-accounts__sort-pick">
          Sort by
          <select
            value={sort.key}
            onChange={(e) => {
              const key = e.target.value as SortKey;
              setSort({ key, descending: !ASCENDING_FIRST.includes(key) });
            }}
          >
            <option value="risk">Risk</option>
            {COLUMNS.map((column) => (
              <option key={column.key} value={column.key}>
                {column.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="team-accounts__scroll">
        <table className="team-accounts" aria-label="The team's accounts">
          <thead>
            <tr>
              {COLUMNS.map((column) => {
                const active = sort.key === column.key;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    className={column.className}
                    aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
                  >
                    <button type="button" className="team-accounts__sort" onClick={() => sortBy(column.key)}>
                      {column.label}
                      <span className="team-accounts__arrow" aria-hidden="true">
                        {active ? (sort.descending ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((account) => (
              <AccountRow
                key={account.accountId}
                account={account}
                timeZone={timeZone}
                minGroupSize={minGroupSize}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function AccountRow({
  account,
  timeZone,
  minGroupSize,
}: {
  account: TeamAccount;
  timeZone: string;
  minGroupSize: number;
}) {
  const roundAge = account.lastRoundAt ? lastContactOf(account.lastRoundAt, timeZone) : null;
  return (
    <tr data-testid="team-account" data-account={account.name}>
      <th scope="row" className="team-accounts__name">
        <a href={hrefOf({ page: 'accounts', id: account.accountId })}>{account.name}</a>
        {account.needsOwner && <NeedsOwnerBadge />}
      </th>
      <td data-label="Tier">
        <span className={`tier tier--${account.tier}`}>{TIER_LABELS[account.tier]}</span>
      </td>
      <td data-label="Owner">{account.ownerName ?? <span className="muted">No owner</span>}</td>
      <td className="team-accounts__time" data-label="Team hours, 12 weeks">
        {account.minutes === null || account.quadrants === null ? (
          <span className="muted" title={`Shown for ${minGroupSize} or more people only`}>
            Hidden
          </span>
        ) : (
          <>
            <span className="team-accounts__hours">{formatHours(account.minutes)}</span>
            {account.minutes > 0 && <QuadrantMiniBar split={account.quadrants} />}
          </>
        )}
      </td>
      <td data-label="Warnings">
        <span className="team-accounts__pills">
          {account.warnings.map((kind) => (
            <span key={kind} className="pill pill--warn">
              {WARNING_SHORT[kind] ?? kind}
            </span>
          ))}
          {account.warnings.length === 0 && <span className="muted">–</span>}
        </span>
      </td>
      <td className="team-accounts__num" data-label="Losing touch">
        {account.losingTouch > 0 ? (
          <span className="pill pill--warn" title="Influential stakeholders not met for 60 days or more">
            {account.losingTouch}
          </span>
        ) : (
          <span className="muted">0</span>
        )}
      </td>
      <td data-label="Last scorecard">
        {roundAge ? (
          <span className="team-accounts__pills">
            <span>{roundAge}</span>
            {account.stale && <span className="pill pill--warn">Stale</span>}
          </span>
        ) : (
          <span className="pill pill--muted">No round yet</span>
        )}
      </td>
      <td data-label="Largest gap">
        {account.largestGap ? (
          <span title="The largest gap between how we and they rate it, in points of 5">
            {subjectLabel(account.largestGap.subject as ScorecardSubject)}{' '}
            <b>{account.largestGap.gap.toFixed(1)}</b>
          </span>
        ) : (
          <span className="muted">–</span>
        )}
      </td>
      <td className="team-accounts__num" data-label="Decisions due">
        {account.decisionsDue > 0 ? (
          <span className="pill pill--warn">{account.decisionsDue}</span>
        ) : (
          <span className="muted">0</span>
        )}
      </td>
      <td className="team-accounts__num" data-label="Inheritance reviews">
        {account.openInheritanceReviews > 0 ? (
          <span className="pill pill--neutral">{account.openInheritanceReviews}</span>
        ) : (
          <span className="muted">0</span>
        )}
      </td>
    </tr>
  );
}
