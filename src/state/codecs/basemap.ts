// `base=<id>` in the link: which basemap is shown ("none" for no basemap). Absent: the
// catalogue's default. Typed as AppState.basemap (link_keys.ts); the session store remembers it too.
import { rawParam, withParam, type HashPairs } from './pairs';

export const BASEMAP_KEY = 'base';
export const NO_BASEMAP = 'none';
const ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

/** The linked basemap id, NO_BASEMAP, or undefined when the link names none (or a malformed one). */
export function basemapParamOf(extra: HashPairs): string | undefined {
  const raw = rawParam(extra, BASEMAP_KEY);
  return raw !== undefined && ID.test(raw) ? raw : undefined;
}

/** True when the link holds a `base=` value that is not an id (shown as a notice). */
export function hasMalformedBasemapParam(extra: HashPairs): boolean {
  const raw = rawParam(extra, BASEMAP_KEY);
  return raw !== undefined && !ID.test(raw);
}

export function withBasemapParam(extra: HashPairs, id: string): Array<[string, string]> {
  return withParam(extra, BASEMAP_KEY, id);
}
