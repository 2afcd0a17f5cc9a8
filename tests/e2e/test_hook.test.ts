// The test hook (window.__geoveille: map, store, context) exists only in the e2e build
// (`vite build --mode e2e`, what `npm run test:e2e` serves); the production bundle has none.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, type GeoveilleWindow } from './harness';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Every JavaScript file under `dir` with its text. */
function scripts(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.m?js$/.test(file))
    .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));
}

describe('test hook', () => {
  let outDir: string;
  let browser: Browser;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'geoveille-prod-'));
    // In a child process: the bundler keeps threads that would hold this test worker open.
    const script = `import { build } from 'vite';
      await build({ root: ${JSON.stringify(repoRoot)}, mode: 'production', logLevel: 'error', publicDir: false,
        build: { outDir: ${JSON.stringify(outDir)}, emptyOutDir: true } });`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, stdio: 'inherit' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('should leave window.__geoveille out of the production bundle', () => {
    const built = scripts(outDir);
    // the app's own entry is among the files read (so the check reads the code that boots the app)
    expect(built.some(({ text }) => text.includes('data/basemap.pmtiles'))).toBe(true);
    expect(built.filter(({ text }) => text.includes('__geoveille')).map(({ file }) => file)).toEqual([]);
  });

  it('should expose the map and the app context in the e2e build the tests serve', async () => {
    const app = await openApp(browser);
    try {
      const hook = await app.page.evaluate(() => {
        const hooked = (window as GeoveilleWindow).__geoveille;
        return { map: typeof hooked?.map.getZoom, mode: hooked?.context.mapInput.mode };
      });
      expect(hook).toEqual({ map: 'function', mode: 'browse' });
    } finally {
      await app.close();
    }
  });
});
