// Opens what the user adds (a URL or a local file) and turns it into layer definitions with a
// default style. No DOM and no map here: bytes, validation, statistics, definitions.
// One request in the common case: the first 64 KiB block tells the kind (magic bytes) and
// holds the COG header or the PMTiles header + root directory.
import { PMTiles, type Source as PmtilesSource } from 'pmtiles';
import type { I18nText, LayerDefinition } from '../catalogue/types';
import { applyMask, defaultCogStyle } from '../queries/default_style';
import { colourTable } from '../sources/cog/photometric';
import { bandInfo } from '../sources/cog/bands';
import { defaultPmtilesStyle } from '../queries/default_style_pmtiles';
import { addedLayerId, detectKind, displayName, kindFromName, type DataKind } from '../queries/default_style_source';
import { blockedByPolicy } from '../queries/url_policy';
import { ByteCache } from '../sources/cog/byte_cache';
import { sharedByteHub } from '../sources/cog/byte_hub';
import { cogInfo, type CogInfo } from '../sources/cog/info';
import { openCogFrom } from '../sources/cog/open';
import { readPixelSample } from '../sources/cog/stats';
import { BlobRangeSource, FetchRangeSource, type RangeSource } from '../sources/source';
import { AoiReadError } from '../queries/aoi_geometry_types';
import { looksLikeVector, MAX_VECTOR_BYTES, VECTOR_EXTENSION, vectorData } from './add_data_vector';

export const ADDED_GROUP = 'mes-donnees';

export interface AddedData {
  /** The URL given, or the blob: URL standing for a local file. */
  key: string;
  name: string;
  kind: DataKind;
  local: boolean;
  defs: LayerDefinition[];
  bounds: [number, number, number, number] | null;
  /** PMTiles archive to hand to the map (its source key is `key`). */
  archive?: PMTiles;
  cog?: CogInfo;
  /** Vector layers left out (too many). */
  skipped: number;
}

/** An error whose message names the file; `code` lets the UI word it in the user's language. */
export class AddDataError extends Error {
  constructor(readonly code: 'not_data' | 'html' | 'empty' | 'open' | 'blocked', readonly fileName: string, readonly detail: string) {
    super(`${fileName}: ${detail}`);
  }
}

export async function openUrl(url: string): Promise<AddedData> {
  const name = displayName(url);
  if (blockedByPolicy(url, globalThis.location?.href ?? url)) {
    const detail = "the page's security policy blocks http:// addresses of other sites: use https://, the same site as the app, and a server that allows CORS";
    throw new AddDataError('blocked', name, detail);
  }
  if (VECTOR_EXTENSION.test(name)) return openVector(() => fetchBytes(url, name), name, addedLayerId(url), url);
  return openSource(new FetchRangeSource(url), url, name, false);
}

/** A local file is read in place (never uploaded); a blob: URL names it for the map and the workers. */
export async function openFile(file: File): Promise<AddedData> {
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  if (!/\.(tiff?|pmtiles)$/i.test(file.name) && looksLikeVector(file.name, head)) {
    return openVector(async () => new Uint8Array(await file.arrayBuffer()), file.name, addedLayerId(`${file.name}\n${file.size}\n${file.lastModified}`), null);
  }
  const key = URL.createObjectURL(file);
  return openSource(new BlobRangeSource(file, key), key, file.name, true).catch((error: unknown) => {
    URL.revokeObjectURL(key);
    throw error;
  });
}

async function openSource(source: RangeSource, key: string, name: string, local: boolean): Promise<AddedData> {
  const cache = new ByteCache(source);
  let head: Uint8Array;
  try {
    head = new Uint8Array((await cache.fetch([{ offset: 0, length: 16 }]))[0] as ArrayBuffer);
  } catch (error) {
    throw new AddDataError('open', name, messageOf(error, key));
  }
  const kind = detectKind(head);
  if (cache.fileSize === 0 || head.every((b) => b === 0)) throw new AddDataError('empty', name, 'the file is empty');
  if (!kind) {
    const text = new TextDecoder().decode(head).trimStart().toLowerCase();
    if (text.startsWith('<')) throw new AddDataError('html', name, 'the server sent a web page (HTML), not a data file');
    const guess = kindFromName(name);
    throw new AddDataError('not_data', name, guess ? `not a valid ${guess === 'cog' ? 'GeoTIFF' : 'PMTiles'} file (wrong magic bytes)` : 'neither a GeoTIFF nor a PMTiles file');
  }
  const id = addedLayerId(local ? `${name}\n${source.getKey()}` : key);
  const base = { key, name, kind, local, skipped: 0 };
  try {
    return kind === 'cog' ? { ...base, ...(await cogLayer(cache, key, id, name)) } : { ...base, ...(await pmtilesLayers(cache, key, id, name)) };
  } catch (error) {
    throw error instanceof AddDataError ? error : new AddDataError('open', name, messageOf(error, key));
  }
}

/** A vector file read whole; its problems become AddDataError naming the file. */
async function openVector(read: () => Promise<Uint8Array>, name: string, id: string, url: string | null): Promise<AddedData> {
  try {
    return await vectorData(await read(), name, id, url);
  } catch (error) {
    // AoiReadError (worded by the feature, like an AOI upload's) and AddDataError name the file already.
    throw error instanceof AddDataError || error instanceof AoiReadError ? error : new AddDataError('open', name, error instanceof Error ? error.message : String(error));
  }
}

