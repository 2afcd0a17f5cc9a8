// What each source kind can do, said once. Layer sync, identify, the AOI report, refresh, the
// flood verdict and the catalogue validator ask these traits (or the per-kind registries in
// queries/kinds and map/kinds) instead of keeping their own lists of kinds. The registry is a
// Record over the LayerSource union: a new kind in catalogue/types.ts does not compile until it
// is described here.
import type { LayerSource, SourceKind } from '../../catalogue/types';

export interface SourceKindTraits {
  /** features: vector geometries with attributes; values: raster numbers; colours: raster images. */
  holds: 'features' | 'values' | 'colours';
  /** The MapLibre source family its style layers draw from (the validator checks layer types with it). */
  styleSource: 'vector' | 'raster' | 'geojson';
  /** The key of the source block this kind requires, and why (validator message). */
  requires?: { key: 'sourceLayer' | 'cog'; why: string };
  /** A series of dated files (one per date) is allowed. */
  series: boolean;
  /** A near-real-time layer of this kind can be re-read when its file changes. */
  refresh: boolean;
  /** The file is a PMTiles archive (opened once, pinned to an ETag, served by the pmtiles protocol). */
  pmtiles: boolean;
}

export const SOURCE_KIND_TRAITS: Record<SourceKind, SourceKindTraits> = {
  'pmtiles-vector': {
    holds: 'features', styleSource: 'vector', series: true, refresh: true, pmtiles: true,
    requires: { key: 'sourceLayer', why: 'the vector tile layer name' },
  },
  'pmtiles-raster': { holds: 'colours', styleSource: 'raster', series: true, refresh: true, pmtiles: true },
  cog: {
    holds: 'values', styleSource: 'raster', series: true, refresh: true, pmtiles: false,
    requires: { key: 'cog', why: 'how the raster is turned into colours' },
  },
  geojson: { holds: 'features', styleSource: 'geojson', series: false, refresh: true, pmtiles: false },
};

/** Every kind, in the catalogue's documented order. */
export const SOURCE_KINDS = Object.keys(SOURCE_KIND_TRAITS) as SourceKind[];

export function traitsOf(source: Pick<LayerSource, 'kind'>): SourceKindTraits {
  return SOURCE_KIND_TRAITS[source.kind];
}

/** Kinds whose style must draw from a given source family (for validator messages). */
export function kindsWhere(test: (traits: SourceKindTraits) => boolean): SourceKind[] {
  return SOURCE_KINDS.filter((kind) => test(SOURCE_KIND_TRAITS[kind]));
}

/** The flood verdict reads geometries: only kinds holding features can carry flood fields. */
export function canGiveVerdict(source: Pick<LayerSource, 'kind'>): boolean {
  return traitsOf(source).holds === 'features';
}

/** The AOI report: area per class for features, zonal statistics for values, nothing for colours. */
export function reportKind(source: Pick<LayerSource, 'kind'>): 'vector' | 'raster' | null {
  const { holds } = traitsOf(source);
  return holds === 'features' ? 'vector' : holds === 'values' ? 'raster' : null;
}
