// Starts `vite preview` on a free port over the already built dist/ and hands its URL to
// the tests (inject('baseUrl')); stops it when the run ends. It serves a private copy of
// dist/ (inject('distDir')), so a `vite build` started meanwhile in the same work tree
// cannot pull files from under a running test.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT as repoRoot } from '../support/shared_data';
import { useRunTempDir } from '../support/temp_sandbox';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The copy of dist/ being served. */
    distDir: string;
  }
}


function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let server: PreviewServer | undefined;
let servedDir: string | undefined;
/** The run's temp folder (TMPDIR for the test workers and the browser), removed at teardown. */
let restoreTempDir: (() => void) | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(path.join(repoRoot, 'dist', 'index.html'))) {
    throw new Error('dist/index.html is missing: build the app first (`npm run test:e2e` runs `vite build --mode e2e`).');
  }
  if (!hasTestHook(path.join(repoRoot, 'dist', 'assets'))) {
    throw new Error('dist/ is a production build without the test hook: build it with `vite build --mode e2e`.');
  }
  restoreTempDir = useRunTempDir('geoveille-e2e-run-');
  servedDir = mkdtempSync(path.join(tmpdir(), 'geoveille-e2e-'));
  cpSync(path.join(repoRoot, 'dist'), servedDir, { recursive: true });
  const port = await freePort();
  server = await preview({
    root: repoRoot,
    configFile: path.join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: servedDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  project.provide('distDir', servedDir);
}

export async function teardown(): Promise<void> {
  await server?.close();
  server = undefined;
  if (servedDir) rmSync(servedDir, { recursive: true, force: true });
  servedDir = undefined;
  restoreTempDir?.();
  restoreTempDir = undefined;
}

/** The e2e build (`--mode e2e`) exposes window.__geoveille to the tests; production does not. */
function hasTestHook(assets: string): boolean {
  return readdirSync(assets).some((file) => file.endsWith('.js') && readFileSync(path.join(assets, file), 'utf8').includes('__geoveille'));
}
