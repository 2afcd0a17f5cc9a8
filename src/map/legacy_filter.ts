// Legacy MapLibre filters (["==", "kind", "x"], ["in", "kind", "a", "b"]) as expressions, so they
// can be joined with expression filters in one "all". @protomaps/basemaps writes legacy ones;
// MapLibre's own convertFilter lives in the style-spec package, a second copy of ~60 KB gzip on
// the first load (issue 15), while the basemap needs only these few forms.
type Filter = unknown[];

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** The value a legacy filter key names: a property, or the special $type / $id keys. */
function keyExpression(key: string): unknown[] {
  if (key === '$type') return ['geometry-type'];
  if (key === '$id') return ['id'];
  return ['get', key];
}

/** A legacy filter (or an expression, returned as is) as an expression. */
export function legacyFilterToExpression(filter: Filter): Filter {
  const [op, key, ...rest] = filter;
  if (op === 'all' || op === 'any') {
    return [op, ...filter.slice(1).map((part) => (Array.isArray(part) ? legacyFilterToExpression(part) : part))];
  }
  if (typeof key !== 'string') return filter;
  if (COMPARISONS.has(op as string)) return [op, keyExpression(key), rest[0]];
  if (op === 'in' || op === '!in') {
    const test = ['in', keyExpression(key), ['literal', rest]];
    return op === 'in' ? test : ['!', test];
  }
  if (op === 'has') return filter;
  if (op === '!has') return ['!', ['has', key]];
  return filter;
}
