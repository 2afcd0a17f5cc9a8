// Browser tests: the built app (dist/, made by `vite build --mode e2e` in `npm run test:e2e`: the
// e2e mode adds the window.__geoveille test hook) served by `vite preview`, driven by
// playwright-core and Debian's chromium. One file at a time: the machine has two cores and
// SwiftShader renders WebGL on the CPU.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export default defineConfig({
  root: repoRoot,
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: [path.join(import.meta.dirname, 'global_setup.ts')],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // No silent retry: a flaky test waits on the wrong signal and must be fixed, not re-run.
    retry: 0,
  },
});