async function fetchBytes(url: string, name: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new AddDataError('open', name, `HTTP ${response.status}`);
  const size = Number(response.headers.get('content-length') ?? 0);
  if (size > MAX_VECTOR_BYTES) throw new AddDataError('open', name, `${size} bytes, more than ${MAX_VECTOR_BYTES}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function cogLayer(cache: ByteCache, key: string, id: string, name: string) {
  const cog = await openCogFrom(cache, key);
  const info = cogInfo(cog);
  const sample = await readPixelSample(cog);
  const colorTable = await colourTable(cog.levels[0]!.image); // a palette file is drawn in its own colours
  const [scaling] = await bandInfo(cog); // legend values in the band's units (GDAL scale/offset)
  const { rendering, legend } = defaultCogStyle({ ...cog, colorTable, scaling }, sample.bands.map((band) => applyMask(band, sample.mask)));
  sharedByteHub.share(key, cache); // the tile workers read through this cache: no second header request
  const def = baseDef(id, name, key, info.bounds4326);
  def.source = { kind: 'cog', url: key, cog: rendering };
  def.style = [{ type: 'raster', paint: { 'raster-opacity': 1, 'raster-resampling': rendering.mode === 'categorical' ? 'nearest' : 'linear' } }];
  def.legend = legend;
  def.description = describeCog(key, info);
  return { defs: [def], bounds: info.bounds4326, cog: info };
}

async function pmtilesLayers(cache: ByteCache, key: string, id: string, name: string) {
  const source: PmtilesSource = {
    getKey: () => key,
    getBytes: async (offset, length, signal) => ({ data: (await cache.fetch([{ offset, length }], signal))[0] as ArrayBuffer }),
  };
  const archive = new PMTiles(source);
  const header = await archive.getHeader();
  const metadata = await archive.getMetadata().catch(() => ({}));
  cache.headerMode = false; // tiles are read exactly from now on
  const bounds: [number, number, number, number] = [header.minLon, header.minLat, header.maxLon, header.maxLat];
  const { layers, skipped } = defaultPmtilesStyle(header.tileType, metadata);
  const defs = layers.map((layer, i) => {
    const title = layer.sourceLayer && layers.length > 1 ? `${name} — ${layer.sourceLayer}` : name;
    const def = baseDef(layers.length > 1 ? `${id}-${i}` : id, title, key, validBounds(bounds));
    def.source = layer.kind === 'pmtiles-vector' && layer.sourceLayer ? { kind: layer.kind, url: key, sourceLayer: layer.sourceLayer } : { kind: layer.kind, url: key };
    def.style = layer.style;
    def.legend = layer.legend;
    def.minzoom = header.minZoom;
    const credit = creditOf(metadata);
    if (credit) def.attribution.organisation = { fr: credit, en: credit };
    return def;
  });
  return { defs, bounds: validBounds(bounds), archive, skipped };
}

function baseDef(id: string, name: string, key: string, bounds: [number, number, number, number] | null): LayerDefinition {
  const text = (value: string): I18nText => ({ fr: value, en: value });
  const origin = key.startsWith('blob:') ? { fr: 'Fichier local', en: 'Local file' } : text(hostOf(key));
  return {
    id,
    title: text(name),
    description: { fr: `Données ajoutées : ${key.startsWith('blob:') ? name : key}`, en: `Added data: ${key.startsWith('blob:') ? name : key}` },
    group: ADDED_GROUP,
    source: { kind: 'cog', url: key },
    style: [],
    legend: { type: 'categories', items: [] },
    attribution: { organisation: origin, licence: '—', date: '—' },
    ...(bounds ? { bounds } : {}),
  };
}

/**
 * The archive's own credit (PMTiles metadata "attribution", often an HTML snippet such as
 * `<a href=…>© OpenStreetMap</a>`), reduced to plain text: DOMParser builds an inert document
 * (no script runs, nothing loads) and only its text is kept; it is shown with textContent.
 */
function creditOf(metadata: unknown): string | null {
  const raw = (metadata as { attribution?: unknown } | null)?.attribution;
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const text = new DOMParser().parseFromString(raw, 'text/html').body.textContent ?? '';
  const clean = text.replace(/\s+/g, ' ').replace(/^©\s*/, '').trim().slice(0, 200);
  return clean === '' ? null : clean;
}

function describeCog(key: string, info: CogInfo): I18nText {
  const where = key.startsWith('blob:') ? '' : ` — ${key}`;
  const facts = `${info.crs}, ${info.width} × ${info.height} px, ${info.bands} × ${info.dtype}`;
  return { fr: `GeoTIFF (COG) ajouté${where}. ${facts}.`, en: `Added GeoTIFF (COG)${where}. ${facts}.` };
}

function validBounds(b: [number, number, number, number]): [number, number, number, number] | null {
  const ok = b.every(Number.isFinite) && b[0] < b[2] && b[1] < b[3] && b[1] >= -90 && b[3] <= 90;
  return ok ? [Math.max(-180, b[0]), Math.max(-85, b[1]), Math.min(180, b[2]), Math.min(85, b[3])] : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Error text without the key repeated (the UI names the file itself). */
function messageOf(error: unknown, key: string): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.startsWith(`${key}: `) ? text.slice(key.length + 2) : text;
}
