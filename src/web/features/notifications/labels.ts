import type { NotificationKind } from './notification-queries.ts';

/** What each kind of notification is about, in a word or two (shown beside its time). */
export const KIND_LABELS: Record<NotificationKind, string> = {
  decision_review: 'Decision to review',
  follow_up: 'Follow-up',
  agreed_action: 'Agreed action',
  losing_touch: 'Losing touch',
  stale_scorecard: 'Honest conversation',
  inheritance_review: 'Inheritance',
  plan_week: 'Plan your week',
  reflect: 'Reflection',
  customer_rated: 'Customer rating',
  mail_failed: 'Mail not delivered',
};
