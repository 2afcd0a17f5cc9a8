// The bytes of a COG that an area needs: the header blocks the app's reader asks for when it
// opens the file (same 64 KiB blocks, recorded while opening it with the app's own code), then
// for every zoom the overview the renderer would choose there (planTile), and always the full
// resolution (identify and the AOI report read it), each limited to the internal tiles under
// the area. Neighbours are joined with at least the renderer's merge gap, so a merged request
// of the running app finds every byte it asks for. DOM-free.
import type { CogRendering } from '../catalogue/types';
import type { RangeSource } from '../sources/source';
import { openCog, type Cog, type CogLevel } from '../sources/cog/open';
import { blockRanges, type PixelWindow } from '../sources/cog/blocks';
import { planTile } from '../sources/cog/render';
import { joinRanges, minus, type ByteRange } from './ranges';
import { recording, type FilePlan, type RangeReader } from './plan_types';
import { lonToTileX, latToTileY, type Bbox } from './tiles';

/** ByteCache's default merge gap (16 KiB) doubled: requests the app merges stay inside what is stored. */
const COG_GAP = 32768;

export async function planCog(url: string, readRange: RangeReader, rendering: CogRendering, bbox: Bbox,
  minZoom: number, maxZoom: number, signal?: AbortSignal): Promise<FilePlan> {
  const { read, plan } = recording(readRange);
  const source: RangeSource = { getKey: () => url, getBytes: async (offset, length, s) => read(offset, length, s ?? signal) };
  const cog = await openCog(source, {}, signal);
  const window = areaWindow(cog, bbox);
  const levels = new Set<CogLevel>([cog.levels[0] as CogLevel]);
  const [cx, cy] = window ? windowCentre(cog, window) : [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
  for (let z = minZoom; z <= maxZoom; z++) {
    const tile = planTile(cog, rendering, z, Math.floor(lonToTileX(cx, z)), Math.floor(latToTileY(cy, z)));
    if (tile) levels.add(tile.level);
  }
  const ranges: ByteRange[] = [];
  if (window) {
    for (const level of levels) {
      const scaled = scaleWindow(window, cog, level);
      ranges.push(...blockRanges(level.image, scaled), ...(level.mask ? blockRanges(level.mask, scaled) : []));
    }
  }
  const needed = joinRanges(ranges, COG_GAP).flatMap((r) => minus(r, plan.have));
  await cog.close();
  return { url, ...plan, need: needed };
}

/** The area's full-resolution pixel window (its outline projected point by point), or null when apart. */
function areaWindow(cog: Cog, bbox: Bbox): PixelWindow | null {
  const xs: number[] = [], ys: number[] = [];
  const steps = 16;
  for (let i = 0; i <= steps; i++) {
    const f = i / steps;
    const lon = bbox[0] + (bbox[2] - bbox[0]) * f, lat = bbox[1] + (bbox[3] - bbox[1]) * f;
    for (const [x, y] of [[lon, bbox[1]], [lon, bbox[3]], [bbox[0], lat], [bbox[2], lat]] as const) {
      const [px, py] = cog.proj.forward([x, y]) as [number, number];
      xs.push((px - cog.georef.originX) / cog.georef.resX);
      ys.push((cog.georef.originY - py) / cog.georef.resY);
    }
  }
  const w: PixelWindow = [
    Math.max(0, Math.floor(Math.min(...xs))), Math.max(0, Math.floor(Math.min(...ys))),
    Math.min(cog.width, Math.ceil(Math.max(...xs))), Math.min(cog.height, Math.ceil(Math.max(...ys))),
  ];
  return w[2] > w[0] && w[3] > w[1] ? w : null;
}

/** lon/lat of the window's centre: the overview chosen there is the one the area's tiles use. */
function windowCentre(cog: Cog, window: PixelWindow): [number, number] {
  const x = cog.georef.originX + ((window[0] + window[2]) / 2) * cog.georef.resX;
  const y = cog.georef.originY - ((window[1] + window[3]) / 2) * cog.georef.resY;
  return cog.proj.inverse([x, y]) as [number, number];
}

/** A full-resolution window in an overview's pixels, grown by 2 px (the renderer's padding). */
function scaleWindow(window: PixelWindow, cog: Cog, level: CogLevel): PixelWindow {
  const fx = cog.width / level.width, fy = cog.height / level.height;
  return [
    Math.max(0, Math.floor(window[0] / fx) - 2), Math.max(0, Math.floor(window[1] / fy) - 2),
    Math.min(level.width, Math.ceil(window[2] / fx) + 2), Math.min(level.height, Math.ceil(window[3] / fy) + 2),
  ];
}
