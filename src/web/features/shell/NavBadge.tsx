/** How many imported events wait in the review inbox, beside the link to it (none when nothing waits). */
export function ReviewBadge({ count, testId }: { count: number; testId?: string }) {
  if (count <= 0) return null;
  return (
    <span className="nav-badge" data-testid={testId}>
      {count > 999 ? '999+' : count}
      <span className="sr-only"> waiting</span>
    </span>
  );
}
