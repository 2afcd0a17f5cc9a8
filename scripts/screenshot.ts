// Screenshot of the app for the README and for looking at what we build:
//   tsx scripts/screenshot.ts <url> <out.png> [width height]
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.ts';

const [url, out, width = '1280', height = '800'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: tsx scripts/screenshot.ts <url> <out.png> [width height]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on('console', (message) => {
  if (message.type() === 'error' || message.type() === 'warning') console.error(`console: ${message.text()}`);
});
page.on('pageerror', (error) => console.error(`page error: ${String(error)}`));
await page.goto(url);
await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: 60000 });
await page.waitForTimeout(1500);
await page.screenshot({ path: out });
await browser.close();
console.log(out);
