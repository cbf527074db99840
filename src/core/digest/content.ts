import { DateTime } from 'luxon';
import { QUADRANT_NAMES, QUADRANTS } from '../activities/quadrant.ts';
import type { DigestKind } from '../db/schema/values.ts';
import type { MailBlock, MailDocument } from '../mail/layout.ts';
import { formatHours, formatShare } from '../reports/format.ts';
import type { WeekReport } from '../reports/week-report.ts';

/** What a digest is made of, gathered by service.ts; turned into a mail here (pure). */
export interface DigestFacts {
  kind: DigestKind;
  name: string;
  /** The app's origin, for links. */
  origin: string;
  timeZone: string;
  /** The local day the digest is for. */
  day: string;
  week: string;
  /** Monday: last week's report; Friday: this week's so far; daily: none. */
  report: WeekReport | null;
  suggestions: { title: string }[];
  /** Decisions and follow-ups due (Monday: this week; daily: today). */
  due: { title: string; url: string; on: string | null }[];
  /** Today's scheduled actions (daily). */
  actions: { title: string; startTime: string | null; minutes: number }[];
  prompts: string[];
  unsubscribeUrl: string;
  settingsUrl: string;
}

const dayLabel = (day: string) => DateTime.fromISO(day).toFormat('ccc d LLL');

const WHY: Record<DigestKind, string> = {
  weekly_plan: 'You get this on Mondays at 08:00 because "Plan your week" is on.',
  friday_reflection: 'You get this on Fridays at 15:00 because "Reflect on your week" is on.',
  daily: 'You get this on weekdays at 08:00 because the daily digest is on.',
};

/** The split of a week as table rows, each against its target when there is one. */
function splitRows(report: WeekReport): MailBlock {
  return {
    rows: QUADRANTS.map((q) => {
      const share = report.quadrants[q];
      const target = report.targets[q];
      const bound =
        target?.min !== undefined
          ? `target ≥ ${formatShare(target.min)}`
          : target?.max !== undefined
            ? `limit ≤ ${formatShare(target.max)}`
            : '';
      return {
        label: `${q.toUpperCase()} ${QUADRANT_NAMES[q]}`,
        value: `${formatShare(share.share)} · ${formatHours(share.minutes)}`,
        note: target ? `${target.met ? '✓' : '✗'} ${bound}` : undefined,
      };
    }),
  };
}

const dueItems = (facts: DigestFacts) =>
  facts.due.map((d) => ({
    text: d.on && d.on !== facts.day ? `${d.title} — ${dayLabel(d.on)}` : d.title,
    url: `${facts.origin}${d.url}`,
  }));

function weeklyPlan(facts: DigestFacts): { subject: string; doc: Omit<MailDocument, 'footer'> } {
  const report = facts.report;
  const blocks: MailBlock[] = [
    {
      paragraph: `Good morning ${facts.name.split(' ')[0]}. Five minutes now protects the work that builds your legacy.`,
    },
    { heading: 'Last week' },
    ...(report && report.totalMinutes > 0
      ? [{ paragraph: report.summary }, splitRows(report)]
      : [{ paragraph: 'Nothing was logged last week.', muted: true }]),
    { heading: 'Big rocks you could pick' },
    {
      items: facts.suggestions.map((s) => ({ text: s.title })),
      empty: 'No suggestions this week: choose what matters most to your customers.',
    },
    { heading: 'Due this week' },
    { items: dueItems(facts), empty: 'No decisions to review and no follow-ups due.' },
    { button: { label: 'Plan your week', url: `${facts.origin}/#/plan/${facts.week}` } },
  ];
  return {
    subject: `Plan your week ${facts.week}`,
    doc: {
      preheader: report?.summary ?? 'Pick the big rocks of your week.',
      title: `Plan your week ${facts.week}`,
      blocks,
    },
  };
}

function fridayReflection(facts: DigestFacts): { subject: string; doc: Omit<MailDocument, 'footer'> } {
  const report = facts.report;
  return {
    subject: `Reflect on your week ${facts.week}`,
    doc: {
      preheader: 'Ten minutes to look back before the weekend.',
      title: `Reflect on your week ${facts.week}`,
      blocks: [
        { heading: 'Your week so far' },
        ...(report && report.totalMinutes > 0
          ? [{ paragraph: report.summary }, splitRows(report)]
          : [{ paragraph: 'Nothing is logged this week yet: add what you worked on first.', muted: true }]),
        { heading: 'To think about' },
        { items: facts.prompts.map((text) => ({ text })) },
        { button: { label: 'Write your reflection', url: `${facts.origin}/#/reflections` } },
      ],
    },
  };
}

function daily(facts: DigestFacts): { subject: string; doc: Omit<MailDocument, 'footer'> } {
  const title = `Due today, ${dayLabel(facts.day)}`;
  return {
    subject: title,
    doc: {
      preheader: `${facts.actions.length} planned, ${facts.due.length} due`,
      title,
      blocks: [
        { heading: 'Planned for today' },
        {
          items: facts.actions.map((a) => ({
            text: `${a.startTime ? `${a.startTime} ` : ''}${a.title} (${a.minutes} min)`,
          })),
          empty: 'Nothing scheduled today.',
        },
        { heading: 'Due' },
        { items: dueItems(facts), empty: 'Nothing due today.' },
        { button: { label: "Open today's plan", url: `${facts.origin}/#/today` } },
      ],
    },
  };
}

const BUILDERS = { weekly_plan: weeklyPlan, friday_reflection: fridayReflection, daily };

/** The digest as a mail document, with the footer every digest carries (why, and how to stop it). */
export function digestDocument(facts: DigestFacts): { subject: string; doc: MailDocument } {
  const { subject, doc } = BUILDERS[facts.kind](facts);
  return {
    subject,
    doc: {
      ...doc,
      footer: [
        { text: WHY[facts.kind], link: { label: 'Unsubscribe from this mail', url: facts.unsubscribeUrl } },
        {
          text: 'Choose what Linchpin mails you:',
          link: { label: 'notification settings', url: facts.settingsUrl },
        },
        { text: `Times are in your time zone, ${facts.timeZone}.` },
      ],
    },
  };
}
