// Which field a layer's areas are split by when the user has not chosen one: the first field
// with a code list (flood class, species group…), else the first text or year field.
import type { LayerDefinition } from '../catalogue/types';

export function defaultClassField(def: Pick<LayerDefinition, 'fields' | 'time'>): string | undefined {
  const fields = def.fields ?? [];
  return (fields.find((f) => f.codes) ?? fields.find((f) => f.type === 'string' || f.type === 'year' || f.type === undefined))?.name ?? def.time?.field;
}

/** Fields worth splitting by (offered in the report's field chooser). */
export function classFields(def: Pick<LayerDefinition, 'fields'>): string[] {
  return (def.fields ?? []).filter((f) => f.type !== 'number' && f.type !== 'date').map((f) => f.name);
}
