import type { Attitude, GoalDimension, StakeholderFunction, StakeholderLevel } from '../db/schema/index.ts';

interface DemoStakeholder {
  name: string;
  title: string;
  /** Local part; the account's domain is added. */
  email: string;
  function: StakeholderFunction;
  level: StakeholderLevel;
  buyingOffice?: boolean;
  influence: number;
  attitude: Attitude;
  strength: number;
  /** Whether demo meetings have them as an attendee (those who are not show as losing touch). */
  met: boolean;
}

interface DemoAccount {
  tier: 'strategic' | 'key' | 'growth';
  legacyStatement: string;
  goals: { dimension: GoalDimension; title: string; measure: string }[];
  stakeholders: DemoStakeholder[];
}

/** Three accounts at three stages: well connected, stuck in procurement, single-threaded. */
export const DEMO_ACCOUNT_PROFILES: Record<string, DemoAccount> = {
  'Northwind Foods': {
    tier: 'strategic',
    legacyStatement:
      'Northwind plans its promotions with us, not around us: a partner in their supply chain, trusted by operations and finance, not only by the buyer.',
    goals: [
      {
        dimension: 'relationships',
        title: 'A sponsor in their executive team',
        measure: 'The COO asks for our view before a supply decision.',
      },
      {
        dimension: 'capability',
        title: 'Their category team forecasts with our demand model',
        measure: 'Forecast error on our lines below 15 % for two quarters.',
      },
      {
        dimension: 'innovation',
        title: 'One joint innovation in the market',
        measure: 'A co-developed product on shelf by Q4 next year.',
      },
      {
        dimension: 'commercial',
        title: 'Renew the three-year supply agreement',
        measure: 'Signed before March, volume at least flat.',
      },
    ],
    stakeholders: [
      {
        name: 'Maria Lopez',
        title: 'Chief Operating Officer',
        email: 'maria.lopez',
        function: 'executive',
        level: 'executive',
        influence: 5,
        attitude: 'supporter',
        strength: 3,
        met: true,
      },
      {
        name: 'Tom Becker',
        title: 'Head of Procurement',
        email: 'tom.becker',
        function: 'procurement',
        level: 'senior',
        buyingOffice: true,
        influence: 4,
        attitude: 'neutral',
        strength: 4,
        met: true,
      },
      {
        name: 'Priya Shah',
        title: 'Category Buyer',
        email: 'priya.shah',
        function: 'procurement',
        level: 'operational',
        buyingOffice: true,
        influence: 3,
        attitude: 'champion',
        strength: 5,
        met: true,
      },
      {
        name: 'Lars Nilsson',
        title: 'Supply Chain Director',
        email: 'lars.nilsson',
        function: 'supply_chain',
        level: 'senior',
        influence: 4,
        attitude: 'champion',
        strength: 4,
        met: true,
      },
      {
        name: 'Grace Okafor',
        title: 'Finance Director',
        email: 'grace.okafor',
        function: 'finance',
        level: 'senior',
        influence: 4,
        attitude: 'skeptic',
        strength: 1,
        met: false,
      },
      {
        name: 'Ken Watanabe',
        title: 'Quality Manager',
        email: 'ken.watanabe',
        function: 'quality',
        level: 'operational',
        influence: 2,
        attitude: 'neutral',
        strength: 2,
        met: true,
      },
    ],
  },
  'Contoso Retail': {
    tier: 'key',
    legacyStatement: 'Move Contoso from yearly tenders to a joint range plan with their marketing team.',
    goals: [
      {
        dimension: 'ways_of_working',
        title: 'A joint range review each season',
        measure: 'Two seasons planned together, marketing in the room.',
      },
      {
        dimension: 'relationships',
        title: 'A contact beyond procurement',
        measure: 'Regular meetings with their marketing director.',
      },
    ],
    stakeholders: [
      {
        name: 'Hannah Schmidt',
        title: 'Senior Buyer',
        email: 'hannah.schmidt',
        function: 'procurement',
        level: 'senior',
        buyingOffice: true,
        influence: 4,
        attitude: 'neutral',
        strength: 3,
        met: true,
      },
      {
        name: 'Omar Haddad',
        title: 'Buying Assistant',
        email: 'omar.haddad',
        function: 'procurement',
        level: 'operational',
        buyingOffice: true,
        influence: 2,
        attitude: 'supporter',
        strength: 3,
        met: true,
      },
    ],
  },
  'Fabrikam Logistics': {
    tier: 'growth',
    legacyStatement: 'Be the supplier Fabrikam calls when a new depot opens.',
    goals: [
      {
        dimension: 'non_commercial',
        title: 'Share our safety training with their depot teams',
        measure: 'Two depots trained, at no charge.',
      },
    ],
    stakeholders: [
      {
        name: 'Diego Alvarez',
        title: 'Operations Manager',
        email: 'diego.alvarez',
        function: 'operations',
        level: 'senior',
        influence: 3,
        attitude: 'supporter',
        strength: 2,
        met: true,
      },
    ],
  },
};

/** Which legacy dimension a demo activity's template serves, by its title's opening words. */
export const DEMO_GOAL_OF_TEMPLATE: { startsWith: string; dimension: GoalDimension }[] = [
  { startsWith: 'Coffee with', dimension: 'relationships' },
  { startsWith: 'Introduce our CFO', dimension: 'relationships' },
  { startsWith: 'Coaching the', dimension: 'capability' },
  { startsWith: 'Joint innovation workshop', dimension: 'innovation' },
  { startsWith: 'Quarterly business review', dimension: 'commercial' },
  { startsWith: 'Account legacy plan', dimension: 'ways_of_working' },
  { startsWith: 'Site visit', dimension: 'non_commercial' },
];
