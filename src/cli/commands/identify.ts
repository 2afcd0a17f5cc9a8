// cli identify --raster <path|url> --lon <x> --lat <y> → {values: [...]} (null: nodata or outside),
//   plus {scaled, units} when the file gives bands a scale/offset or unit (GDAL metadata)
// cli identify --layer <catalogue id> --lon <x> --lat <y> [--time <t> | --from <a> --to <b>] [--tolerance-m 10]
//   → the app's identify answer for that layer (features, or raster values); with a time, only
//     the features of that time, or a series' file of that date (layer_time.ts), and a `time` member.
import { identify, type PixelValues } from '../../sources/cog/identify';
import { bandInfo, isScaled, scaledValues } from '../../sources/cog/bands';
import { identifyAt, type LayerAnswer } from '../../queries/identify';
import { fileDataAccess } from '../../queries/identify_data_node';
import { requireNumber } from './args';
import { openRasterOption } from './open_raster';
import { askedTime, DATA_ROOT, hasTimeOption, layerAtTime, readLayerDefinition } from './layer_time';

/** Lines and points this close to the point count as hit (the app uses a few screen pixels). */
const DEFAULT_TOLERANCE_M = 10;

async function identifyLayer(id: string, lon: number, lat: number, options: Map<string, string>): Promise<LayerAnswer & { time?: string }> {
  const data = fileDataAccess(DATA_ROOT);
  const shown = await layerAtTime(await readLayerDefinition(id), askedTime(options), data);
  const toleranceMetres = options.has('tolerance-m') ? requireNumber(options, 'tolerance-m') : DEFAULT_TOLERANCE_M;
  if (toleranceMetres < 0) throw new Error(`--tolerance-m must be 0 or more, got ${toleranceMetres}`);
  // As the app: a series layer is read on the shown date's file, features kept by the map's filter.
  const def = { ...shown.def, source: { ...shown.def.source, url: shown.url } };
  const [answer] = await identifyAt([lon, lat], [def], data, { toleranceMetres, timeFilters: new Map([[id, shown.filter]]) });
  if (!answer) throw new Error(`layer "${id}": no answer`);
  if (answer.kind === 'error') throw new Error(`layer "${id}": ${answer.message}`);
  return shown.time ? { ...answer, time: shown.time.text } : answer;
}

export async function run(options: Map<string, string>): Promise<{ values: PixelValues; scaled?: PixelValues; units?: Array<string | null> } | LayerAnswer> {
  const lon = requireNumber(options, 'lon');
  const lat = requireNumber(options, 'lat');
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) throw new Error(`--lon/--lat out of range: ${lon}, ${lat}`);
  const layer = options.get('layer');
  if (layer) return identifyLayer(layer, lon, lat, options);
  if (hasTimeOption(options)) throw new Error('--time/--from/--to need a catalogue layer (--layer <id>), whose times are known');
  const cog = await openRasterOption(options);
  try {
    const [values, bands] = await Promise.all([identify(cog, lon, lat), bandInfo(cog)]);
    // values as gdallocationinfo gives them; `scaled` as GDAL unscales them, when the file says how
    if (!bands.some(isScaled) && !bands.some((band) => band.unit)) return { values };
    return { values, scaled: scaledValues(bands, values), units: bands.map((band) => band.unit) };
  } finally {
    await cog.close();
  }
}
