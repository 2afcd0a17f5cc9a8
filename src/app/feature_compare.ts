// Swipe comparison of two layer sets (two layers, two dates of one layer, or whole sets): the
// main map draws the left set (the layer panel's visible layers) at the time control's time, a
// second map clipped at the divider draws the right set at its own time (or the left's). The
// state lives in the hash: compare=<left>|<right>&swipe=0.5[&rtime=…|&rfrom=…&rto=…].
import type { LayerDefinition } from '../catalogue/types';
import { pick, t } from '../i18n';
import { CompareMap } from '../map/compare_map';
import type { AppState } from '../state/app_state';
import { setVisible } from '../state/layer_ops';
import { mountBadges, type CompareBadges } from '../ui/compare_badges';
import { renderCompareDates } from '../ui/compare_dates';
import { mountDivider, type Divider } from '../ui/compare_divider';
import { renderComparePanel } from '../ui/compare_panel';
import type { CompareState } from '../state/codecs/compare';
import { createCompareRightTime, type CompareRightTime } from './compare_right_time';
import type { ShownBasemap } from './commands';
import type { AppContext } from './context';
import type { ControllerFactory } from './controller';
import { FeatureController } from './feature_controller';
import { toolButton } from '../ui/toolbar';

const SHEET_ID = 'compare';

interface Active { state: CompareState; right: CompareMap; divider: Divider; badges: CompareBadges }

class CompareController extends FeatureController {
  private times!: CompareRightTime;
  private button!: HTMLButtonElement;
  private active: Active | null = null;

  protected start(context: AppContext): void {
    const { store, defs, events } = context;
    this.times = createCompareRightTime(context);
    this.button = this.disposer.node(toolButton(context.toolbar, 'compare-button'));
    this.button.setAttribute('aria-pressed', 'false');
    this.disposer.listen(this.button, 'click', () => {
      if (!this.active) this.begin({ left: visibleIds(store.get()), right: [], swipe: 0.5 });
      this.openPanel();
    });
    this.disposer.add(() => this.stop());
    this.disposer.add(store.subscribe((state, previous) => this.followStore(state, previous)));
    // The left's time moved: its badge, and the right when it follows the left.
    this.disposer.add(events.on('time-changed', () => this.refreshTime()));
    this.disposer.add(events.on('layer-reloaded', ({ id, url }) => this.active?.right.reloadLayer(id, url)));
    this.disposer.add(events.on('basemap-shown', (shown) => this.followBasemap(shown)));
    const fromHash = store.get().compare;
    if (fromHash) this.begin({ ...fromHash, left: fromHash.left.filter((id) => defs.has(id)), right: fromHash.right.filter((id) => defs.has(id)) });
  }

  override relabel(): void {
    this.active?.divider.relabel();
    this.refreshTime();
    if (this.context.sheet.current() === SHEET_ID) this.openPanel(true);
  }


  private begin(state: CompareState): void {
    const { map, defs, resolveUrl } = this.context;
    this.stop(false);
    const right = new CompareMap(map, defs as Map<string, LayerDefinition>, resolveUrl('data/basemap.pmtiles'), resolveUrl, () => undefined,
      (message) => this.basemapFailed(message));
    const divider = mountDivider(map.getContainer(), state.swipe, (fraction) => this.update({ swipe: fraction }));
    const badges = mountBadges(map.getContainer(), map.getContainer().parentElement ?? document.body);
    this.active = { state, right, divider, badges };
    this.button.setAttribute('aria-pressed', 'true');
    this.applyLeft(state.left);
    this.followBasemap(this.context.commands.shownBasemap());
    this.render();
    this.refreshTime();
  }

  /** The right side has the main map's basemap, and follows it while comparing. */
  private followBasemap(shown: ShownBasemap | null): void {
    if (this.active && shown) this.active.right.showBasemap(shown.basemap, shown.lang, shown.keepFirst);
  }

  private basemapFailed(message: string): void {
    const title = this.context.commands.shownBasemap()?.basemap?.title;
    this.context.notices.show(t('compare_basemap.failed', { title: title ? pick(title) : '', message }), 'error');
  }

  private stop(updateHash = true): void {
    const { active, context } = this;
    if (!active) return;
    active.right.destroy();
    active.divider.remove();
    active.badges.remove();
    this.active = null;
    this.times.forget();
    this.button.setAttribute('aria-pressed', 'false');
    if (updateHash) context.store.update(() => ({ compare: null }));
    if (context.sheet.current() === SHEET_ID) context.sheet.close();
  }

