import { PROMPT_TEXT, REFLECTION_PROMPTS } from '../reflections/prompts.ts';
import { formatHours as hours } from '../reports/format.ts';
import { formatScore, GAP_TABLE_HEADER, gapTableRows } from '../scorecard/gap-table.ts';
import type { HandoverPack } from './pack.ts';

const words = (id: string) => id.replaceAll('_', ' ');
/** Table cells stay on one line and keep their pipes. */
const cell = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').replaceAll('|', '\\|');

function table(header: string[], rows: (string | number)[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => cell(String(c))).join(' | ')} |`),
  ].join('\n');
}

/** The pack as Markdown: the same data always gives the same text (the preparation date aside). */
export function packMarkdown(pack: HandoverPack): string {
  const a = pack.account;
  const out: string[] = [];
  out.push(`# Handover pack: ${a.name}`, '');
  out.push(
    `Prepared by ${pack.preparedBy} on ${pack.preparedOn}. Tier ${a.tier}; owner ${a.owner?.name ?? 'nobody'}` +
      `${a.members.length ? `; team ${a.members.map((m) => m.name).join(', ')}` : ''}` +
      `${a.domains.length ? `; email domains ${a.domains.join(', ')}` : ''}.`,
    '',
  );

  out.push('## Legacy statement and goals', '');
  out.push(
    a.legacyStatement ? `> ${a.legacyStatement.replace(/\n/g, '\n> ')}` : '_No legacy statement written._',
    '',
  );
  if (pack.goals.length) {
    out.push(
      table(
        ['Dimension', 'Goal', 'What success looks like', 'Target', 'Status', 'Time invested'],
        pack.goals.map((g) => [
          words(g.dimension),
          g.title,
          g.measure ?? '',
          g.targetDate ?? '',
          g.status,
          hours(g.minutes),
        ]),
      ),
      '',
    );
  } else out.push('_No goals set._', '');

  out.push('## Stakeholders and relationships', '');
  if (pack.stakeholders.length === 0) out.push('_No stakeholders recorded._', '');
  const byFunction = new Map<string, typeof pack.stakeholders>();
  for (const p of pack.stakeholders) byFunction.set(p.function, [...(byFunction.get(p.function) ?? []), p]);
  for (const fn of [...byFunction.keys()].sort()) {
    const label = words(fn);
    out.push(`### ${label.charAt(0).toUpperCase()}${label.slice(1)}`, '');
    for (const p of byFunction.get(fn) ?? []) {
      const facts = [
        p.level,
        p.buyingOffice ? 'buying office' : null,
        p.attitude,
        `strength ${p.strength}/5`,
        `influence ${p.influence}/5`,
        `our side: ${p.owners.map((o) => o.name).join(', ') || 'nobody'}`,
        `last contact ${p.lastContactAt?.slice(0, 10) ?? 'never'}`,
      ].filter(Boolean);
      out.push(`- **${p.name}**${p.title ? `, ${p.title}` : ''} — ${facts.join('; ')}`);
    }
    out.push('');
  }
  if (pack.warnings.length) {
    out.push('Warnings:', '', ...pack.warnings.map((w) => `- ${w.message}`), '');
  }
  if (pack.introductions.length) {
    out.push('### Warm introductions to ask for', '');
    for (const i of pack.introductions) {
      out.push(
        i.by
          ? `- ${i.by} to introduce you to **${i.stakeholder}**${i.title ? ` (${i.title})` : ''}, influence ${i.influence}/5`
          : `- **${i.stakeholder}**${i.title ? ` (${i.title})` : ''}: nobody on our side knows them yet, influence ${i.influence}/5`,
      );
    }
    out.push('');
  }

  out.push('## Honest conversations', '');
  const round = pack.latestRound;
  if (!round) out.push('_No scorecard round yet._', '');
  else {
    out.push(
      `Latest round: **${round.name}** (${round.createdAt.slice(0, 10)}${round.stale ? ', stale: older than 90 days' : ''}). Largest gaps first.`,
      '',
      table(GAP_TABLE_HEADER, gapTableRows(round)),
      '',
    );
    if (pack.rounds.length > 1) {
      out.push(
        'Trend (average of each view, raters in brackets):',
        '',
        table(
          ['Round', 'We rate us', 'We rate them', 'They rate us', 'They rate them'],
          [...pack.rounds]
            .reverse()
            .map((r) => [
              r.name,
              ...(['usOnUs', 'usOnThem', 'themOnUs', 'themOnThem'] as const).map(
                (v) => `${formatScore(r.views[v].average)} (${r.views[v].raters})`,
              ),
            ]),
        ),
        '',
      );
    }
  }

  out.push('## Precedents in force', '');
  if (pack.precedents.length === 0) out.push('_No decision recorded as setting a precedent._', '');
  for (const d of pack.precedents) {
    const facts = [
      `decided ${d.decidedOn}`,
      d.urgent ? 'under urgency' : null,
      d.agreedByThem ? `agreed with ${d.agreedByThem}` : null,
      d.scope ? `scope: ${d.scope}` : null,
      d.reviewBy ? `review by ${d.reviewBy}` : null,
      d.status === 'revisited' ? 'revisited' : null,
    ].filter(Boolean);
    out.push(
      `- **${d.title}** — ${facts.join('; ')}${d.context ? `. ${d.context.replace(/\s+/g, ' ')}` : ''}`,
    );
  }
  out.push('');

  out.push('## Open plans and commitments', '');
  if (!pack.plannedWork.length && !pack.agreedActions.length) out.push('_Nothing planned._', '');
  for (const p of pack.plannedWork)
    out.push(`- ${p.startsAt} ${p.title} (${p.minutes} min, ${p.quadrant.toUpperCase()})`);
  for (const x of pack.agreedActions)
    out.push(
      `- Agreed in ${x.round}: ${x.title}${x.startsAt ? ` (planned ${x.startsAt.slice(0, 10)})` : ''}`,
    );
  out.push('');

  out.push(
    `## Time invested, last 12 months (${pack.time.scope === 'team' ? 'the team' : `${pack.preparedBy} only`})`,
    '',
  );
  out.push(
    table(
      ['Month', 'Q1', 'Q2', 'Q3', 'Q4', 'Total'],
      pack.time.months.map((m) => [
        m.month,
        hours(m.q1),
        hours(m.q2),
        hours(m.q3),
        hours(m.q4),
        hours(m.q1 + m.q2 + m.q3 + m.q4),
      ]),
    ),
    '',
  );

  if (pack.reflections.length) {
    out.push('## Reflections shared for the handover', '');
    for (const r of pack.reflections) {
      out.push(`### ${r.week}`, '');
      for (const prompt of REFLECTION_PROMPTS) {
        const text = r.answers[prompt];
        if (text) out.push(`**${PROMPT_TEXT[prompt]}** ${text}`, '');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
