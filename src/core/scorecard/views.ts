import { SCORECARD_SUBJECTS, type ScorecardSide, type ScorecardSubject } from '../db/schema/index.ts';

/** One answer: who rated (any stable key per rater), from which side, which organisation, what. */
export interface ScoreInput {
  rater: string;
  side: ScorecardSide;
  target: ScorecardSide;
  subject: ScorecardSubject;
  score: number;
}

/** The four ways of looking: who rates whom. */
export const VIEWS = [
  { key: 'usOnUs', side: 'us', target: 'us', label: 'We rate us' },
  { key: 'usOnThem', side: 'us', target: 'them', label: 'We rate them' },
  { key: 'themOnUs', side: 'them', target: 'us', label: 'They rate us' },
  { key: 'themOnThem', side: 'them', target: 'them', label: 'They rate them' },
] as const;
export type ViewKey = (typeof VIEWS)[number]['key'];

export interface SubjectAverage {
  subject: ScorecardSubject;
  /** Mean of the answers given; null when nobody answered (never a zero). */
  average: number | null;
  /** How many raters answered this subject. */
  raters: number;
}

export interface View {
  /** How many raters gave at least one answer in this view. */
  raters: number;
  /** Mean of the subject averages that exist; null when there are none. */
  average: number | null;
  subjects: SubjectAverage[];
}

export interface Gap {
  subject: ScorecardSubject;
  /** How we rate ourselves minus how they rate us: positive means we think better of us. */
  aboutUs: number | null;
  /** How we rate them minus how they rate themselves. */
  aboutThem: number | null;
  /** The larger of the two gaps by size, for ordering the agenda. */
  largest: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (values: number[]) =>
  values.length ? round2(values.reduce((sum, v) => sum + v, 0) / values.length) : null;

function viewOf(scores: ScoreInput[], side: ScorecardSide, target: ScorecardSide): View {
  const mine = scores.filter((s) => s.side === side && s.target === target);
  const subjects = SCORECARD_SUBJECTS.map((subject) => {
    const answers = mine.filter((s) => s.subject === subject);
    return {
      subject,
      average: mean(answers.map((a) => a.score)),
      raters: new Set(answers.map((a) => a.rater)).size,
    };
  });
  return {
    raters: new Set(mine.map((s) => s.rater)).size,
    average: mean(subjects.flatMap((s) => (s.average === null ? [] : [s.average]))),
    subjects,
  };
}

const difference = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : round2(a - b);

/**
 * The four views of a round and the gaps between them, largest first (subjects where a gap cannot
 * be told yet come last): the agenda of the next honest conversation.
 */
export function roundViews(scores: ScoreInput[]): { views: Record<ViewKey, View>; gaps: Gap[] } {
  const views = Object.fromEntries(VIEWS.map((v) => [v.key, viewOf(scores, v.side, v.target)])) as Record<
    ViewKey,
    View
  >;
  const at = (key: ViewKey, subject: ScorecardSubject) =>
    views[key].subjects.find((s) => s.subject === subject)?.average;
  const gaps = SCORECARD_SUBJECTS.map((subject) => {
    const aboutUs = difference(at('usOnUs', subject), at('themOnUs', subject));
    const aboutThem = difference(at('usOnThem', subject), at('themOnThem', subject));
    const sizes = [aboutUs, aboutThem].flatMap((g) => (g === null ? [] : [Math.abs(g)]));
    return { subject, aboutUs, aboutThem, largest: sizes.length ? Math.max(...sizes) : null };
  });
  gaps.sort((a, b) => (b.largest ?? -1) - (a.largest ?? -1));
  return { views, gaps };
}
