import type { Role } from '../db/schema/index.ts';

/** Who is asking: every service call is scoped by this user's workspace. */
export interface Actor {
  userId: string;
  workspaceId: string;
  role: Role;
  timeZone: string;
}

/**
 * The same person with a member's reach: services that list "the accounts one looks after" then
 * give the accounts they own or share, not every account a leader may edit. Reminders, digests and
 * the calendar feed are about one's own accounts.
 */
export const ownReach = (actor: Actor): Actor => ({ ...actor, role: 'member' });
