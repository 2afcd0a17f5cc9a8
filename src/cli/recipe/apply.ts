// The layer file a recipe asks for: the import's starter layer (source, bounds, zooms, default look)
// with everything the recipe says put over it (pure).

import type { LayerDefinition, QueryField } from '../../catalogue/types';
import type { GeometryKind } from '../../queries/default_style_geometry';
import { rasterLook, vectorLook } from './style';
import type { RecipeLayer } from './types';

/** What the import learnt that the recipe's style needs. */
export interface ImportedFacts {
  kind: 'vector' | 'raster';
  geometry?: GeometryKind;
}

export function applyRecipe(starter: LayerDefinition, recipe: RecipeLayer, facts: ImportedFacts): LayerDefinition {
  const layer: LayerDefinition = {
    ...starter,
    title: recipe.title,
    description: recipe.description,
    group: recipe.group,
    attribution: recipe.attribution,
    fields: mergeFields(starter.fields, recipe.fields),
  };
  if (recipe.style && facts.kind === 'vector') {
    Object.assign(layer, vectorLook(recipe.style, facts.geometry ?? 'mixed', recipe.title));
  } else if (recipe.style) {
    const look = rasterLook(recipe.style, { cog: starter.source.cog ?? { mode: 'continuous' }, legend: starter.legend });
    const { url, series } = starter.source;
    layer.source = { kind: 'cog', url, ...(series ? { series } : {}), cog: look.cog };
    layer.legend = look.legend;
  }
  if (recipe.time) layer.time = recipe.time;
  else delete layer.time;
  for (const key of ['refresh', 'visible', 'opacity'] as const) {
    if (recipe[key] !== undefined) (layer as unknown as Record<string, unknown>)[key] = recipe[key];
    else delete layer[key];
  }
  if (!layer.fields?.length) delete layer.fields;
  return layer;
}

/** Recipe fields first (labels, units, code lists), then the data's other fields as the import found them. */
function mergeFields(found: QueryField[] | undefined, wanted: QueryField[] | undefined): QueryField[] | undefined {
  if (!wanted) return found;
  const named = new Set(wanted.map((field) => field.name));
  return [...wanted, ...(found ?? []).filter((field) => !named.has(field.name))];
}
