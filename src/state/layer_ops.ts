// Pure changes to the layer part of the state, used by the panel and tested on their own.
import type { AppState } from './app_state';

export function setVisible(state: AppState, id: string, on: boolean, opacity = 1): Pick<AppState, 'visible'> {
  const visible = new Map(state.visible);
  if (on) visible.set(id, visible.get(id) ?? opacity);
  else visible.delete(id);
  return { visible };
}

export function setOpacity(state: AppState, id: string, opacity: number): Pick<AppState, 'visible'> {
  const visible = new Map(state.visible);
  visible.set(id, Math.min(1, Math.max(0, opacity)));
  return { visible };
}

/**
 * Moves a layer one step up (-1) or down (+1) among the layers of its own group,
 * swapping places with that neighbour in the global order.
 */
export function moveInGroup(
  order: string[],
  id: string,
  step: -1 | 1,
  groupOf: (id: string) => string | undefined,
): string[] {
  const group = groupOf(id);
  const from = order.indexOf(id);
  if (from < 0) return order;
  let to = from + step;
  while (to >= 0 && to < order.length && groupOf(order[to]!) !== group) to += step;
  if (to < 0 || to >= order.length) return order;
  const next = [...order];
  next[from] = order[to]!;
  next[to] = id;
  return next;
}

/** Moves a layer to just before or after another one (drag and drop). */
export function moveNextTo(order: string[], id: string, targetId: string, position: 'before' | 'after'): string[] {
  if (id === targetId || !order.includes(targetId)) return order;
  const next = order.filter((other) => other !== id);
  const at = next.indexOf(targetId) + (position === 'after' ? 1 : 0);
  next.splice(at, 0, id);
  return next;
}

/**
 * Moves a shown layer one step up (-1) or down (+1) among the layers on the map, in drawing
 * order: it lands just above (or below) its shown neighbour, so the map changes exactly as the
 * "layers on the map" list shows, whatever hidden layers lie between them in the global order.
 */
export function moveAmongShown(order: string[], shown: ReadonlySet<string>, id: string, step: -1 | 1): string[] {
  const drawn = order.filter((other) => shown.has(other));
  const at = drawn.indexOf(id);
  const neighbour = drawn[at + step];
  if (at < 0 || neighbour === undefined) return order;
  return moveNextTo(order, id, neighbour, step < 0 ? 'before' : 'after');
}
