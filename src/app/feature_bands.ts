// Band choice for multi-band COG layers: the picker in each row (ui/band_picker.ts), the choice in
// the URL (state/band_choice.ts), and the map drawing the chosen bands (LayerSync.setCogRendering).
import { bandChoices, withBandChoice } from '../state/band_choice';
import type { AppState } from '../state/app_state';
import type { LayerDefinition } from '../catalogue/types';
import { fetchDataAccess } from '../queries/identify_data';
import { bandInfo } from '../sources/cog/bands';
import { bandsPickable, renderingForBands } from '../sources/cog/band_rendering';
import { attachBandPickers, type BandPickerSpec } from '../ui/band_picker';
import type { AppContext, Feature } from './context';

export function installBands(context: AppContext): Feature {
  const { store, sync } = context;
  const data = fetchDataAccess(context.resolveUrl);
  const pickable = () => [...context.defs.values()].filter((def) => def.source.kind === 'cog' && !def.source.series && bandsPickable(def.source.cog));
  const applied = new Map<string, string>();
  const apply = (state: AppState) => {
    const choices = bandChoices(state.extra);
    for (const def of pickable()) {
      const bands = choices.get(def.id);
      const key = bands?.join('.') ?? '';
      if ((applied.get(def.id) ?? '') === key) continue;
      applied.set(def.id, key);
      sync.setCogRendering(def.id, bands ? renderingForBands(def.source.cog!, bands) : null);
    }
  };
  const spec = (def: LayerDefinition): BandPickerSpec => ({
    layerId: def.id,
    current: () => bandChoices(store.get().extra).get(def.id) ?? def.source.cog?.bands ?? (def.source.cog?.mode === 'rgb' ? [1, 2, 3] : [1]),
    load: async () => (await bandInfo(await data.cog(def.source.url, def.source.cog?.crs))).map((band) => ({ band: band.band, label: band.description })),
    choose: (bands) => store.update((state) => ({ extra: withBandChoice(state.extra, def.id, bands) })),
  });
  const mount = () => attachBandPickers(pickable().map(spec));
  store.subscribe(apply);
  apply(store.get());
  mount();
  context.events.on('catalogue-changed', mount);
  return { relabel: mount };
}
