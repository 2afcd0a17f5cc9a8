// The hash keys features own, as typed fields of AppState. Decoded once from the link's raw pairs
// (decodeLinkKeys) and encoded back at the edge (encodeLinkKeys): a key whose typed value still
// equals what its remembered text says is written back byte for byte, in its place; a changed key
// is re-encoded in the place its group had (new keys go last); unknown keys are never touched.
import type { TimeSelection } from '../time_state';
import { ADD_KEY, decodeAddUrls, encodeAddUrls } from './add';
import { AOI_KEY, aoiParamOf, withAoiParam } from './aoi';
import { bandChoices, BANDS_KEY, encodeBands } from './bands';
import { BASEMAP_KEY, basemapParamOf, hasMalformedBasemapParam, withBasemapParam } from './basemap';
import { COMPARE_KEY, decodeCompare, RIGHT_TIME_KEYS, SWIPE_KEY, withCompare, type CompareState } from './compare';
import type { HashPairs } from './pairs';
import { PRINT_KEY, printRequested, withPrint } from './print';
import { decodeDriver, decodeTime, DRIVER_KEY, encodeDriver, encodeTime, TIME_KEYS } from './time';

type Pairs = Array<[string, string]>;

/** `base=`: the linked basemap id (or NO_BASEMAP); `malformed` when the link's value is not an id. */
export interface BasemapLink {
  id: string | undefined;
  malformed: boolean;
}

export interface LinkKeys {
  /** `time=` or `from=`+`to=`: the time the user asked for (null: each layer's default). */
  time: TimeSelection | null;
  /** `timelayer=`: the layer the time control drives (undefined: the topmost time layer). */
  timeLayer: string | undefined;
  /** `compare=`, `swipe=`, `rtime=`…: the comparison, when one is open. */
  compare: CompareState | null;
  /** `aoi=`: the encoded areas of interest (state/aoi_codec.ts). */
  aoi: string | undefined;
  /** `add=`: the URLs of data added from the web, in order. */
  add: readonly string[];
  /** `print=1`: the print panel is open. */
  print: boolean;
  basemap: BasemapLink;
  /** `bands=`: layer id → the 1 or 3 bands drawn. */
  bands: ReadonlyMap<string, number[]>;
}

/** How one typed field lives in the link. */
interface KeyCodec<K extends keyof LinkKeys> {
  field: K;
  /** Its hash keys (a group is written together, where its first key stood). */
  keys: readonly string[];
  decode(pairs: HashPairs): LinkKeys[K];
  encode(value: LinkKeys[K]): Pairs;
  /** Writes a changed value into the pairs (default: the group replaced where it stood). */
  write?(pairs: Pairs, value: LinkKeys[K]): Pairs;
}

type AnyKeyCodec = { [K in keyof LinkKeys]: KeyCodec<K> }[keyof LinkKeys];

/** In this order: a new driver layer is written before the time it resets. */
const CODECS: readonly AnyKeyCodec[] = [
  { field: 'timeLayer', keys: [DRIVER_KEY], decode: decodeDriver, encode: (id) => encodeDriver([], id) },
  { field: 'time', keys: TIME_KEYS, decode: decodeTime, encode: (selection) => encodeTime([], selection) },
  { field: 'compare', keys: [COMPARE_KEY, SWIPE_KEY, ...RIGHT_TIME_KEYS], decode: decodeCompare, encode: (c) => withCompare([], c) },
  { field: 'aoi', keys: [AOI_KEY], decode: aoiParamOf, encode: (value) => withAoiParam([], value ?? '') },
  { field: 'add', keys: [ADD_KEY], decode: decodeAddUrls, encode: encodeAddUrls, write: writeAddUrls },
  { field: 'print', keys: [PRINT_KEY], decode: printRequested, encode: (open) => withPrint([], open) },
  { field: 'basemap', keys: [BASEMAP_KEY], decode: decodeBasemap, encode: (link) => (link.id ? withBasemapParam([], link.id) : []) },
  { field: 'bands', keys: [BANDS_KEY], decode: bandChoices, encode: encodeBandsPairs },
];

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameValue = (a: unknown, b: unknown) =>
  a instanceof Map && b instanceof Map ? sameJson([...a], [...b]) : sameJson(a, b);

function decodeBasemap(pairs: HashPairs): BasemapLink {
  return { id: basemapParamOf(pairs), malformed: hasMalformedBasemapParam(pairs) };
}

function encodeBandsPairs(choices: ReadonlyMap<string, number[]>): Pairs {
  const value = encodeBands(choices);
  return value ? [[BANDS_KEY, value]] : [];
}

/** Each `add=` stays where it was while its URL is kept; new URLs go last. */
function writeAddUrls(pairs: Pairs, urls: readonly string[]): Pairs {
  const linked = decodeAddUrls(pairs);
  const kept = pairs.filter(([key, raw]) => key !== ADD_KEY || urls.includes(decodeAddUrls([[key, raw]])[0]!));
  return [...kept, ...encodeAddUrls(urls.filter((url) => !linked.includes(url)))];
}

/** The typed fields the link's raw pairs hold (malformed values read as absent). */
export function decodeLinkKeys(pairs: HashPairs): LinkKeys {
  return {
    time: decodeTime(pairs),
    timeLayer: decodeDriver(pairs),
    compare: decodeCompare(pairs),
    aoi: aoiParamOf(pairs),
    add: decodeAddUrls(pairs),
    print: printRequested(pairs),
    basemap: decodeBasemap(pairs),
    bands: bandChoices(pairs),
  };
}

/** The link's pairs with every changed typed field written back in its group's place. */
export function encodeLinkKeys(remembered: HashPairs, state: LinkKeys): Pairs {
  const pairs: Pairs = remembered.map(([key, raw]): [string, string] => [key, raw]);
  return CODECS.reduce((written, codec) => writeField(codec, written, state), pairs);
}

function writeField<K extends keyof LinkKeys>(codec: KeyCodec<K>, pairs: Pairs, state: LinkKeys): Pairs {
  const value = state[codec.field];
  if (sameValue(codec.decode(pairs), value)) return pairs;
  return codec.write ? codec.write(pairs, value) : replaceGroup(pairs, codec.keys, codec.encode(value));
}

/** `pairs` with the keys of a group replaced by `fresh`, where the group's first key stood. */
function replaceGroup(pairs: Pairs, keys: readonly string[], fresh: Pairs): Pairs {
  const at = pairs.findIndex(([key]) => keys.includes(key));
  const others = pairs.filter(([key]) => !keys.includes(key));
  if (at < 0) return [...others, ...fresh];
  return [...others.slice(0, at), ...fresh, ...others.slice(at)];
}
