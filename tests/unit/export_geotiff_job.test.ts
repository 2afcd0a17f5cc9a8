// The clipped-GeoTIFF worker's job, run without a worker: bytes asked from the page's ByteCache
// through serveBytes (as the page answers the worker), the same file as clipRasterToAoi on the
// main thread, progress that only grows and ends at its total, the file's bytes handed over as a
// transfer, and a refused clip sent back as its ClipProblem, rebuilt on the page as a ClipError.
import path from 'node:path';
import type { Feature, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { ByteCache } from '../../src/sources/cog/byte_cache';
import { openCog, type Cog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { pixelToCrs } from '../../src/sources/cog/georef';
import { ClipError, clipRasterToAoi } from '../../src/queries/export_geotiff';
import { clipJobError, runClipJob, type ClipJobMessage } from '../../src/queries/export_geotiff_job';
import { serveBytes } from '../../src/queries/byte_worker_client';
import { REPO_ROOT } from '../support/shared_data';

const file = path.join(REPO_ROOT, 'public/data/lidar_mhc.tif');

function aoiOf(cog: Cog, corners: Array<[number, number]>): Feature<Polygon> {
  const ring = corners.map(([fx, fy]) => cog.proj.inverse(pixelToCrs(cog.georef, cog.width * fx, cog.height * fy)) as [number, number]);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0] as [number, number]]] } };
}

/** Runs the job with the page's side played by a ByteCache over the file; every message kept. */
async function runJob(cog: Cog, aoi: Feature<Polygon>): Promise<Array<{ message: ClipJobMessage; transfer?: Transferable[] }>> {
  const page = new ByteCache(new FileRangeSource(file));
  const posted: Array<{ message: ClipJobMessage; transfer?: Transferable[] }> = [];
  let nextId = 1;
  let clock = 0;
  await runClipJob({ type: 'run', url: cog.key, aoi }, async (ranges, header) => {
    const reply = await serveBytes(page, { type: 'bytes', id: nextId++, key: cog.key, ranges, header }, new AbortController().signal);
    if ('error' in reply) throw new Error(reply.error);
    return reply;
  }, (message, transfer) => posted.push({ message, ...(transfer ? { transfer } : {}) }), () => (clock += 1000));
  return posted;
}

describe('clipped GeoTIFF job (the worker\'s work)', () => {
  let cog: Cog;
  beforeAll(async () => {
    cog = await openCog(new FileRangeSource(file));
  });

  it('should post the main thread\'s exact file, transferred, after growing progress', async () => {
    const aoi = aoiOf(cog, [[0.1, 0.1], [0.9, 0.2], [0.7, 0.95], [0.15, 0.8]]);
    const posted = await runJob(cog, aoi);
    const last = posted.at(-1)!;
    expect(last.message.type).toBe('done');
    const result = (last.message as Extract<ClipJobMessage, { type: 'done' }>).result;
    expect(last.transfer).toEqual([result.data]);
    const main = await clipRasterToAoi(cog, aoi);
    expect(Buffer.compare(Buffer.from(result.data), Buffer.from(main.data))).toBe(0);
    expect([result.width, result.height, result.extent]).toEqual([main.width, main.height, main.extent]);
    const progress = posted.filter((p) => p.message.type === 'progress').map((p) => p.message as { done: number; total: number });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
  });

  it('should send a refused clip as its problem, rebuilt on the page as a ClipError', async () => {
    const sliver = aoiOf(cog, [[0.5, 0.5], [0.5 + 0.2 / cog.width, 0.5], [0.5 + 0.2 / cog.width, 0.5 + 0.2 / cog.height]]);
    const posted = await runJob(cog, sliver);
    const failed = posted.at(-1)!.message;
    expect(failed).toMatchObject({ type: 'failed', clip: { code: 'clip-outside' } });
    const error = clipJobError(failed as Extract<ClipJobMessage, { type: 'failed' }>);
    expect(error).toBeInstanceOf(ClipError);
    expect(error?.message).toMatch(/lidar_mhc\.tif: the area of interest does not cover any pixel/);
  });
});
