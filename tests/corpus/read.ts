// Reads one corpus case in-process with the app's own code (the same paths the browser takes):
// COG → open + info + a pixel; PMTiles → header + tile 0/0/0; AOI upload → readAoiFile.
// Returns what happened, how long it took and how much memory grew, on and off the JS heap.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Source } from 'pmtiles';
import { readAoiFile } from '../../src/queries/aoi_geometry_read';
import { cogInfo } from '../../src/sources/cog/info';
import { identify } from '../../src/sources/cog/identify';
import { openCog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { openPmtiles } from '../../src/sources/pmtiles_archive';
import type { CorpusCase } from './cases';

export interface CaseResult {
  ok: boolean;
  message: string;
  ms: number;
  heapMiB: number;
  /** Growth of memory outside the JS heap: ArrayBuffers, Buffers and other native allocations. */
  offHeapMiB: number;
}

/** Off-heap bytes: `external` (native memory tied to JS objects) plus `arrayBuffers`. */
function offHeapBytes(): number {
  const usage = process.memoryUsage();
  return usage.arrayBuffers + usage.external;
}

let folder: string | undefined;

/** Writes the case under a temporary folder and returns its path. */
export function materialise(item: CorpusCase): string {
  folder ??= mkdtempSync(path.join(tmpdir(), 'geoveille-corpus-'));
  const file = path.join(folder, item.name);
  writeFileSync(file, item.bytes);
  return file;
}

/** Removes the folder `materialise` wrote into (call it in afterAll). */
export function removeMaterialised(): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}

/** A pmtiles Source over bytes in memory (what a server or a dropped file would give). */
function memorySource(name: string, bytes: Uint8Array): Source {
  return {
    getKey: () => name,
    getBytes: async (offset, length) => ({ data: bytes.slice(offset, offset + length).buffer }),
  };
}

async function readCase(item: CorpusCase): Promise<string> {
  if (item.kind === 'cog') {
    const cog = await openCog(new FileRangeSource(materialise(item)));
    try {
      const info = cogInfo(cog);
      const [w, s, e, n] = info.bounds4326;
      const values = await identify(cog, (w + e) / 2, (s + n) / 2);
      return `${info.width}×${info.height} ${info.dtype}, centre ${JSON.stringify(values)}`;
    } finally {
      await cog.close();
    }
  }
  if (item.kind === 'pmtiles') {
    const { archive, header } = await openPmtiles(memorySource(item.name, item.bytes));
    const tile = await archive.getZxy(0, 0, 0);
    return `z${header.minZoom}–${header.maxZoom}, tile 0/0/0 ${tile?.data.byteLength ?? 'absent'} bytes`;
  }
  const result = await readAoiFile(item.name, item.bytes, { xmlParser: DOMParser as never });
  const vertices = result.features.reduce((sum, feature) => sum + JSON.stringify(feature.geometry.coordinates).split('],[').length, 0);
  return `${result.features.length} area(s), ~${vertices} vertices, notes: ${result.notes.map((note) => note.code).join(', ') || 'none'}`;
}

export async function runCase(item: CorpusCase): Promise<CaseResult> {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const offHeapBefore = offHeapBytes();
  const started = performance.now();
  let ok = true;
  let message: string;
  try {
    message = await readCase(item);
  } catch (error) {
    ok = false;
    message = error instanceof Error ? error.message : String(error);
  }
  const ms = performance.now() - started;
  const heapMiB = Math.max(0, process.memoryUsage().heapUsed - heapBefore) / 1048576;
  const offHeapMiB = Math.max(0, offHeapBytes() - offHeapBefore) / 1048576;
  return { ok, message, ms, heapMiB, offHeapMiB };
}
