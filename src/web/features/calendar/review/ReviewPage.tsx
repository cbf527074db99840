import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { Me, Quadrant, ReviewItem } from '../../../api/types.ts';
import { formatWhen } from '../../../shared/dates.ts';
import { EmptyState } from '../../../shared/EmptyState.tsx';
import { formatDuration } from '../../../shared/format.ts';
import { problemOf } from '../../../shared/forms.ts';
import { LoadError } from '../../../shared/LoadError.tsx';
import { ListSkeleton } from '../../../shared/Loaded.tsx';
import { hrefOf } from '../../../shared/navigation.ts';
import { PageIntro } from '../../../shared/PageIntro.tsx';
import { QUADRANTS, quadrantInfo } from '../../../shared/quadrants.ts';
import { useToast } from '../../../shared/Toasts.tsx';
import { AccountOptions } from '../rules/AccountOptions.tsx';
import { RuleEditor } from '../rules/RuleEditor.tsx';
import { domainOf, INTERNAL, KEEP, type RuleDraft, ruleDraftFrom } from '../rules/rule-draft.ts';
import { REVIEW_LIMIT, useClassify, useReview } from './review-queries.ts';

const KEY_TO_QUADRANT: Record<string, Quadrant> = { '1': 'q1', '2': 'q2', '3': 'q3', '4': 'q4' };

/** Attendees grouped by email domain, outside ones first: `northwind.com ×3`. */
function domainsOf(item: ReviewItem, ownDomain: string) {
  const counts = new Map<string, number>();
  for (const attendee of item.attendees) {
    const domain = domainOf(attendee.email);
    if (domain) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([domain, count]) => ({ domain, count, internal: domain === ownDomain }))
    .sort((a, b) => Number(a.internal) - Number(b.internal) || b.count - a.count);
}

