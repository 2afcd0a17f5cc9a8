// Partitioned vector imports: part i writes the tiles of its map sheet (from the split zoom down) from
// the features near that sheet only; part 0 also writes the few tiles above the split zoom. The merge
// copies each tile from the one part that owns it into a single archive, equal to a one-process import.

import fs from 'node:fs/promises';
import type { Header } from 'pmtiles';
import path from 'node:path';
import { writePmtiles as writeArchive } from '../demo/pmtiles_writer';
import { startGdal } from './gdal';
import { sheetBounds, sheetGrid, tileInSheet, type PartSpec, type SheetGrid } from './partition';
import { readArchive, type StoredTile } from './pmtiles_tiles';
import { sampleFields } from './vector_samples';
import { prepareVector, vectorResult, writePmtiles, type PreparedVector, type VectorJob, type VectorResult } from './vector_import';

/** The features of a sheet: those meeting it widened by this share of a split-zoom tile (GDAL's tile buffer is 2 %). */
const SHEET_MARGIN = 0.1;

export const partsDirOf = (outDir: string, id: string): string => path.join(outDir, `${id}.parts`);
const partName = (part: PartSpec): string => `part-${part.index + 1}-of-${part.count}`;
const lowName = (count: number): string => `part-1-of-${count}-low`;

function gridOf(prepared: PreparedVector, count: number): SheetGrid {
  return sheetGrid(prepared.facts.zoomInput.bounds, prepared.zooms, count);
}

/** Writes part `part` of a vector import into <outDir>/<id>.parts/; returns the files written. */
export async function writeVectorPart(job: VectorJob, part: PartSpec): Promise<string[]> {
  const partsDir = partsDirOf(job.outDir, job.id);
  await fs.mkdir(partsDir, { recursive: true });
  const session = await startGdal(partsDir);
  const prepared = await prepareVector(session, job);
  try {
    const grid = gridOf(prepared, part.count);
    const sheet = grid.sheets[part.index]!;
    const { minzoom, maxzoom } = prepared.zooms;
    const area = sheetBounds(sheet, grid.splitZoom, SHEET_MARGIN);
    const written = [await writePmtiles(session, prepared, job, { zooms: { minzoom: grid.splitZoom, maxzoom }, name: partName(part), outDir: partsDir, area })];
    if (part.index === 0 && minzoom < grid.splitZoom) {
      written.push(await writePmtiles(session, prepared, job, { zooms: { minzoom, maxzoom: grid.splitZoom - 1 }, name: lowName(part.count), outDir: partsDir }));
    }
    return written;
  } finally {
    await session.gdal.close(prepared.dataset);
  }
}

/** Joins the parts into <outDir>/<id>.pmtiles: each tile from the part that owns it. */
export async function mergeVectorParts(job: VectorJob, count: number): Promise<VectorResult> {
  const partsDir = partsDirOf(job.outDir, job.id);
  const session = await startGdal(job.outDir);
  const prepared = await prepareVector(session, job);
  const samples = await sampleFields(session.gdal, prepared.dataset, prepared.facts.layer, prepared.facts.fields);
  await session.gdal.close(prepared.dataset);
  const grid = gridOf(prepared, count);
  const tiles: StoredTile[] = [];
  let first: Awaited<ReturnType<typeof readArchive>> | undefined;
  const headers: Header[] = [];
  for (const [index, sheet] of grid.sheets.entries()) {
    const part = await readArchive(path.join(partsDir, `${partName({ index, count })}.pmtiles`));
    first ??= part;
    headers.push(part.header);
    tiles.push(...part.tiles.filter((t) => tileInSheet(t.z, t.x, t.y, grid.splitZoom, sheet)));
  }
  const low = prepared.zooms.minzoom < grid.splitZoom ? await readArchive(path.join(partsDir, `${lowName(count)}.pmtiles`)) : undefined;
  if (low) tiles.push(...low.tiles.filter((t) => t.z < grid.splitZoom));
  const reference = low ?? (first as NonNullable<typeof first>);
  const target = path.join(job.outDir, `${job.id}.pmtiles`);
  const temporary = `${target}.merging`;
  await fs.writeFile(temporary, writeArchive(tiles, {
    tileType: reference.header.tileType, tileCompression: reference.header.tileCompression,
    minZoom: prepared.zooms.minzoom, maxZoom: prepared.zooms.maxzoom,
    bounds: unionBounds(low ? [low.header, ...headers] : headers),
    center: [reference.header.centerLon, reference.header.centerLat, prepared.zooms.minzoom],
    metadata: withZooms(reference.metadata, prepared.zooms.minzoom, prepared.zooms.maxzoom),
  }));
  await fs.rename(temporary, target);
  return vectorResult(job, prepared, target, samples);
}

type Bounds = [number, number, number, number];
function unionBounds(headers: Header[]): Bounds {
  return [Math.min(...headers.map((h) => h.minLon)), Math.min(...headers.map((h) => h.minLat)),
    Math.max(...headers.map((h) => h.maxLon)), Math.max(...headers.map((h) => h.maxLat))];
}

/** GDAL's metadata lists each layer's zoom range: the part's, not the whole import's. */
function withZooms(metadata: unknown, minzoom: number, maxzoom: number): Record<string, unknown> {
  const meta = { ...(metadata as Record<string, unknown>) };
  if (Array.isArray(meta.vector_layers)) meta.vector_layers = meta.vector_layers.map((layer: object) => ({ ...layer, minzoom, maxzoom }));
  for (const key of ['minzoom', 'maxzoom'] as const) if (key in meta) meta[key] = String(key === 'minzoom' ? minzoom : maxzoom);
  return meta;
}
