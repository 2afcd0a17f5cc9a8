// A CRS from its EPSG code: the built-in common codes at once, any other code from the EPSG
// database (epsg-index), one code at a time — read from node_modules in Node, fetched from the
// per-code files the build emits (scripts/vite_epsg_plugin.ts) in the browser.
import { crsFromProj4, type Crs } from './crs';
import { COMMON_EPSG } from './crs_common';
import { CrsError } from '../errors';

/** What the per-code file holds (a subset of epsg-index's entry). */
export interface EpsgEntry {
  name: string;
  proj4: string;
  kind: string;
  unit: string;
}

const lookups = new Map<number, Promise<Crs>>();

/** A built-in CRS, without any lookup; null for codes outside the common set. */
export function commonCrs(code: number): Crs | null {
  const entry = COMMON_EPSG.get(code);
  return entry ? crsFromProj4(entry[1], entry[0], code === 900913 ? 3857 : code) : null;
}

export function crsFromEpsg(code: number): Promise<Crs> {
  const common = commonCrs(code);
  if (common) return Promise.resolve(common);
  let lookup = lookups.get(code);
  if (!lookup) {
    lookup = loadEpsgEntry(code).then((entry) => crsFromEntry(code, entry));
    lookup.catch(() => lookups.delete(code));
    lookups.set(code, lookup);
  }
  return lookup;
}

function crsFromEntry(code: number, entry: EpsgEntry | null): Crs {
  if (!entry) throw new CrsError('unknown-crs', `EPSG:${code} is not in the EPSG database`, `EPSG:${code}`);
  if (!entry.proj4) throw new CrsError('unsupported-crs', `EPSG:${code} (${entry.name}) cannot be drawn: it has no 2D projection`, `EPSG:${code}`);
  if (!/PROJCRS|GEOGCRS|GEOG3DCRS/.test(entry.kind)) throw new CrsError('unsupported-crs', `EPSG:${code} (${entry.name}) is not a projected or geographic CRS`, `EPSG:${code}`);
  const crs = crsFromProj4(entry.proj4, entry.name, code);
  return { ...crs, units: entry.unit.startsWith('degree') ? 'degree' : entry.unit || crs.units };
}

const inNode = typeof process !== 'undefined' && Boolean(process.versions?.node);

async function loadEpsgEntry(code: number): Promise<EpsgEntry | null> {
  if (!Number.isInteger(code) || code <= 0) return null;
  return inNode ? readInNode(code) : fetchInBrowser(code);
}

/** The per-code file next to the app's scripts (assets/epsg/<code>.json; served in dev too). */
async function fetchInBrowser(code: number): Promise<EpsgEntry | null> {
  const relative = `epsg/${code}.json`; // not a literal: Vite must not bundle the database
  const response = await fetch(new URL(relative, import.meta.url));
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`EPSG:${code}: the CRS definition could not be loaded (HTTP ${response.status})`);
  return (await response.json()) as EpsgEntry;
}

async function readInNode(code: number): Promise<EpsgEntry | null> {
  // module names in variables: the browser bundle must not try to resolve them
  const fsName = 'node:fs/promises', moduleName = 'node:module';
  const { readFile } = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs/promises');
  const { createRequire } = (await import(/* @vite-ignore */ moduleName)) as typeof import('node:module');
  let file: string;
  try {
    file = createRequire(import.meta.url).resolve(`epsg-index/s/${code}.json`);
  } catch {
    return null;
  }
  return JSON.parse(await readFile(file, 'utf8')) as EpsgEntry;
}
