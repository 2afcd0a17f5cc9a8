// Reads the numbers of one layer's summary table in the AOI report (raw values from data-value).
import type { Page } from 'playwright-core';

export async function reportValues(page: Page, layer: string): Promise<Record<string, number>> {
  const selector = `#side-sheet[data-content="report"] section[data-layer="${layer}"] table.report-table`;
  await page.waitForSelector(selector, { timeout: 90_000 });
  return page.$eval(selector, (table) => Object.fromEntries([...table.querySelectorAll('tr[data-stat]')]
    .map((tr) => [tr.getAttribute('data-stat') ?? '', Number(tr.querySelector('td')?.getAttribute('data-value'))])));
}
