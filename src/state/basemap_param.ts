// `base=<id>` in the link: which basemap is shown ("none" for no basemap). Absent: the
// catalogue's default. Kept in the state's `extra` keys, so the session store remembers it too.
const KEY = 'base';
export const NO_BASEMAP = 'none';
const ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

/** The linked basemap id, NO_BASEMAP, or undefined when the link names none (or a malformed one). */
export function basemapParamOf(extra: ReadonlyArray<[string, string]>): string | undefined {
  const raw = extra.find(([key]) => key === KEY)?.[1];
  return raw !== undefined && ID.test(raw) ? raw : undefined;
}

/** True when the link holds a `base=` value that is not an id (shown as a notice). */
export function hasMalformedBasemapParam(extra: ReadonlyArray<[string, string]>): boolean {
  const raw = extra.find(([key]) => key === KEY)?.[1];
  return raw !== undefined && !ID.test(raw);
}

export function withBasemapParam(extra: ReadonlyArray<[string, string]>, id: string): Array<[string, string]> {
  const others = extra.filter(([key]) => key !== KEY);
  return [...others, [KEY, id]];
}
