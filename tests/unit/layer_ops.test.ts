import { describe, expect, it } from 'vitest';
import { moveAmongShown, moveInGroup, moveNextTo, setOpacity, setVisible } from '../../src/state/layer_ops';
import { slotOrder } from '../../src/app/initial_state';
import type { AppState } from '../../src/state/app_state';
import { decodeLinkKeys } from '../../src/state/url_codec';

const groups: Record<string, string> = { a: 'fires', b: 'floods', c: 'fires', d: 'floods', e: 'fires' };
const groupOf = (id: string) => groups[id];

function state(visible: Array<[string, number]> = []): AppState {
  return { lang: 'fr', view: { zoom: 5, lat: 46, lon: -72 }, order: ['a', 'b', 'c', 'd', 'e'], visible: new Map(visible), extra: [], ...decodeLinkKeys([]) };
}

describe('layer operations', () => {
  it('should swap with the nearest layer of the same group when moving up or down', () => {
    expect(moveInGroup(['a', 'b', 'c', 'd', 'e'], 'c', -1, groupOf)).toEqual(['c', 'b', 'a', 'd', 'e']);
    expect(moveInGroup(['a', 'b', 'c', 'd', 'e'], 'c', 1, groupOf)).toEqual(['a', 'b', 'e', 'd', 'c']);
  });

  it('should leave the order alone at the edge of a group', () => {
    const order = ['a', 'b', 'c', 'd', 'e'];
    expect(moveInGroup(order, 'a', -1, groupOf)).toBe(order);
    expect(moveInGroup(order, 'd', 1, groupOf)).toBe(order);
  });

  it('should drop a dragged layer before or after its target', () => {
    expect(moveNextTo(['a', 'b', 'c', 'd'], 'a', 'c', 'after')).toEqual(['b', 'c', 'a', 'd']);
    expect(moveNextTo(['a', 'b', 'c', 'd'], 'd', 'b', 'before')).toEqual(['a', 'd', 'b', 'c']);
  });

  it('should keep a layer opacity when it is hidden then shown through setOpacity', () => {
    const shown = setVisible(state(), 'b', true, 0.7).visible;
    expect(shown.get('b')).toBe(0.7);
    expect(setVisible({ ...state(), visible: shown }, 'b', false).visible.has('b')).toBe(false);
    expect(setOpacity(state(), 'a', 1.4).visible.get('a')).toBe(1);
  });

  it('should put linked layers into the slots of the linked layers, in link order', () => {
    expect(slotOrder(['a', 'b', 'c', 'd', 'e'], ['d', 'a'])).toEqual(['d', 'b', 'c', 'a', 'e']);
    expect(slotOrder(['a', 'b'], [])).toEqual(['a', 'b']);
  });
});

describe('initial state from a link', () => {
  it('should keep a linked layer whose file failed, and report only unknown ids', async () => {
    const { initialState } = await import('../../src/app/initial_state');
    const def = (id: string) => ({ id, file: `${id}.json`, def: { id, group: 'floods' } as never });
    const catalogue = {
      groups: [],
      layers: [def('a'), { id: 'broken', file: 'broken.json', error: { kind: 'fetch' as const, message: 'HTTP 404' } }, def('c')],
    };
    const unknown: string[] = [];
    const state = initialState(
      { layers: [{ id: 'c', opacity: 1 }, { id: 'broken', opacity: 0.5 }, { id: 'nope', opacity: 1 }], extra: [] },
      catalogue, 'fr', (id) => unknown.push(id),
    );
    expect(unknown).toEqual(['nope']);
    expect(state.visible.get('broken')).toBe(0.5);
    expect(state.order).toEqual(['a', 'c', 'broken']);
  });
});

describe('moving a layer among the layers on the map', () => {
  // The catalogue's order: flood layers above the LiDAR ones, hidden layers in between.
  const order = ['zones', 'crues', 'hidden-a', 'lidar-couverture', 'hidden-b', 'lidar-pente', 'lidar-mnt'];
  const shown = new Set(['zones', 'crues', 'lidar-pente']);

  it('should lift a layer just above its shown neighbour, not above every layer of another group', () => {
    const next = moveAmongShown(order, shown, 'lidar-pente', -1);
    expect(next.filter((id) => shown.has(id))).toEqual(['zones', 'lidar-pente', 'crues']);
    expect(next).toEqual(['zones', 'lidar-pente', 'crues', 'hidden-a', 'lidar-couverture', 'hidden-b', 'lidar-mnt']);
  });

  it('should lower a layer just below its shown neighbour and leave the ends alone', () => {
    expect(moveAmongShown(order, shown, 'zones', 1).filter((id) => shown.has(id))).toEqual(['crues', 'zones', 'lidar-pente']);
    expect(moveAmongShown(order, shown, 'zones', -1)).toBe(order);
    expect(moveAmongShown(order, shown, 'lidar-pente', 1)).toBe(order);
    expect(moveAmongShown(order, shown, 'hidden-a', -1)).toBe(order);
  });
});
