import { daysAgo, daysAgoLabel } from '../../../core/time/days.ts';
import type { Role } from '../../api/types.ts';

export const ROLES: readonly Role[] = ['member', 'leader', 'owner'];

export const ROLE_LABELS: Record<Role, string> = { owner: 'Owner', leader: 'Leader', member: 'Member' };

/** How a person's last sign-in or request reads: `today`, `3 days ago`, `never`. */
export function lastActiveLabel(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return 'Never';
  const label = daysAgoLabel(Math.max(0, daysAgo(new Date(iso), timeZone)));
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The audit log's actions in plain words; an action the web app does not know yet reads as its code. */
const AUDIT_ACTIONS: Record<string, string> = {
  'invitation.sent': 'Invitation sent',
  'invitation.accepted': 'Invitation accepted',
  'invitation.withdrawn': 'Invitation withdrawn',
  'user.role_changed': 'Role changed',
  'user.leader_changed': 'Reporting line changed',
  'user.deactivated': 'Deactivated',
  'user.reactivated': 'Reactivated',
  'token.created': 'Access token created',
  'token.revoked': 'Access token revoked',
  'password.changed': 'Password changed',
  'password.reset_requested': 'Password reset asked for',
  'password.reset': 'Password reset',
  'account.transferred': 'Account handed over',
  'customer_link.created': 'Customer rating link created',
  'customer_link.withdrawn': 'Customer rating link withdrawn',
  'workspace.team_privacy_changed': 'Team privacy changed',
  'workspace.sign_in_changed': 'Sign-in settings changed',
  'sso.joined': 'Joined by single sign-on',
};

export const auditActionLabel = (action: string) =>
  AUDIT_ACTIONS[action] ?? action.replaceAll(/[._]/g, ' ').replace(/^./, (c) => c.toUpperCase());

// Here rather than in shared/dates.ts: that module is in the Week page's first chunk.

/** An instant as a day on the wall calendar of a zone: `12 Nov 2026`. */
export const formatDayIn = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(
    new Date(iso),
  );

/** An instant as a zone's wall clock shows it: `12 Nov 2026, 14:05`. */
export const formatDateTimeIn = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
