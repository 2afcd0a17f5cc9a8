// axe-core accessibility checks inside the page, shared by the browser tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeOptions {
  /** Only serious and critical violations (default: every violation). */
  seriousOnly?: boolean;
}

/**
 * axe-core violations inside the elements matched by `selectors` (the whole document when empty),
 * as "rule: target (impact)". Injected through DevTools: the app's CSP refuses an inline <script>.
 */
export async function axeViolations(page: Page, selectors: string[] = [], options: AxeOptions = {}): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async ([include, seriousOnly]) => {
    type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } }).axe;
    const context = include.length ? { include: include.map((selector) => [selector]) } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => !seriousOnly || violation.impact === 'serious' || violation.impact === 'critical')
      .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${violation.impact})`));
  }, [selectors, options.seriousOnly ?? false] as const);
}