const isTextInput = (target: EventTarget) =>
  target instanceof HTMLElement &&
  (target.tagName === 'SELECT' ||
    target.tagName === 'TEXTAREA' ||
    (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox'));

/** #/review: imported events no rule classified, to decide one by one (keyboard first) or in bulk. */
export function ReviewPage({ me }: { me: Me }) {
  const review = useReview();
  const classify = useClassify();
  const toast = useToast();
  const ownDomain = domainOf(me.email);
  const items = review.data?.items ?? [];
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [bulkAccount, setBulkAccount] = useState(KEEP);
  const [ruleDraft, setRuleDraft] = useState<RuleDraft | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const rows = useRef(new Map<string, HTMLElement>());
  const focusNext = useRef<string | null>(null);

  // The roving focus: the active row is the list's one tab stop.
  const active = items.find((item) => item.id === activeId) ?? items[0];
  const selectedItems = useMemo(() => items.filter((item) => selected.has(item.id)), [items, selected]);

  useEffect(() => {
    if (!focusNext.current) return;
    rows.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const focusRow = (id: string | undefined) => {
    if (!id) return;
    setActiveId(id);
    focusNext.current = id;
  };

  /** `accountId` undefined keeps each event's account; null makes them internal. */
  const decide = (targets: ReviewItem[], to: Quadrant, accountId?: string | null) => {
    if (targets.length === 0) return;
    const info = quadrantInfo(to);
    const ids = targets.map((item) => item.id);
    // Focus moves to the next event still waiting (or the one before), so the keyboard can go on.
    if (active && ids.includes(active.id)) {
      const index = items.indexOf(active);
      const waiting = (item: ReviewItem) => !ids.includes(item.id);
      focusRow((items.slice(index + 1).find(waiting) ?? items.slice(0, index).findLast(waiting))?.id);
    }
    setSelected((current) => new Set([...current].filter((id) => !ids.includes(id))));
    const what = targets.length === 1 ? `‘${targets[0]?.title}’` : `${targets.length} events`;
    setAnnouncement(`Classified ${what} as ${info.label} ${info.name}.`);
    classify.mutate(
      {
        ids,
        urgent: info.urgent,
        important: info.important,
        ...(accountId !== undefined ? { accountId } : {}),
      },
      {
        onSuccess: () => {
          if (targets.length > 1) toast({ message: `Classified ${what} as ${info.label} ${info.name}.` });
        },
        onError: (error) =>
          toast({ tone: 'error', message: `${what} could not be classified: ${problemOf(error).message}` }),
      },
    );
  };

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTextInput(event.target)) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-review-id]');
    const index = items.findIndex((item) => item.id === row?.dataset.reviewId);
    const item = items[index];
    if (!item) return;
    const key = event.key;
    const to = KEY_TO_QUADRANT[key];
    if (key === 'ArrowDown' || key === 'j') focusRow(items[Math.min(index + 1, items.length - 1)]?.id);
    else if (key === 'ArrowUp' || key === 'k') focusRow(items[Math.max(index - 1, 0)]?.id);
    else if (key === 'Home') focusRow(items[0]?.id);
    else if (key === 'End') focusRow(items.at(-1)?.id);
    else if (to) decide([item], to);
    else if (key === 'x' || (key === ' ' && event.target === row)) toggle(item.id);
    else if (key === 'r') setRuleDraft(ruleDraftFrom(item, ownDomain));
    else return;
    event.preventDefault();
  };

  const allSelected = items.length > 0 && selectedItems.length === items.length;

  return (
    <div className="review-page">
      <PageIntro
        title="Review"
        intro={
          <>
            Imported events no rule could classify. Decide each one's quadrant: it counts from then on, and
            later imports keep your decision. For events that keep coming back, <strong>make a rule</strong>.
          </>
        }
      />

      {review.isPending ? (
        <ListSkeleton rows={4} tall className="panel" />
      ) : review.isError ? (
        <LoadError what="The review inbox" error={review.error} onRetry={() => review.refetch()} inPanel />
      ) : items.length === 0 ? (
        <EmptyState
          title="Nothing to review — every imported event is classified"
          className="empty-state"
          testId="review-empty"
        >
          <p className="muted">
            When you import a calendar, events that no rule recognises show up here for you to place on the
            matrix.
          </p>
          <div className="empty-week__actions">
            <a className="button" href={hrefOf({ page: 'import' })}>
              Import a calendar
            </a>
            <a className="button button--ghost" href={hrefOf({ page: 'rules' })}>
              See your rules
            </a>
          </div>
        </EmptyState>
      ) : (
        <section className="panel review" aria-labelledby="review-title">
          <div className="review__toolbar">
            <label className="check">
              <input
                type="checkbox"
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = selectedItems.length > 0 && !allSelected;
                }}
                onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((i) => i.id)))}
              />
              <span>Select all</span>
            </label>
            <h2 id="review-title" className="review__count">
              {review.data.total.toLocaleString()} to review
              {review.data.total > items.length && (
                <span className="muted"> · showing the newest {REVIEW_LIMIT}</span>
              )}
            </h2>
            {selectedItems.length > 0 ? (
              <fieldset className="bulk" aria-label="Classify the selected events">
                <span className="bulk__count">{selectedItems.length} selected</span>
                <label className="bulk__account">
                  <span className="sr-only">Account for the selected events</span>
                  <select value={bulkAccount} onChange={(e) => setBulkAccount(e.target.value)}>
                    <AccountOptions keepLabel="Keep their accounts" />
                  </select>
                </label>
                {QUADRANTS.map((q) => (
                  <button
                    key={q.id}
                    type="button"
                    className={`qbutton qbutton--${q.id}`}
                    title={`${q.label} ${q.name}`}
                    aria-label={`Selected to ${q.label} ${q.name}`}
                    onClick={() => decide(selectedItems, q.id, accountChoice(bulkAccount))}
                  >
                    {q.label}
                  </button>
                ))}
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() => setSelected(new Set())}
                >
                  Clear
                </button>
              </fieldset>
            ) : (
              <p className="review__keys muted small">
                <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>1</kbd>–<kbd>4</kbd> quadrant · <kbd>x</kbd> select ·{' '}
                <kbd>r</kbd> make a rule
              </p>
            )}
          </div>

          <ul className="review__list" aria-label="Events to review" onKeyDown={onKeyDown}>
            {items.map((item) => (
              <ReviewRow
                key={item.id}
                item={item}
                ownDomain={ownDomain}
                active={item.id === active?.id}
                selected={selected.has(item.id)}
                rowRef={(el) => {
                  if (el) rows.current.set(item.id, el);
                  else rows.current.delete(item.id);
                }}
                onFocus={() => setActiveId(item.id)}
                onToggle={() => toggle(item.id)}
                onClassify={(to) => decide([item], to)}
                onRule={() => setRuleDraft(ruleDraftFrom(item, ownDomain))}
              />
            ))}
          </ul>
        </section>
      )}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {ruleDraft && <RuleEditor initial={ruleDraft} onClose={() => setRuleDraft(null)} />}
    </div>
  );
}

