// Pure encode/decode of the URL hash: "map=zoom/lat/lon&lang=fr&layers=id1:80,id2".
// Decoding never throws: malformed values become problems the UI shows as notices.
import type { Lang } from '../catalogue/types';
import type { MapView, VisibleLayer } from './app_state';
import { safeDecode } from './codecs/pairs';

export interface HashState {
  view?: MapView;
  lang?: Lang;
  /** Visible layers, top first; undefined when the hash has no layers key. */
  layers?: VisibleLayer[];
  extra: Array<[string, string]>;
}

export type HashProblem =
  | { kind: 'bad_value'; key: string }
  | { kind: 'bad_opacity'; id: string };

const MAX_VALUE_LENGTH = 4000;
const LAYER_ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

export function decodeHash(hash: string): { state: HashState; problems: HashProblem[] } {
  const state: HashState = { extra: [] };
  const problems: HashProblem[] = [];
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    const value = safeDecode(raw);
    if (value === null || value.length > MAX_VALUE_LENGTH) {
      problems.push({ kind: 'bad_value', key: key.slice(0, 40) });
      continue;
    }
    if (key === 'map') {
      const view = decodeView(value);
      if (view) state.view = view;
      else problems.push({ kind: 'bad_value', key });
    } else if (key === 'lang') {
      if (value === 'fr' || value === 'en') state.lang = value;
      else problems.push({ kind: 'bad_value', key });
    } else if (key === 'layers') {
      state.layers = decodeLayers(value, problems);
    } else if (key) {
      state.extra.push([key, raw]);
    }
  }
  return { state, problems };
}

function decodeView(value: string): MapView | null {
  const parts = value.split('/');
  if (parts.length < 3) return null;
  const [zoom, lat, lon] = parts.slice(0, 3).map(Number) as [number, number, number];
  const ok =
    Number.isFinite(zoom) && zoom >= 0 && zoom <= 24 &&
    Number.isFinite(lat) && Math.abs(lat) <= 85.06 &&
    Number.isFinite(lon) && Math.abs(lon) <= 180;
  return ok ? { zoom, lat, lon } : null;
}

function decodeLayers(value: string, problems: HashProblem[]): VisibleLayer[] {
  const layers: VisibleLayer[] = [];
  const seen = new Set<string>();
  for (const item of value.split(',')) {
    if (!item) continue;
    const [id = '', opacityText] = item.split(':');
    if (!LAYER_ID.test(id)) {
      problems.push({ kind: 'bad_value', key: 'layers' });
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    let opacity = 1;
    if (opacityText !== undefined) {
      const percent = Number(opacityText);
      if (opacityText !== '' && Number.isFinite(percent) && percent >= 0 && percent <= 100) {
        opacity = percent / 100;
      } else {
        problems.push({ kind: 'bad_opacity', id });
      }
    }
    layers.push({ id, opacity });
  }
  return layers;
}

/** Zoom with 2 decimals and coordinates with 5 (about 1 m), like MapLibre's own hash. */
export function encodeView(view: MapView): string {
  return `${round(view.zoom, 2)}/${round(view.lat, 5)}/${round(view.lon, 5)}`;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function encodeLayers(layers: VisibleLayer[]): string {
  return layers
    .map(({ id, opacity }) => (opacity >= 0.995 ? id : `${id}:${Math.round(opacity * 100)}`))
    .join(',');
}

export function encodeHash(state: Required<Omit<HashState, 'extra'>> & Pick<HashState, 'extra'>): string {
  const parts = [
    `map=${encodeView(state.view)}`,
    `lang=${state.lang}`,
    `layers=${encodeLayers(state.layers)}`,
    ...state.extra.map(([key, raw]) => `${key}=${raw}`),
  ];
  return `#${parts.join('&')}`;
}

// The keys features own have one codec module each (state/codecs/<key>.ts); the app holds them as
// typed AppState fields, decoded and encoded here at the edge.
export { PRINT_KEY, printRequested, withPrint } from './codecs/print';
// Typed AppState fields from the pairs, and back in the link's key order (codecs/link_keys.ts).
export { decodeLinkKeys, encodeLinkKeys, type LinkKeys } from './codecs/link_keys';
