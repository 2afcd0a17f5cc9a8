// Flood verdict: the toolbar button "Zone inondable ?" (then a click on the map, Enter for
// the map centre, or the prompt's "use the map centre"), and places picked in search
// (`geoveille:place-picked`), open a verdict card for the point in the side sheet.
import { currentLang, t } from '../i18n';
import type { Verdict } from '../queries/flood_verdict';
import { DEFAULT_RADIUS_KM, verdictAt } from '../queries/flood_verdict_load';
import { fetchDataAccess } from '../queries/identify_data';
import { setVisible } from '../state/layer_ops';
import { pointMarker } from '../ui/identify_marker';
import { mountVerdictButton, renderVerdictPrompt } from '../ui/verdict_button';
import { renderVerdictCard, renderVerdictLoading } from '../ui/verdict_card';
import type { AppContext, FeatureInstaller } from './context';

const CARD_ID = 'verdict';
const PROMPT_ID = 'verdict-pick';
/** Our own map mode while the user picks a point: identify and other tools leave clicks alone. */
const PICK_MODE = 'pick';

interface Shown {
  lon: number;
  lat: number;
  label?: string;
  verdict: Verdict | null;
}

export const installVerdict: FeatureInstaller = (context) => {
  const { map, sheet } = context;
  const data = fetchDataAccess(context.resolveUrl);
  let picking = false;
  let radiusKm = DEFAULT_RADIUS_KM;
  let shown: Shown | null = null;
  let running: AbortController | null = null;

  const setMode = (mode: string) => window.dispatchEvent(new CustomEvent('geoveille:map-mode', { detail: { mode } }));

  const stopPicking = (closePrompt: boolean) => {
    if (!picking) return;
    picking = false;
    button.setPicking(false);
    map.getCanvas().style.cursor = '';
    // Later, so every listener of the click that ended picking still sees the pick mode.
    setTimeout(() => setMode('browse'), 0);
    if (closePrompt && sheet.current() === PROMPT_ID) sheet.close();
  };
  const useCentre = () => {
    stopPicking(false);
    const centre = map.getCenter();
    void run(centre.lng, centre.lat);
  };
  const openPrompt = (focus: boolean) =>
    sheet.open(t('verdict.title'), renderVerdictPrompt(useCentre, () => stopPicking(true)), { id: PROMPT_ID, focus });
  const startPicking = () => {
    picking = true;
    button.setPicking(true);
    setMode(PICK_MODE);
    map.getCanvas().style.cursor = 'crosshair';
    openPrompt(true);
  };
  const button = mountVerdictButton(context.toolbar, () => (picking ? stopPicking(true) : startPicking()));

  const render = (focus: boolean) => {
    if (!shown?.verdict) return;
    const card = renderVerdictCard({
      verdict: shown.verdict, label: shown.label, lang: currentLang(),
      visible: new Set(context.store.get().visible.keys()), defs: context.defs,
      onRadius: (km) => {
        radiusKm = km;
        if (shown) void run(shown.lon, shown.lat, shown.label, false);
      },
      onShowLayer: (id) => context.store.update((state) => setVisible(state, id, true, context.defs.get(id)?.opacity ?? 1)),
    });
    sheet.open(t('verdict.title'), card, { id: CARD_ID, focus });
  };

  const run = async (lon: number, lat: number, label?: string, focus = true) => {
    running?.abort();
    const controller = new AbortController();
    running = controller;
    pointMarker(map).show(lon, lat);
    shown = { lon, lat, label, verdict: null };
    sheet.open(t('verdict.title'), renderVerdictLoading(lon, lat, label, currentLang()), { id: CARD_ID, focus: false });
    try {
      const verdict = await verdictAt([lon, lat], context.defs.values(), data, radiusKm, controller.signal);
      if (controller.signal.aborted) return;
      shown = { lon, lat, label, verdict };
      render(focus);
    } catch (error) {
      if (!controller.signal.aborted) context.notices.show(t('verdict.layer_error', { message: String(error) }), 'error');
    }
  };

  listenForPoints(context, {
    isPicking: () => picking,
    pick: (lon, lat) => {
      stopPicking(false);
      void run(lon, lat);
    },
    useCentre,
    cancel: () => stopPicking(true),
    place: (lon, lat, label) => {
      stopPicking(false);
      void run(lon, lat, label);
    },
  });
  context.store.subscribe((state, previous) => {
    if (state.visible !== previous.visible && sheet.current() === CARD_ID) render(false);
  });

  return {
    relabel() {
      button.relabel();
      if (sheet.current() === CARD_ID) render(false);
      else if (sheet.current() === PROMPT_ID) openPrompt(false);
    },
  };
};

interface PointHandlers {
  isPicking(): boolean;
  pick(lon: number, lat: number): void;
  useCentre(): void;
  cancel(): void;
  place(lon: number, lat: number, label?: string): void;
}

/** Map clicks and Enter while picking, Escape to cancel, other tools taking over, search picks. */
function listenForPoints({ map }: AppContext, on: PointHandlers): void {
  map.on('click', (event) => {
    if (on.isPicking()) on.pick(event.lngLat.lng, event.lngLat.lat);
  });
  map.getCanvas().addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !on.isPicking()) return;
    event.preventDefault();
    on.useCentre();
  });
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && on.isPicking()) on.cancel();
  });
  window.addEventListener('geoveille:map-mode', (event) => {
    const mode = (event as CustomEvent<{ mode?: string }>).detail?.mode;
    if (mode !== PICK_MODE && mode !== 'browse' && on.isPicking()) on.cancel();
  });
  window.addEventListener('geoveille:place-picked', (event) => {
    const detail = (event as CustomEvent<{ lon?: unknown; lat?: unknown; label?: unknown }>).detail;
    const lon = Number(detail?.lon);
    const lat = Number(detail?.lat);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
    on.place(lon, lat, typeof detail?.label === 'string' ? detail.label : undefined);
  });
}
