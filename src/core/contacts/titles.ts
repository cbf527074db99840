import type { StakeholderFunction, StakeholderLevel } from '../db/schema/index.ts';

/** What a job title suggests about a contact; the person can correct it in the preview. */
export interface Suggestion {
  level: StakeholderLevel;
  function: StakeholderFunction;
  buyingOffice: boolean;
}

// Chief X Officer and its short forms: the letter after C names the function.
const CXO = /\bC([A-Z]{1,2})O\b/;
const CXO_FUNCTIONS: Record<string, StakeholderFunction> = {
  E: 'executive',
  F: 'finance',
  O: 'operations',
  T: 'it',
  I: 'it',
  D: 'it',
  M: 'marketing',
  R: 'sales',
  S: 'supply_chain',
  P: 'procurement',
  HR: 'hr',
  L: 'legal',
  X: 'executive',
};

const EXECUTIVE =
  /\bchief\b|\bcxo\b|\bpresident\b|managing director|\bowner\b|\bfounder\b|gesch[aä]ftsf[uü]hr|\bpdg\b|directeur g[ée]n[ée]ral|director general|\bboard\b/i;
const SENIOR =
  /\bhead\b|\bdirector\b|\bdirectrice\b|\bdirecteur\b|\bdirector[a]?\b|\bvp\b|\bsvp\b|\bevp\b|vice[- ]president|\bleiter|\bleitung\b|\bbereichsleiter/i;
const NOT_PRESIDENT = /vice[- ]president/i;

/** Title or department words per function, tried in this order (the first that matches wins). */
const FUNCTIONS: [StakeholderFunction, RegExp][] = [
  [
    'procurement',
    /\bbuyer|\bbuying\b|\bcategory\b|procurement|purchas|sourcing|einkauf|eink[aä]ufer|\bachat|acheteu|compras|inkoop|supplier management|vendor management/i,
  ],
  ['finance', /financ|\bcontroll|accounting|accountant|treasur|\bfinanz|comptab/i],
  ['legal', /\blegal\b|counsel|compliance|\blawyer|attorney|\brecht/i],
  ['hr', /\bhr\b|human resources|\bpeople\b|talent|recruit|personal(?:abteilung|leiter)/i],
  ['it', /\bIT\b|information technology|\btechnology\b|digital|software|\bdata\b|\bsystems\b|informati/],
  ['supply_chain', /supply chain|logistic|\bplanning\b|\bdemand\b|warehouse|distribution/i],
  ['quality', /quality|\bqa\b|\bqm\b|qualit[äé]/i],
  ['marketing', /marketing|\bbrand\b/i],
  ['sales', /\bsales\b|commercial|business development|account manag|vertrieb|\bventes?\b/i],
  ['r_and_d', /r&d|r ?& ?d|research|engineer|\bdevelopment\b|innovation|entwicklung/i],
  ['operations', /operations|operating|\bplant\b|production|manufactur|\bbetrieb|\bwerk/i],
];

/** "Head of", "Director", "VP" → senior; "Chief", a CxO → executive; else operational. */
function levelOf(title: string): StakeholderLevel {
  if (CXO.test(title) || (EXECUTIVE.test(title) && !NOT_PRESIDENT.test(title))) return 'executive';
  if (SENIOR.test(title)) return 'senior';
  return 'operational';
}

function functionOf(title: string, department: string, level: StakeholderLevel): StakeholderFunction {
  const cxo = CXO.exec(title)?.[1];
  const byLetters = cxo ? CXO_FUNCTIONS[cxo] : undefined;
  if (byLetters && byLetters !== 'executive') return byLetters;
  for (const text of [title, department]) {
    for (const [fn, words] of FUNCTIONS) if (words.test(text)) return fn;
  }
  return level === 'executive' ? 'executive' : 'other';
}

/** Level, function and buying office as a title (and department) suggest them. */
export function suggestFromTitle(title: string, department = ''): Suggestion {
  const level = levelOf(title);
  const fn = functionOf(title, department, level);
  return { level, function: fn, buyingOffice: fn === 'procurement' };
}
