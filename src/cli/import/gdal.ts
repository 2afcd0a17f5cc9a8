// gdal3.js (GDAL in WebAssembly) set up for Node: no worker, files read through NODEFS, and every GDAL
// message captured instead of printed, so the importer decides what the user sees.

import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The part of gdal3.js the importer uses (its bundled typings lack open options and JSON shapes). */
export interface GdalDataset {
  pointer: number;
  path: string;
  type: 'vector' | 'raster';
}
export interface Gdal {
  open(file: string, openOptions?: string[], vfsHandlers?: string[]): Promise<{ datasets: GdalDataset[]; errors: string[] }>;
  close(dataset: GdalDataset): Promise<void>;
  ogrinfo(dataset: GdalDataset, options?: string[]): Promise<unknown>;
  gdalinfo(dataset: GdalDataset, options?: string[]): Promise<unknown>;
  ogr2ogr(dataset: GdalDataset, options: string[], outputName: string): Promise<{ real: string }>;
  gdal_translate(dataset: GdalDataset, options: string[], outputName: string): Promise<{ real: string }>;
  gdaltransform(coords: number[][], options: string[]): Promise<number[][]>;
  /** The Emscripten module, for mounting another output folder. */
  Module: { FS: EmscriptenFs; NODEFS: unknown };
}
interface EmscriptenFs {
  mount(type: unknown, options: { root: string }, mountpoint: string): void;
  unmount(mountpoint: string): void;
}

interface GdalConfig {
  path: string;
  useWorker: false;
  /** A real folder mounted as GDAL's /output: converters write there directly. */
  dest: string;
  logHandler: (message: string, type: string) => void;
  errorHandler: (message: string, type: string) => void;
}

export interface GdalSession {
  gdal: Gdal;
  /** GDAL messages since the last takeMessages() call. */
  takeMessages(): string[];
}

const require = createRequire(import.meta.url);

/** GDAL's output folder; gdal3.js writes converter results there. */
const OUTPUT_MOUNT = '/output';

let shared: { session: Promise<GdalSession>; outputDir: string } | undefined;

/**
 * GDAL with outputDir mounted as its output folder. Starting it compiles 28 MB of WebAssembly
 * (about 2 s of CPU), and gdal3.js keeps one module per process, so it starts once and later
 * calls only remount the output folder.
 */
export async function startGdal(outputDir: string): Promise<GdalSession> {
  mkdirSync(outputDir, { recursive: true }); // mounting a missing folder fails with a bare "FS error"
  if (!shared) {
    shared = { session: initialise(outputDir), outputDir };
    return shared.session;
  }
  const session = await shared.session;
  // Remounted even for the same folder: Emscripten caches file nodes, and a file renamed or removed
  // by Node since the last import (e.g. re-importing the same id) would otherwise fail to open.
  session.gdal.Module.FS.unmount(OUTPUT_MOUNT);
  session.gdal.Module.FS.mount(session.gdal.Module.NODEFS, { root: outputDir }, OUTPUT_MOUNT);
  shared.outputDir = outputDir;
  return session;
}

async function initialise(outputDir: string): Promise<GdalSession> {
  const initGdalJs = require('gdal3.js/node.js') as (config: GdalConfig) => Promise<Gdal>;
  // gdal3.js reads its .data file at "./" + path: it must be relative to the working directory.
  const distPath = path.relative(process.cwd(), path.join(path.dirname(require.resolve('gdal3.js/node.js')), 'dist', 'package'));
  let messages: string[] = [];
  const keep = (message: string): void => {
    messages.push(message.trim());
  };
  const gdal = await initGdalJs({ path: distPath, useWorker: false, dest: outputDir, logHandler: keep, errorHandler: keep });
  return {
    gdal,
    takeMessages() {
      const taken = messages;
      messages = [];
      return taken;
    },
  };
}

/** The most useful GDAL message for a one-line error: the last ERROR, without GDAL's prefix. */
export function lastGdalError(messages: string[]): string | undefined {
  const errors = messages.filter((message) => /^ERROR \d+:/.test(message));
  const chosen = errors[errors.length - 1];
  return chosen?.replace(/^ERROR \d+:\s*/, '').replace(/\s+/g, ' ');
}

/** GDAL's own wording for "could not read", shortened for the user. */
export function describeOpenFailure(messages: string[], formatName: string): string {
  const detail = lastGdalError(messages);
  const known = detail && !/not recognized as .*supported file format/i.test(detail) ? `: ${detail}` : '';
  return `cannot be read as ${formatName}${known}`;
}
