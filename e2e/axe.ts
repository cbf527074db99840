import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, injected into the real page as it is (no wrapper library). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What a person relying on assistive technology cannot get past: axe-core's two worst impacts. */
const BLOCKING = ['serious', 'critical'];

/** One violation, as a person fixing it reads it: the rule and the elements that break it. */
export interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The part of axe-core's browser API the suite calls. */
interface Axe {
  run: () => Promise<{
    violations: {
      id: string;
      impact?: string | null;
      help: string;
      nodes: {
        target: string[];
        any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } }[];
      }[];
    }[];
  }>;
}

/** Waits until the page has loaded (nothing fetching, nothing marked busy) and no animation runs. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () =>
      !document.querySelector('[aria-busy="true"]') &&
      document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
}

/** Runs axe-core on the page as it is now and returns its serious and critical violations. */
export async function blockingViolations(page: Page): Promise<Finding[]> {
  await settled(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: Axe }).axe.run();
    return violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((node) => {
        // A contrast finding says which colours met, as the fix needs them.
        const colours = node.any.find((check) => check.data?.contrastRatio)?.data;
        const where = node.target.join(' ');
        return colours
          ? `${where} (${colours.fgColor} on ${colours.bgColor}: ${colours.contrastRatio})`
          : where;
      }),
    }));
  });
  return violations.filter((v) => BLOCKING.includes(v.impact));
}

/** Findings as lines a failing test prints: `page: rule (impact) help — targets`. */
export function describeFindings(findings: Record<string, Finding[]>): string[] {
  return Object.entries(findings).flatMap(([where, list]) =>
    list.map((f) => `${where}: ${f.rule} (${f.impact}) ${f.help} — ${f.targets.join(', ')}`),
  );
}
