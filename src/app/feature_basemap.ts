// Basemaps: loads the basemap list (catalogue/load_basemaps.ts), shows the linked (`base=`) or default basemap
// under the overlays, mounts the switcher and the "low detail at this scale" note, and keeps the
// attribution line on the basemap actually shown. The choice lives in the link, so the session
// store (state/persist.ts) remembers it with the rest of the view.
import type { Basemap } from '../catalogue/basemap_types';
import { EMBEDDED_FALLBACK, loadBasemaps, type BasemapCatalogue } from '../catalogue/load_basemaps';
import { pick, t } from '../i18n';
import { basemapPalette } from '../map/basemap_palette';
import { BasemapSwitch } from '../map/basemap_switch';
import { NO_BASEMAP } from '../state/codecs/basemap';
import { setBasemapAttribution } from '../ui/attribution';
import { BasemapDetailNote } from '../ui/basemap_note';
import { BasemapSwitcherControl, type BasemapChoice } from '../ui/basemap_switcher';
import type { ShownBasemap } from './commands';
import type { AppContext } from './context';
import type { ControllerFactory } from './controller';
import { FeatureController } from './feature_controller';

/** The file the first style (create_map.ts) already draws: no need to swap it in. */
const FIRST_STYLE_BASEMAP = 'data/basemap.pmtiles';

class BasemapController extends FeatureController {
  private catalogue: BasemapCatalogue = { basemaps: [EMBEDDED_FALLBACK], defaultId: EMBEDDED_FALLBACK.id, problems: [] };
  private loaded = false;
  /** What the main map shows (the comparison map asks, then follows 'basemap-shown'). */
  private shown: ShownBasemap | null = null;
  private mapSwitch!: BasemapSwitch;
  private readonly switcher = new BasemapSwitcherControl({ choices: [], selected: '', onChoose: (id) => this.choose(id) });
  private readonly note = new BasemapDetailNote(() => this.switcher.open());

  protected start(context: AppContext): void {
    const { map, store, notices } = context;
    this.mapSwitch = new BasemapSwitch(map, context.resolveUrl, (message) => notices.show(t('basemap.problem', { message }), 'error'));
    // top-right, under the zoom buttons: the floating legend holds the top-left corner
    map.addControl(this.switcher, 'top-right');
    map.addControl(this.note, 'top-right');
    this.disposer.add(() => {
      map.removeControl(this.note);
      map.removeControl(this.switcher);
    });
    this.disposer.add(context.commands.provide('shownBasemap', () => this.shown));
    if (store.get().basemap.malformed) notices.show(t('basemap.bad_param'));
    // Until the file is read, the first style's offline basemap stays on the map.
    void loadBasemaps(context.resolveUrl('layers/')).then((result) => this.catalogueLoaded(result));
    this.disposer.add(store.subscribe((state, previous) => {
      const linkChanged = state.basemap.id !== previous.basemap.id;
      if (this.loaded && (linkChanged || state.lang !== previous.lang)) this.apply(linkChanged);
    }));
    // after tiles arrive: whether a vector basemap covers the view is known only then
    const updateNote = () => this.updateNote();
    map.on('idle', updateNote);
    this.disposer.add(() => map.off('idle', updateNote));
  }

  override relabel(): void {
    this.note.render();
    if (this.loaded) this.apply();
  }

  override dispose(): void {
    super.dispose();
    this.loaded = false;
  }

  private catalogueLoaded(result: BasemapCatalogue): void {
    if (!this.context.map.hasControl(this.switcher)) return; // disposed meanwhile
    this.catalogue = result;
    this.loaded = true;
    for (const message of result.problems) this.context.notices.show(t('basemap.problem', { message }), 'error');
    this.apply(true);
  }

  private choose(id: string): void {
    this.context.store.update(() => ({ basemap: { id, malformed: false } }));
  }

  /** The basemap the link asks for (null: none), the default when it names an unknown one. */
  private wanted(reportUnknown: boolean): Basemap | null {
    const { catalogue } = this;
    const param = this.context.store.get().basemap.id;
    if (param === NO_BASEMAP) return null;
    const linked = catalogue.basemaps.find((basemap) => basemap.id === param);
    if (param !== undefined && !linked && reportUnknown) this.context.notices.show(t('basemap.unknown', { id: param }));
    return linked ?? catalogue.basemaps.find((basemap) => basemap.id === catalogue.defaultId) ?? null;
  }

  private apply(reportUnknown = false): void {
    const basemap = this.wanted(reportUnknown);
    const keepFirst = basemap?.kind === 'embedded' && basemap.url === FIRST_STYLE_BASEMAP;
    this.shown = { basemap, lang: this.context.store.get().lang, keepFirst };
    this.mapSwitch.show(basemap, this.shown.lang, keepFirst);
    this.context.events.emit('basemap-shown', this.shown);
    setBasemapAttribution(basemap ? t('basemap.credit', { credit: basemap.attribution }) : null);
    this.switcher.update({ choices: this.choices(), selected: basemap?.id ?? NO_BASEMAP });
    this.updateNote();
  }

  private choices(): BasemapChoice[] {
    const listed = this.catalogue.basemaps.map((basemap) => ({
      id: basemap.id, label: pick(basemap.title), synthetic: basemap.synthetic === true, palette: basemapPalette(basemap),
    }));
    return [...listed, { id: NO_BASEMAP, label: t('basemap.none'), synthetic: false, palette: null }];
  }

  private updateNote(): void {
    const basemap = this.wanted(false);
    if (basemap?.kind === 'embedded' && this.context.map.getZoom() > basemap.detailMaxZoom) this.note.show('low-detail');
    else if (basemap?.kind === 'pmtiles-vector' && !this.mapSwitch.coversView()) this.note.show('no-coverage');
    else this.note.show(null);
  }
}

export const controller: ControllerFactory = () => new BasemapController();
