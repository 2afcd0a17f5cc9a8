// Flood verdict: the toolbar button "Zone inondable ?" (then a click on the map, Enter for the
// map centre, or the prompt's "use the map centre"), places picked in search ('place-picked')
// and the showVerdict command open a verdict card for the point in the side sheet.
import { currentLang, t } from '../i18n';
import type { Verdict } from '../queries/flood_verdict';
import { DEFAULT_RADIUS_KM, verdictAt } from '../queries/flood_verdict_load';
import { fetchDataAccess, type DataAccess } from '../queries/identify_data';
import { setVisible } from '../state/layer_ops';
import { pointMarker } from '../ui/identify_marker';
import { mountVerdictButton, renderVerdictPrompt, type VerdictButton } from '../ui/verdict_button';
import { renderVerdictCard, renderVerdictLoading } from '../ui/verdict_card';
import type { VerdictPoint } from './commands';
import type { AppContext } from './context';
import { Disposer, type Controller, type ControllerFactory } from './controller';
import type { LngLatLike, MapInputOwner } from './map_input';

const CARD_ID = 'verdict';
const PROMPT_ID = 'verdict-pick';

interface Shown extends VerdictPoint {
  verdict: Verdict | null;
}

class VerdictController implements Controller, MapInputOwner {
  /** The map-input mode while the user picks a point. */
  readonly mode = 'pick';
  private context!: AppContext;
  private data!: DataAccess;
  private button!: VerdictButton;
  private readonly disposer = new Disposer();
  private radiusKm = DEFAULT_RADIUS_KM;
  private shown: Shown | null = null;
  private running: AbortController | null = null;

  mount(context: AppContext): void {
    this.context = context;
    this.data = fetchDataAccess(context.resolveUrl);
    this.button = mountVerdictButton(context.toolbar, () => (this.picking ? this.ended() : this.startPicking()));
    this.disposer.node(this.button.element);
    this.disposer.add(context.commands.provide('showVerdict', (point) => this.show(point)));
    this.disposer.add(context.events.on('place-picked', ({ lon, lat, label }) => this.show({ lon, lat, label })));
    this.disposer.add(context.store.subscribe((state, previous) => {
      if (state.visible !== previous.visible && context.sheet.current() === CARD_ID) this.render(false);
    }));
  }

  relabel(): void {
    this.button.relabel();
    if (this.context.sheet.current() === CARD_ID) this.render(false);
    else if (this.context.sheet.current() === PROMPT_ID) this.openPrompt(false);
  }

  dispose(): void {
    this.running?.abort();
    this.stopPicking(false);
    this.disposer.dispose();
  }

  /** A click on the map (or Enter: the map centre) while picking. */
  point(at: LngLatLike): void {
    this.show({ lon: at.lng, lat: at.lat });
  }

  /** Cancel, Escape or another tool taking the map. */
  ended(): void {
    this.stopPicking(true);
  }

  private get picking(): boolean {
    return this.context.mapInput.holds(this);
  }

  private show(point: VerdictPoint): void {
    this.stopPicking(false);
    void this.run(point);
  }

  private startPicking(): void {
    this.context.mapInput.request(this);
    this.button.setPicking(true);
    this.openPrompt(true);
  }

  private stopPicking(closePrompt: boolean): void {
    this.context.mapInput.release(this);
    this.button.setPicking(false);
    if (closePrompt && this.context.sheet.current() === PROMPT_ID) this.context.sheet.close();
  }

  private openPrompt(focus: boolean): void {
    const useCentre = () => {
      const centre = this.context.map.getCenter();
      this.show({ lon: centre.lng, lat: centre.lat });
    };
    const prompt = renderVerdictPrompt(useCentre, () => this.ended());
    this.context.sheet.open(t('verdict.title'), prompt, { id: PROMPT_ID, focus });
  }

  private render(focus: boolean): void {
    const { context, shown } = this;
    if (!shown?.verdict) return;
    const card = renderVerdictCard({
      verdict: shown.verdict, label: shown.label, lang: currentLang(),
      visible: new Set(context.store.get().visible.keys()), defs: context.defs,
      onRadius: (km) => {
        this.radiusKm = km;
        void this.run(shown, false);
      },
      onShowLayer: (id) => context.store.update((state) => setVisible(state, id, true, context.defs.get(id)?.opacity ?? 1)),
    });
    context.sheet.open(t('verdict.title'), card, { id: CARD_ID, focus });
  }

  private async run({ lon, lat, label }: VerdictPoint, focus = true): Promise<void> {
    const { context } = this;
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    pointMarker(context.map).show(lon, lat);
    this.shown = { lon, lat, label, verdict: null };
    context.sheet.open(t('verdict.title'), renderVerdictLoading(lon, lat, label, currentLang()), { id: CARD_ID, focus: false });
    try {
      const verdict = await verdictAt([lon, lat], context.defs.values(), this.data, this.radiusKm, controller.signal);
      if (controller.signal.aborted) return;
      this.shown = { lon, lat, label, verdict };
      this.render(focus);
    } catch (error) {
      if (!controller.signal.aborted) context.notices.show(t('verdict.layer_error', { message: String(error) }), 'error');
    }
  }
}

export const controller: ControllerFactory = () => new VerdictController();

