import type { Role } from '../db/schema/index.ts';

/** Who is asking: every service call is scoped by this user's workspace. */
export interface Actor {
  userId: string;
  workspaceId: string;
  role: Role;
  timeZone: string;
}