const accountChoice = (value: string) => (value === KEEP ? undefined : value === INTERNAL ? null : value);

interface ReviewRowProps {
  item: ReviewItem;
  ownDomain: string;
  active: boolean;
  selected: boolean;
  rowRef: (element: HTMLLIElement | null) => void;
  onFocus: () => void;
  onToggle: () => void;
  onClassify: (to: Quadrant) => void;
  onRule: () => void;
}

function ReviewRow({
  item,
  ownDomain,
  active,
  selected,
  rowRef,
  onFocus,
  onToggle,
  onClassify,
  onRule,
}: ReviewRowProps) {
  const domains = domainsOf(item, ownDomain);
  const titleId = `review-${item.id}-title`;
  return (
    <li
      ref={rowRef}
      tabIndex={active ? 0 : -1}
      data-review-id={item.id}
      data-testid="review-item"
      aria-labelledby={titleId}
      className={`review-row${selected ? ' review-row--selected' : ''}`}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus();
      }}
    >
      <input
        type="checkbox"
        className="review-row__check"
        checked={selected}
        tabIndex={-1}
        aria-label={`Select ${item.title}`}
        onChange={onToggle}
      />
      <div className="review-row__main">
        <span className="review-row__title" id={titleId}>
          {item.title}
        </span>
        <span className="review-row__meta">
          <span>{formatWhen(item.startsAt)}</span>
          <span className="review-row__duration">{formatDuration(item.minutes)}</span>
          {item.recurring && <span className="tag tag--recurring">Repeats</span>}
          <span className={item.accountName ? 'card__account' : 'card__account card__account--internal'}>
            {item.accountName ?? 'No account'}
          </span>
        </span>
        {(domains.length > 0 || item.organizer || item.location) && (
          <span className="review-row__people">
            {domains.map((d) => (
              <span
                key={d.domain}
                className={`tag${d.internal ? ' tag--internal' : ''}`}
                title={d.internal ? 'Your own domain' : undefined}
              >
                {d.domain}
                {d.count > 1 && ` ×${d.count}`}
              </span>
            ))}
            {item.organizer && <span>Organiser: {item.organizer}</span>}
            {item.location && <span>Location: {item.location}</span>}
          </span>
        )}
      </div>
      <div className="review-row__actions">
        {QUADRANTS.map((q, index) => (
          <button
            key={q.id}
            type="button"
            tabIndex={-1}
            className={`qbutton qbutton--${q.id}`}
            title={`${q.label} ${q.name} (press ${index + 1})`}
            aria-label={`${item.title} to ${q.label} ${q.name}`}
            onClick={() => onClassify(q.id)}
          >
            {q.label}
          </button>
        ))}
        <button type="button" tabIndex={-1} className="button button--small button--ghost" onClick={onRule}>
          Make a rule
        </button>
      </div>
    </li>
  );
}
