// The map-input arbiter without a browser: a fake map source stands in for MapLibre.
import { describe, expect, it } from 'vitest';
import { MapInput, type LngLatLike, type MapInputOwner, type MapInputSource } from '../../src/app/map_input';

class FakeMap implements MapInputSource {
  click: ((at: LngLatLike) => void) | null = null;
  enter: (() => void) | null = null;
  escape: (() => void) | null = null;
  cursor = '';
  onClick(handler: (at: LngLatLike) => void) {
    this.click = handler;
    return () => { this.click = null; };
  }
  onEnter(handler: () => void) {
    this.enter = handler;
    return () => { this.enter = null; };
  }
  onEscape(handler: () => void) {
    this.escape = handler;
    return () => { this.escape = null; };
  }
  centre() {
    return { lng: -72.5, lat: 46.3 };
  }
  setCursor(cursor: string) {
    this.cursor = cursor;
  }
}

function owner(mode: string, log: string[]): MapInputOwner {
  return {
    mode,
    point: (at, via) => log.push(`${mode}:${via}:${at.lng},${at.lat}`),
    ended: () => log.push(`${mode}:ended`),
  };
}

function setup() {
  const map = new FakeMap();
  const modes: string[] = [];
  const log: string[] = [];
  const input = new MapInput(map, (mode) => modes.push(mode));
  input.setDefault(owner('identify', log));
  return { map, modes, log, input };
}

describe('map input arbiter', () => {
  it('should send clicks to the default owner (identify) when no tool holds the map', () => {
    const { map, log, input, modes } = setup();
    map.click!({ lng: 1, lat: 2 });
    expect(log).toEqual(['identify:click:1,2']);
    expect(input.mode).toBe('browse');
    expect(modes).toEqual([]);
  });

  it('should send clicks only to the tool that requested the map, with a crosshair', () => {
    const { map, log, input, modes } = setup();
    const measure = owner('measure', log);
    input.request(measure);
    map.click!({ lng: 3, lat: 4 });
    expect(log).toEqual(['measure:click:3,4']);
    expect(input.mode).toBe('measure');
    expect(input.holds(measure)).toBe(true);
    expect(map.cursor).toBe('crosshair');
    expect(modes).toEqual(['measure']);
  });

  it('should give clicks back to identify on release, without ending the releasing tool', () => {
    const { map, log, input, modes } = setup();
    const series = owner('series', log);
    input.request(series);
    input.release(series);
    map.click!({ lng: 5, lat: 6 });
    expect(log).toEqual(['identify:click:5,6']);
    expect(modes).toEqual(['series', 'browse']);
    expect(map.cursor).toBe('');
  });

  it('should end the previous owner when another tool requests the map', () => {
    const { map, log, input, modes } = setup();
    const measure = owner('measure', log);
    input.request(measure);
    input.request(owner('draw', log));
    input.release(measure); // a late release of the replaced tool changes nothing
    map.click!({ lng: 7, lat: 8 });
    expect(log).toEqual(['measure:ended', 'draw:click:7,8']);
    expect(input.mode).toBe('draw');
    expect(modes).toEqual(['measure', 'draw']);
  });

  it('should send Enter on the focused map to the current owner with the map centre', () => {
    const { map, log, input } = setup();
    map.enter!();
    input.request(owner('pick', log));
    map.enter!();
    expect(log).toEqual(['identify:key:-72.5,46.3', 'pick:key:-72.5,46.3']);
  });

  it('should end the tool holding the map on Escape, and ignore Escape while browsing', () => {
    const { map, log, input, modes } = setup();
    map.escape!();
    input.request(owner('series', log));
    map.escape!();
    expect(log).toEqual(['series:ended']);
    expect(input.mode).toBe('browse');
    expect(modes).toEqual(['series', 'browse']);
  });

  it('should stop listening to the map once disposed', () => {
    const { map, input } = setup();
    input.dispose();
    expect([map.click, map.enter, map.escape]).toEqual([null, null, null]);
  });
});
