/** The account's owner was deactivated: someone must take it over (Hand over…). */
export function NeedsOwnerBadge() {
  return (
    <span
      className="pill pill--warn needs-owner"
      data-testid="needs-owner"
      title="Its owner was deactivated. Hand it over to someone who stays."
    >
      Needs a new owner
    </span>
  );
}
