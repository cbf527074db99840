import type { Me } from '../../api/types.ts';
import type { Route } from '../../shared/navigation.ts';
import type { IconName } from './icons.tsx';

type NavPage =
  | 'week'
  | 'plan'
  | 'today'
  | 'accounts'
  | 'team'
  | 'reflections'
  | 'import'
  | 'review'
  | 'rules'
  | 'settings';

export interface NavItem {
  page: NavPage;
  label: string;
  icon: IconName;
  /** Only for leaders and the owner. */
  leaders?: boolean;
}

/** Every page the app's navigation leads to, in the header's order. */
const ITEMS: NavItem[] = [
  { page: 'week', label: 'Week', icon: 'week' },
  { page: 'plan', label: 'Plan', icon: 'plan' },
  { page: 'today', label: 'Today', icon: 'today' },
  { page: 'accounts', label: 'Accounts', icon: 'accounts' },
  { page: 'team', label: 'Team', icon: 'team', leaders: true },
  { page: 'reflections', label: 'Reflections', icon: 'reflections' },
  { page: 'import', label: 'Import', icon: 'import' },
  { page: 'review', label: 'Review', icon: 'review' },
  { page: 'rules', label: 'Rules', icon: 'rules' },
  { page: 'settings', label: 'Settings', icon: 'settings' },
];

/** A phone's bottom tabs, in their order; the rest is under More. */
const TABS: NavPage[] = ['today', 'week', 'plan', 'accounts'];
const MORE: NavPage[] = ['review', 'import', 'rules', 'reflections', 'team', 'settings'];

const pick = (pages: NavPage[], me: Me) =>
  pages.flatMap((page) =>
    ITEMS.filter((item) => item.page === page && (!item.leaders || me.role !== 'member')),
  );

/** The header's links (wide screens). */
export const headerItems = (me: Me) =>
  pick(
    ITEMS.map((item) => item.page),
    me,
  );
/** The phone's tabs and what More holds. */
export const tabItems = (me: Me) => pick(TABS, me);
export const moreItems = (me: Me) => pick(MORE, me);

export const isCurrent = (item: NavItem, current: Route) => item.page === current.page;
