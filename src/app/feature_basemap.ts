// Basemaps: loads layers/basemaps/basemaps.json, shows the linked (`base=`) or default basemap
// under the overlays, mounts the switcher and the "low detail at this scale" note, and keeps the
// attribution line on the basemap actually shown. The choice lives in the link, so the session
// store (state/persist.ts) remembers it with the rest of the view.
import type { Basemap } from '../catalogue/basemap_types';
import { EMBEDDED_FALLBACK, loadBasemaps, type BasemapCatalogue } from '../catalogue/load_basemaps';
import { pick, t } from '../i18n';
import { basemapPalette } from '../map/basemap_palette';
import { BasemapSwitch } from '../map/basemap_switch';
import { basemapParamOf, hasMalformedBasemapParam, NO_BASEMAP, withBasemapParam } from '../state/basemap_param';
import { setBasemapAttribution } from '../ui/attribution';
import { BasemapDetailNote } from '../ui/basemap_note';
import { BasemapSwitcherControl, type BasemapChoice } from '../ui/basemap_switcher';
import type { AppContext, Feature } from './context';

/** The file the first style (create_map.ts) already draws: no need to swap it in. */
const FIRST_STYLE_BASEMAP = 'data/basemap.pmtiles';

export function installBasemap(context: AppContext): Feature {
  const { map, store, notices } = context;
  let catalogue: BasemapCatalogue = { basemaps: [EMBEDDED_FALLBACK], defaultId: EMBEDDED_FALLBACK.id, problems: [] };
  let loaded = false;
  const mapSwitch = new BasemapSwitch(map, context.resolveUrl);
  const switcher = new BasemapSwitcherControl({ choices: [], selected: '', onChoose: choose });
  const note = new BasemapDetailNote(() => switcher.open());
  // top-right, under the zoom buttons: the floating legend holds the top-left corner
  map.addControl(switcher, 'top-right');
  map.addControl(note, 'top-right');

  function choose(id: string): void {
    store.update((state) => ({ extra: withBasemapParam(state.extra, id) }));
  }

  /** The basemap the link asks for (null: none), the default when it names an unknown one. */
  function wanted(reportUnknown: boolean): Basemap | null {
    const param = basemapParamOf(store.get().extra);
    if (param === NO_BASEMAP) return null;
    const linked = catalogue.basemaps.find((basemap) => basemap.id === param);
    if (param !== undefined && !linked && reportUnknown) notices.show(t('basemap.unknown', { id: param }));
    return linked ?? catalogue.basemaps.find((basemap) => basemap.id === catalogue.defaultId) ?? null;
  }

  function apply(reportUnknown = false): void {
    const basemap = wanted(reportUnknown);
    const keepFirst = basemap?.kind === 'embedded' && basemap.url === FIRST_STYLE_BASEMAP;
    mapSwitch.show(basemap, store.get().lang, keepFirst);
    setBasemapAttribution(basemap ? t('basemap.credit', { credit: basemap.attribution }) : null);
    switcher.update({ choices: choices(), selected: basemap?.id ?? NO_BASEMAP });
    updateNote();
  }

  function choices(): BasemapChoice[] {
    const listed = catalogue.basemaps.map((basemap) => ({
      id: basemap.id, label: pick(basemap.title), synthetic: basemap.synthetic === true, palette: basemapPalette(basemap),
    }));
    return [...listed, { id: NO_BASEMAP, label: t('basemap.none'), synthetic: false, palette: null }];
  }

  function updateNote(): void {
    const basemap = wanted(false);
    if (basemap?.kind === 'embedded' && map.getZoom() > basemap.detailMaxZoom) note.show('low-detail');
    else if (basemap?.kind === 'pmtiles-vector' && !mapSwitch.coversView()) note.show('no-coverage');
    else note.show(null);
  }

  if (hasMalformedBasemapParam(store.get().extra)) notices.show(t('basemap.bad_param'));
  // Until the file is read, the first style's offline basemap stays on the map.
  void loadBasemaps(context.resolveUrl('layers/')).then((result) => {
    catalogue = result;
    loaded = true;
    for (const message of result.problems) notices.show(t('basemap.problem', { message }), 'error');
    apply(true);
  });
  store.subscribe((state, previous) => {
    const linkChanged = basemapParamOf(state.extra) !== basemapParamOf(previous.extra);
    if (loaded && (linkChanged || state.lang !== previous.lang)) apply(linkChanged);
  });
  // after tiles arrive: whether a vector basemap covers the view is known only then
  map.on('idle', updateNote);
  return {
    relabel() {
      note.render();
      if (loaded) apply();
    },
  };
}
