// What the AOI report reads, for the layers the map shows: the original GeoJSON beside a PMTiles
// archive when the server has it (read once per layer), else the archive's max-zoom tiles; COGs
// through HTTP range requests (opened once per file). A series is read on the date the map shows.
import type { BBox } from 'geojson';
import type { LayerDefinition } from '../catalogue/types';
import { openCog, type Cog } from '../sources/cog/open';
import { FetchRangeSource } from '../sources/source';
import { fetchWithRetry } from '../sources/http_retry';
import { FormatError, NetworkError } from '../sources/errors';
import { openPmtiles } from '../sources/pmtiles_archive';
import { originalGeojsonUrl, pickSourceLayer, vectorFromGeojson, vectorFromPmtiles, type LoadedVector } from '../queries/stats_vector_load';
import { shownFileOf } from '../state/time_selection';
import type { ReportDeps } from '../ui/report_types';
import type { AppContext } from './context';

export function reportData(context: AppContext): ReportDeps {
  const geojsons = new Map<string, Promise<LoadedVector | null>>();
  const cogs = new Map<string, Promise<Cog>>();
  const shownUrl = (def: LayerDefinition) => context.resolveUrl(shownFileOf(def, context.times.of(def.id)));
  return {
    async loadVector(def: LayerDefinition, box: BBox, signal?: AbortSignal) {
      const url = shownUrl(def);
      const whole = def.source.kind === 'geojson' ? url : originalGeojsonUrl(url);
      if (whole) {
        if (!geojsons.has(def.id)) geojsons.set(def.id, fetchGeojson(whole, def.source.kind === 'geojson'));
        const loaded = await geojsons.get(def.id);
        if (loaded) return loaded;
      }
      const { archive } = await openPmtiles(url); // deadline, retries and a clear message for a bad file
      return vectorFromPmtiles(archive, await pickSourceLayer(archive, def.source.sourceLayer, url), box, signal);
    },
    openRaster(def: LayerDefinition) {
      const url = shownUrl(def);
      // the layer's CRS override, as the map and the statistics worker read the file
      const crs = def.source.cog?.crs;
      if (!cogs.has(url)) cogs.set(url, openCog(new FetchRangeSource(url), crs ? { crs } : {}));
      return cogs.get(url) as Promise<Cog>;
    },
    timeOf: (layerId) => context.times.of(layerId),
  };
}

/** The GeoJSON, or null when it is not there (a 404 or an HTML fallback page) and tiles must do. */
async function fetchGeojson(url: string, required: boolean): Promise<LoadedVector | null> {
  const response = await fetchWithRetry(url).catch((error: unknown) => {
    if (required) throw error; // a NetworkError: its code says what failed
    return null;
  });
  if (!response) return null;
  const type = response.headers.get('Content-Type') ?? '';
  if (!required && (!response.ok || type.includes('text/html'))) return null;
  if (!response.ok) throw new NetworkError({ code: 'http', url, status: response.status }, `HTTP ${response.status}`);
  if (type.includes('text/html')) throw new FormatError('html-page', 'the server sent a web page instead of the file', url);
  return vectorFromGeojson(await response.text(), url);
}