  private update(change: Partial<CompareState>): void {
    if (!this.active) return;
    const before = this.active.state;
    this.active.state = { ...before, ...change };
    this.render();
    // The panel's own choices: it is redrawn even when the right map shows the same (e.g. "same as left").
    if (this.active.state.right !== before.right || this.active.state.rightTime !== before.rightTime) this.refreshTime(true);
  }

  /** The panel's toggles change the left side; order and opacity changes reach the right side too. */
  private followStore(state: AppState, previous: AppState): void {
    if (!this.active) return;
    if (state.visible !== previous.visible) this.active.state = { ...this.active.state, left: visibleIds(state) };
    if (state.visible !== previous.visible || state.order !== previous.order) {
      this.render();
      this.refreshTime();
    }
  }

  /** The right side's time and the date badges; the panel follows what the right map shows. */
  private refreshTime(redrawPanel = false): void {
    if (!this.active) return;
    void this.times.refresh(this.active.state, this.active.right, this.active.badges).then((changed) => {
      if ((changed || redrawPanel) && this.context.sheet.current() === SHEET_ID) this.openPanel(true);
    });
  }

  /** Draws both sides and writes the hash. */
  private render(): void {
    if (!this.active) return;
    const { store } = this.context;
    const { state, right, divider, badges } = this.active;
    right.setSwipe(state.swipe);
    divider.set(state.swipe);
    badges.place(state.swipe);
    right.show(sideState(store.get(), state.right));
    if (JSON.stringify(state) !== JSON.stringify(store.get().compare)) store.update(() => ({ compare: state }));
  }

  /** The left side is the main map: its layers are the panel's visible layers. */
  private applyLeft(ids: string[]): void {
    const { defs } = this.context;
    this.context.store.update((state) => {
      let next: AppState = state;
      for (const id of visibleIds(state)) if (!ids.includes(id)) next = { ...next, ...setVisible(next, id, false, 1) };
      for (const id of ids) if (!next.visible.has(id) && defs.has(id)) next = { ...next, ...setVisible(next, id, true, defs.get(id)?.opacity ?? 1) };
      return { visible: next.visible };
    });
  }

  /** `redraw`: the panel is already open and shows new values; the focus stays where it is. */
  private openPanel(redraw = false): void {
    const { active, context: { sheet, store, defs } } = this;
    if (!active) return;
    const focused = focusKey(sheet.current() === SHEET_ID ? document.activeElement : null);
    const layers = store.get().order.flatMap((id) => (defs.get(id) ? [defs.get(id)!] : []));
    const dates = renderCompareDates(this.times.model(active.state), {
      setRightTime: (rightTime) => this.update({ rightTime }),
      sameLayerAnotherDate: () => void this.sameLayerAnotherDate(),
    });
    const panel = renderComparePanel(layers, active.state, {
      setSide: (id, side, on) => this.setSide(id, side, on),
      stop: () => this.stop(),
    }, dates);
    sheet.open(t('compare.title'), panel, { id: SHEET_ID, focus: !redraw });
    // A re-drawn panel keeps the control the user was on.
    if (focused) panel.querySelector<HTMLElement>(focused)?.focus();
  }

  /** The right shows what the left shows (so only the date differs), at another time. */
  private async sameLayerAnotherDate(): Promise<void> {
    const preset = await this.times.anotherDate();
    if (!this.active || !preset) return;
    const { left } = this.active.state;
    this.update({ right: left.includes(preset.layerId) ? [...left] : [preset.layerId], rightTime: preset.time });
  }

  private setSide(id: string, side: 'left' | 'right', on: boolean): void {
    if (!this.active) return;
    const { store, defs } = this.context;
    if (side === 'left') store.update((state) => setVisible(state, id, on, defs.get(id)?.opacity ?? 1));
    else this.update({ right: on ? [...this.active.state.right, id] : this.active.state.right.filter((other) => other !== id) });
  }
}

export const controller: ControllerFactory = () => new CompareController();

/** A selector that finds a panel control again after the panel is drawn anew. */
function focusKey(element: Element | null): string | null {
  if (!(element instanceof HTMLElement) || !element.closest('.compare-panel')) return null;
  const className = [...element.classList].find((name) => name.startsWith('compare-'));
  if (!className) return null;
  const layer = element.dataset.layerId;
  return `.${className}${layer ? `[data-layer-id="${CSS.escape(layer)}"]` : ''}`;
}

function visibleIds(state: AppState): string[] {
  return state.order.filter((id) => state.visible.has(id));
}

/** The state the right map draws: the app's order, with the right side's layers visible. */
function sideState(state: AppState, ids: string[]): AppState {
  const visible = new Map<string, number>();
  for (const id of ids) visible.set(id, state.visible.get(id) ?? 1);
  return { ...state, visible };
}
