// cli export --layer <id|path> --aoi <geojson> --out <dir> [--by <field>] [--time <t> | --from <a> --to <b>]
// Writes the files the browser's report offers for that layer: CSV + clipped GeoJSON for a
// vector layer, CSV + clipped GeoTIFF for a COG. Several AOIs: one sub-folder per AOI.
// A time (catalogue layers only, layer_time.ts) exports what the map shows at that time: the
// features of that time, or a series' file of that date; the time is in the names and files.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bbox } from '@turf/turf';
import { openCog } from '../../sources/cog/open';
import { sourceForPathOrUrl } from '../../sources/file_source';
import { zonalStats } from '../../queries/zonal_stats';
import { clipLayer } from '../../queries/stats_vector';
import { originalGeojsonUrl } from '../../queries/stats_vector_load';
import { defaultClassField } from '../../queries/stats_class_field';
import { rasterExports, vectorExports, type ExportFile } from '../../queries/export_layer';
import type { NamedAoi } from '../../queries/stats_aoi';
import { safeId } from '../../queries/export_names';
import { clippedAtTime, type ExportTime } from '../../queries/export_time';
import { loadVector, readAois } from './stats';
import { requireOption } from './args';
import { askedTime, hasTimeOption, layerAtTime, localLocation, readLayerDefinition } from './layer_time';
import { reportKind } from '../../sources/kinds/traits';

interface LayerTarget {
  id: string;
  title: string;
  kind: 'raster' | 'vector';
  location: string;
  sourceLayer?: string;
  by?: string;
  categorical: boolean;
  /** The time asked (a catalogue layer with --time/--from/--to). */
  time?: ExportTime;
}

async function layerById(id: string, options: Map<string, string>): Promise<LayerTarget> {
  const def = await readLayerDefinition(id);
  const report = reportKind(def.source);
  if (report === null) throw new Error(`layer "${id}": ${def.source.kind} layers hold colours, not values; nothing to export`);
  const shown = await layerAtTime(def, askedTime(options));
  let location = localLocation(shown.url);
  const sibling = originalGeojsonUrl(location);
  if (sibling && !/^https?:/i.test(sibling) && existsSync(sibling)) location = sibling;
  return {
    id, title: def.title.fr, kind: report, location,
    sourceLayer: def.source.sourceLayer, by: defaultClassField(def), categorical: def.source.cog?.mode === 'categorical',
    time: shown.time,
  };
}

function layerByPath(file: string): LayerTarget {
  if (!/^https?:\/\//i.test(file) && !existsSync(file)) throw new Error(`${file}: no such file`);
  const raster = /\.tiff?(\?.*)?$/i.test(file);
  return { id: safeId(file), title: path.basename(file), kind: raster ? 'raster' : 'vector', location: file, categorical: false };
}

async function filesFor(layer: LayerTarget, aoi: NamedAoi, by: string | undefined, date: Date): Promise<ExportFile[]> {
  const label = { id: layer.id, title: layer.title, time: layer.time?.text };
  if (layer.kind === 'vector') {
    const loaded = await loadVector(layer.location, bbox(aoi.feature), layer.sourceLayer);
    const clipped = clippedAtTime(clipLayer(loaded.index, aoi.feature), layer.time, (time) => `Only the features of the time asked: ${time.label}`);
    return vectorExports(label, clipped, { by: by ?? layer.by, aoiName: aoi.name, date });
  }
  const cog = await openCog(await sourceForPathOrUrl(layer.location));
  try {
    const stats = await zonalStats(cog, aoi.feature, { categorical: layer.categorical });
    return await rasterExports(label, cog, aoi.feature, stats, { date });
  } finally {
    await cog.close();
  }
}

export async function run(options: Map<string, string>): Promise<{ files: string[] }> {
  const wanted = requireOption(options, 'layer');
  const out = requireOption(options, 'out');
  const aois = await readAois(options);
  const byPath = /[\\/.]/.test(wanted);
  if (byPath && hasTimeOption(options)) throw new Error(`${wanted}: --time/--from/--to need a catalogue layer id (--layer <id>), whose times are known`);
  const layer = byPath ? layerByPath(wanted) : await layerById(wanted, options);
  const date = new Date();
  const written: string[] = [];
  for (const aoi of aois) {
    const dir = aois.length > 1 ? path.join(out, safeId(aoi.name)) : out;
    await mkdir(dir, { recursive: true });
    for (const file of await filesFor(layer, aoi, options.get('by'), date)) {
      const target = path.join(dir, file.name);
      await writeFile(target, typeof file.data === 'string' ? file.data : new Uint8Array(file.data));
      written.push(target);
    }
  }
  return { files: written };
}
