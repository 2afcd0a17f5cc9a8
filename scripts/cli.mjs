// `npm run cli -- …`: runs the CLI compiled to plain JavaScript (dist-cli/main.js) on node,
// without tsx's start-up. Builds it first (scripts/vite_cli.config.ts, a few seconds, messages
// on stderr so stdout stays JSON) when it is missing or a file under src/ (or the installed
// packages, bundled in) is newer: a fresh clone, an edit or an `npm ci` needs no extra step.
// A lock keeps two calls from building at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist-cli');
const entry = path.join(out, 'main.js');
const config = path.join(root, 'scripts/vite_cli.config.ts');
const lock = `${out}.lock`;
/** A lock older than this is a crashed build's. */
const STALE_LOCK_MS = 120_000;

/** Besides src/: the build config, and the installed packages (they are bundled in). */
const INPUTS = [config, path.join(root, 'package-lock.json'), path.join(root, 'node_modules/.package-lock.json')];

function newestSourceMs() {
  let newest = Math.max(...INPUTS.filter((file) => existsSync(file)).map((file) => statSync(file).mtimeMs));
  for (const item of readdirSync(path.join(root, 'src'), { withFileTypes: true, recursive: true })) {
    if (item.isFile()) newest = Math.max(newest, statSync(path.join(item.parentPath, item.name)).mtimeMs);
  }
  return newest;
}

const isStale = () => !existsSync(entry) || newestSourceMs() > statSync(entry).mtimeMs;
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds into a temporary folder, then swaps it in; the entry is stamped with the build's start. */
function build() {
  const started = Date.now();
  const temporary = `${out}.tmp-${process.pid}`;
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', config], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    env: { ...process.env, GEOVEILLE_CLI_OUT: temporary },
  });
  if (result.status !== 0) {
    rmSync(temporary, { recursive: true, force: true });
    throw new Error(`building the CLI (dist-cli) failed (exit ${result.status ?? result.signal})`);
  }
  const old = `${out}.old-${process.pid}`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(temporary, out);
  rmSync(old, { recursive: true, force: true });
  utimesSync(path.join(out, 'main.js'), started / 1000, started / 1000);
}

function buildIfStale() {
  while (isStale()) {
    try {
      mkdirSync(lock);
    } catch {
      // another call is building: wait for it, then look again
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      sleep(200);
      continue;
    }
    try {
      if (isStale()) build();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

try {
  buildIfStale();
} catch (error) {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
await import(pathToFileURL(entry).href);
