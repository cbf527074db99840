import { SETTINGS_SECTIONS } from '../../src/web/shared/navigation.ts';

/** What the demo data gives the owner, for the pages that show one thing. */
export interface DemoPlaces {
  accountId: string;
  roundId: string;
}

/**
 * Every page a signed-in owner reaches, as `[name, hash]` (opened at `/#/<hash>`): the phone's
 * sideways check and the accessibility suite walk the same list.
 */
export function everySignedInPage({ accountId, roundId }: DemoPlaces): [string, string][] {
  return [
    ['Today', 'today'],
    ['Week', 'week'],
    ['Plan', 'plan'],
    ['Accounts', 'accounts'],
    ['an account', `accounts/${accountId}`],
    ['a scorecard round', `scorecard/${roundId}`],
    ['Import', 'import'],
    ['Rules', 'rules'],
    ['Reflections', 'reflections'],
    ['Team', 'team'],
    ...SETTINGS_SECTIONS.map((section): [string, string] => [`Settings, ${section}`, `settings/${section}`]),
  ];
}
