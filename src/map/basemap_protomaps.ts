// Style layers for a Protomaps-schema vector basemap, from @protomaps/basemaps, adapted to an
// app without a glyph server or sprite: labels use the browser's fonts (the style has no
// `glyphs`), and layers or properties that need sprite icons are left out.
import { layers as protomapsLayers, namedFlavor, type Flavor } from '@protomaps/basemaps';
import type { LayerSpecification } from 'maplibre-gl';
import { legacyFilterToExpression } from './legacy_filter';
import type { Lang } from '../catalogue/types';
import type { ProtomapsFlavor } from '../catalogue/basemap_types';

/** Layers that are nothing but sprite icons (road shields, points of interest). */
const ICON_LAYERS = new Set(['roads_shields', 'pois']);

export interface ProtomapsParts {
  /** Fills and lines, drawn under the catalogue layers. */
  below: LayerSpecification[];
  /** Labels, drawn over the catalogue layers so street and place names stay readable. */
  labels: LayerSpecification[];
}

export function protomapsParts(sourceId: string, flavor: ProtomapsFlavor, lang: Lang, prefix: string): ProtomapsParts {
  const all = protomapsLayers(sourceId, namedFlavor(flavor), { lang }) as unknown as LayerSpecification[];
  const adapted = all
    .filter((layer) => !ICON_LAYERS.has(layer.id))
    .map((layer) => withoutIcons(layer.id === 'buildings' ? solidBuildings(layer, namedFlavor(flavor)) : layer))
    .map((layer) => (layer.id.startsWith('places_') ? fromMinZoom(layer) : layer))
    .map((layer) => ({ ...layer, id: `${prefix}${layer.id}` }));
  return {
    below: adapted.filter((layer) => layer.type !== 'symbol'),
    labels: adapted.filter((layer) => layer.type === 'symbol'),
  };
}

/**
 * Someone checking a flood zone looks for their own house: buildings are drawn opaque with an
 * outline (the library's default, half-transparent, is barely visible on the light flavour).
 */
function solidBuildings(layer: LayerSpecification, flavor: Flavor): LayerSpecification {
  if (layer.type !== 'fill') return layer;
  return { ...layer, paint: { ...layer.paint, 'fill-opacity': 1, 'fill-color': flavor.buildings, 'fill-outline-color': flavor.boundaries } };
}

/**
 * Places carry the zoom they deserve a label from (`min_zoom`); planet builds only put them in
 * tiles from there, a small archive may not: the filter keeps small scales readable either way.
 */
function fromMinZoom(layer: LayerSpecification): LayerSpecification {
  if (layer.type !== 'symbol') return layer;
  // the library writes legacy filters (["==", "kind", "locality"]), which cannot be mixed with expressions
  const own = layer.filter ? [legacyFilterToExpression(layer.filter as unknown[])] : [];
  return { ...layer, filter: ['all', ...own, ['>=', ['zoom'], ['coalesce', ['get', 'min_zoom'], 0]]] as never };
}

/** Drops icon-* layout properties and asks for the browser's sans-serif font. */
function withoutIcons(layer: LayerSpecification): LayerSpecification {
  if (layer.type !== 'symbol') return layer;
  const layout = Object.fromEntries(
    Object.entries(layer.layout ?? {}).filter(([key]) => !key.startsWith('icon-')),
  ) as NonNullable<typeof layer.layout>;
  layout['text-font'] = ['sans-serif'];
  return { ...layer, layout };
}
