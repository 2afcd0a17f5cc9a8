// Band choice for multi-band COG layers: the picker in each row (ui/band_picker.ts), the choice in
// the URL (state/band_choice.ts), and the map drawing the chosen bands (LayerSync.setCogRendering).
import type { AppState } from '../state/app_state';
import type { LayerDefinition } from '../catalogue/types';
import { fetchDataAccess } from '../queries/identify_data';
import { bandInfo } from '../sources/cog/bands';
import { bandsPickable, renderingForBands } from '../sources/cog/band_rendering';
import { attachBandPickers, type BandPickerSpec } from '../ui/band_picker';
import { renderBandLegend, type BandLegend } from '../ui/band_legend';
import { showLegendStandIn } from '../ui/legend';
import { bandLegendOf, namesBands } from './band_legend_of';
import type { AppContext } from './context';
import type { ControllerFactory } from './controller';
import { FeatureController } from './feature_controller';
import type { DataAccess } from '../queries/identify_data';
import { sharedByteHub } from '../sources/cog/byte_hub';
import { openCogFrom, type Cog } from '../sources/cog/open';

class BandsController extends FeatureController {
  private data!: DataAccess;
  /** Per layer, the band choice last drawn ('' for the catalogue's). */
  private readonly applied = new Map<string, string>();
  /** Per layer, the band choice whose legend is being read (a later choice wins). */
  private readonly legendTurn = new Map<string, string>();
  /** Files the user added, opened through the cache the Add data form read them with. */
  private readonly addedCogs = new Map<string, Promise<Cog>>();

  protected start(context: AppContext): void {
    this.data = fetchDataAccess(context.resolveUrl);
    this.disposer.add(context.store.subscribe((state) => this.apply(state)));
    this.apply(context.store.get());
    this.attach();
    this.disposer.add(context.events.on('catalogue-changed', () => this.attach()));
    // rows of added data are built (and rebuilt) by the Add data feature
    this.disposer.add(context.events.on('added-layers-changed', () => {
      this.apply(context.store.get());
      this.attach();
    }));
    this.disposer.add(() => document.querySelectorAll('#layer-panel .band-picker').forEach((picker) => picker.remove()));
    this.disposer.add(() => this.pickable().forEach((def) => showBandLegend(def, null)));
  }

  override relabel(): void {
    this.attach();
  }

  private pickable(): LayerDefinition[] {
    return [...this.context.defs.values()].filter((def) => def.source.kind === 'cog' && !def.source.series && bandsPickable(def.source.cog));
  }

  private apply(state: AppState): void {
    const choices = state.bands;
    for (const id of this.applied.keys()) if (!this.context.defs.has(id)) this.applied.delete(id); // added data removed
    for (const def of this.pickable()) {
      const bands = choices.get(def.id);
      const key = bands?.join('.') ?? '';
      // a layer added by the user starts unseen: its first legend may name its bands
      const last = this.applied.get(def.id) ?? (this.fromCatalogue(def) ? '' : undefined);
      if (last === key) continue;
      this.applied.set(def.id, key);
      if (last !== undefined || bands) this.context.sync.setCogRendering(def.id, bands ? renderingForBands(def.source.cog!, bands) : null);
      this.showLegend(def, bands ?? null);
    }
  }

  private fromCatalogue(def: LayerDefinition): boolean {
    return this.context.catalogue.layers.some((layer) => layer.id === def.id);
  }

  /**
   * The legend follows the drawn bands (a catalogue legend describes the catalogue's band). A layer
   * the user added shows its bands' names from the file, when the file has them, before any pick.
   */
  private showLegend(def: LayerDefinition, bands: number[] | null): void {
    const key = bands?.join('.') ?? '';
    this.legendTurn.set(def.id, key);
    const byFile = !bands && !this.fromCatalogue(def);
    if (!bands && !byFile) return showBandLegend(def, null);
    const rendering = bands ? renderingForBands(def.source.cog!, bands) : def.source.cog!;
    void this.cogOf(def)
      .then((cog) => bandLegendOf(cog, rendering))
      .then((legend) => {
        if (this.legendTurn.get(def.id) === key) showBandLegend(def, byFile && !namesBands(legend) ? null : legend);
      }, () => undefined); // an unreadable file already shows its error in the row
  }

  /** Added data is read through its Add data cache: no second header read, and local files work. */
  private cogOf(def: LayerDefinition): Promise<Cog> {
    const { url } = def.source;
    if (this.fromCatalogue(def)) return this.data.cog(url, def.source.cog?.crs);
    let cog = this.addedCogs.get(url);
    if (!cog) {
      cog = openCogFrom(sharedByteHub.cacheFor(url), url);
      this.addedCogs.set(url, cog);
    }
    return cog;
  }

  private attach(): void {
    attachBandPickers(this.pickable().map((def) => this.spec(def)));
  }

  private spec(def: LayerDefinition): BandPickerSpec {
    const { store } = this.context;
    return {
      layerId: def.id,
      current: () => store.get().bands.get(def.id) ?? def.source.cog?.bands ?? (def.source.cog?.mode === 'rgb' ? [1, 2, 3] : [1]),
      load: async () => (await bandInfo(await this.cogOf(def))).map((band) => ({ band: band.band, label: band.description })),
      choose: (bands) => store.update((state) => ({ bands: new Map(state.bands).set(def.id, bands) })),
    };
  }
}

function showBandLegend(def: LayerDefinition, legend: BandLegend | null): void {
  showLegendStandIn(def, legend && (() => renderBandLegend(legend)));
}

export const controller: ControllerFactory = () => new BandsController();
