// Draws the app icons (public/icons/*.png) from public/icons/icon.svg with Debian's chromium.
// Run once after editing the SVG: npx tsx scripts/make_icons.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const dir = path.resolve(import.meta.dirname, '../public/icons');
const svg = `data:image/svg+xml;base64,${readFileSync(path.join(dir, 'icon.svg')).toString('base64')}`;

async function draw(size: number, file: string, maskable: boolean): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // maskable: full-bleed background, the drawing inside the 80 % safe zone
  const inner = maskable ? Math.round(size * 0.8) : size;
  await page.setContent(`<body style="margin:0;background:${maskable ? '#1f3a2e' : 'transparent'};display:grid;place-items:center;height:${size}px">
    <img src="${svg}" width="${inner}" height="${inner}"></body>`);
  await page.waitForFunction(() => document.images[0]?.complete);
  await page.screenshot({ path: path.join(dir, file), omitBackground: !maskable });
  await browser.close();
}

await draw(192, 'icon-192.png', false);
await draw(512, 'icon-512.png', false);
await draw(512, 'icon-maskable-512.png', true);
