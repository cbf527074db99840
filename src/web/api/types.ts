/** The shapes of the Linchpin REST API the web app uses (see /api/openapi.json). */

export type Quadrant = 'q1' | 'q2' | 'q3' | 'q4';

export const ACTIVITY_KINDS = [
  'customer_meeting',
  'internal_meeting',
  'admin_reporting',
  'travel',
  'planning',
  'development',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export type ActivityStatus = 'planned' | 'done';

export interface Bounds {
  min?: number;
  max?: number;
}

export type Targets = Partial<Record<Quadrant, Bounds>>;

export interface Me {
  id: string;
  name: string;
  email: string;
  role: 'owner' | 'leader' | 'member';
  timeZone: string;
  targets: Targets;
  workspace: { id: string; name: string };
}

export interface MePatch {
  name?: string;
  timeZone?: string;
  targets?: Targets;
}

export interface SetupInput {
  workspaceName: string;
  name: string;
  email: string;
  password: string;
  timeZone: string;
}

export interface Activity {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  timeZone: string;
  urgent: boolean;
  important: boolean;
  quadrant: Quadrant;
  accountId: string | null;
  accountName: string | null;
  kind: ActivityKind;
  commercial: boolean;
  status: ActivityStatus;
  notes: string | null;
  source: string;
  sourceId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the forms send; `startsAt` may be local wall-clock time, read in the user's time zone. */
export interface ActivityInput {
  title: string;
  startsAt: string;
  minutes: number;
  urgent: boolean;
  important: boolean;
  account?: string;
  kind?: ActivityKind;
  commercial?: boolean;
  status?: ActivityStatus;
  notes?: string | null;
}

export interface ActivityPage {
  items: Activity[];
  nextCursor: string | null;
}

export interface QuadrantShare {
  minutes: number;
  share: number;
}

export type QuadrantSplit = Record<Quadrant, QuadrantShare>;

export interface TargetResult extends Bounds {
  actual: number;
  met: boolean;
  off: number;
}

export interface WeekReport {
  week: string;
  timeZone: string;
  from: string;
  to: string;
  totalMinutes: number;
  quadrants: QuadrantSplit;
  byAccount: { accountId: string | null; name: string; minutes: number; quadrants: QuadrantSplit }[];
  byKind: { kind: ActivityKind; minutes: number }[];
  previous: { week: string; totalMinutes: number; quadrants: QuadrantSplit };
  next: { week: string };
  targets: Partial<Record<Quadrant, TargetResult>>;
  summary: string;
}

export interface TrendWeek {
  week: string;
  from: string;
  to: string;
  totalMinutes: number;
  quadrants: QuadrantSplit;
}

export interface Trend {
  timeZone: string;
  weeks: TrendWeek[];
}

export interface Account {
  id: string;
  name: string;
}
