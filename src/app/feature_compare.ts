// Swipe comparison of two layer sets (two layers, two dates of one layer, or whole sets): the
// main map draws the left set (the layer panel's visible layers) at the time control's time, a
// second map clipped at the divider draws the right set at its own time (or the left's). The
// state lives in the hash: compare=<left>|<right>&swipe=0.5[&rtime=…|&rfrom=…&rto=…].
import type { LayerDefinition } from '../catalogue/types';
import { t } from '../i18n';
import { CompareMap } from '../map/compare_map';
import type { AppState } from '../state/app_state';
import { setVisible } from '../state/layer_ops';
import { mountBadges, type CompareBadges } from '../ui/compare_badges';
import { renderCompareDates } from '../ui/compare_dates';
import { mountDivider, type Divider } from '../ui/compare_divider';
import { renderComparePanel } from '../ui/compare_panel';
import { decodeCompare, withCompare, type CompareState } from '../ui/compare_state';
import { el } from '../ui/dom';
import { createCompareRightTime } from './compare_right_time';
import type { AppContext, Feature } from './context';
import { addTool } from '../ui/toolbar';

const SHEET_ID = 'compare';

export function installCompare(context: AppContext): Feature {
  const { map, store, sheet, defs } = context;
  let active: { state: CompareState; right: CompareMap; divider: Divider; badges: CompareBadges } | null = null;
  const times = createCompareRightTime(context);

  const button = el('button', { type: 'button', id: 'compare-button', 'aria-pressed': 'false' });
  const relabelButton = () => {
    button.title = t('compare.button_title');
  };
  relabelButton();
  button.addEventListener('click', () => {
    if (!active) start({ left: visibleIds(store.get()), right: [], swipe: 0.5 });
    openPanel();
  });
  addTool(context.toolbar, button);

  function start(state: CompareState): void {
    stop(false);
    const right = new CompareMap(map, defs as Map<string, LayerDefinition>, context.resolveUrl('data/basemap.pmtiles'), context.resolveUrl, () => undefined);
    const divider = mountDivider(map.getContainer(), state.swipe, (fraction) => update({ swipe: fraction }));
    const badges = mountBadges(map.getContainer(), map.getContainer().parentElement ?? document.body);
    active = { state, right, divider, badges };
    button.setAttribute('aria-pressed', 'true');
    applyLeft(state.left);
    render();
    refreshTime();
  }

  function stop(updateHash = true): void {
    if (!active) return;
    active.right.destroy();
    active.divider.remove();
    active.badges.remove();
    active = null;
    times.forget();
    button.setAttribute('aria-pressed', 'false');
    if (updateHash) store.update((state) => ({ extra: withCompare(state.extra, null) }));
    if (sheet.current() === SHEET_ID) sheet.close();
  }

  function update(change: Partial<CompareState>): void {
    if (!active) return;
    const before = active.state;
    active.state = { ...before, ...change };
    render();
    // The panel's own choices: it is redrawn even when the right map shows the same (e.g. "same as left").
    if (active.state.right !== before.right || active.state.rightTime !== before.rightTime) refreshTime(true);
  }

  /** The right side's time and the date badges; the panel follows what the right map shows. */
  function refreshTime(redrawPanel = false): void {
    if (!active) return;
    void times.refresh(active.state, active.right, active.badges).then((changed) => {
      if ((changed || redrawPanel) && sheet.current() === SHEET_ID) openPanel(true);
    });
  }

  /** Draws both sides and writes the hash. */
  function render(): void {
    if (!active) return;
    const { state, right, divider, badges } = active;
    right.setSwipe(state.swipe);
    divider.set(state.swipe);
    badges.place(state.swipe);
    right.show(sideState(store.get(), state.right));
    const extra = withCompare(store.get().extra, state);
    if (JSON.stringify(extra) !== JSON.stringify(store.get().extra)) store.update(() => ({ extra }));
  }

  /** The left side is the main map: its layers are the panel's visible layers. */
  function applyLeft(ids: string[]): void {
    store.update((state) => {
      let next: AppState = state;
      for (const id of visibleIds(state)) if (!ids.includes(id)) next = { ...next, ...setVisible(next, id, false, 1) };
      for (const id of ids) if (!next.visible.has(id) && defs.has(id)) next = { ...next, ...setVisible(next, id, true, defs.get(id)?.opacity ?? 1) };
      return { visible: next.visible };
    });
  }

  /** `redraw`: the panel is already open and shows new values; the focus stays where it is. */
  function openPanel(redraw = false): void {
    if (!active) return;
    const focused = focusKey(sheet.current() === SHEET_ID ? document.activeElement : null);
    const layers = store.get().order.flatMap((id) => (defs.get(id) ? [defs.get(id)!] : []));
    const dates = renderCompareDates(times.model(active.state), {
      setRightTime: (rightTime) => update({ rightTime }),
      sameLayerAnotherDate: async () => {
        const preset = await times.anotherDate();
        if (!active || !preset) return;
        // The right shows what the left shows (so only the date differs), at another time.
        update({ right: active.state.left.includes(preset.layerId) ? [...active.state.left] : [preset.layerId], rightTime: preset.time });
      },
    });
    const panel = renderComparePanel(layers, active.state, {
      setSide: (id, side, on) => {
        if (!active) return;
        if (side === 'left') store.update((state) => setVisible(state, id, on, defs.get(id)?.opacity ?? 1));
        else update({ right: on ? [...active.state.right, id] : active.state.right.filter((other) => other !== id) });
      },
      stop: () => stop(),
    }, dates);
    sheet.open(t('compare.title'), panel, { id: SHEET_ID, focus: !redraw });
    // A re-drawn panel keeps the control the user was on.
    if (focused) panel.querySelector<HTMLElement>(focused)?.focus();
  }

  // The panel's toggles change the left side; order and opacity changes reach the right side too.
  store.subscribe((state, previous) => {
    if (!active) return;
    if (state.visible !== previous.visible) active.state = { ...active.state, left: visibleIds(state) };
    if (state.visible !== previous.visible || state.order !== previous.order) {
      render();
      refreshTime();
    }
  });
  // The left's time moved: its badge, and the right when it follows the left.
  context.events.on('time-changed', () => refreshTime());
  context.events.on('layer-reloaded', ({ id, url }) => active?.right.reloadLayer(id, url));

  const fromHash = decodeCompare(store.get().extra);
  if (fromHash) start({ ...fromHash, left: fromHash.left.filter((id) => defs.has(id)), right: fromHash.right.filter((id) => defs.has(id)) });

  return {
    relabel() {
      relabelButton();
      active?.divider.relabel();
      refreshTime();
      if (sheet.current() === SHEET_ID) openPanel(true);
    },
  };
}

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
