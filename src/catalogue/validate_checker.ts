// A small error collector for hand-written JSON: every check reports into one list and
// returns the value only when it has the expected type, so callers can keep going and
// report every problem of a file at once (as MapLibre's style-spec validators do).
// Hand-written rather than a JSON-schema library because the messages must name the
// catalogue's own terms and the schema is small.
import { Color } from '@maplibre/maplibre-gl-style-spec';

/** One problem in one catalogue file. */
export interface ValidationError {
  file: string;
  /** JSON path inside the file, e.g. "style[0].paint"; "" for the whole file. */
  path: string;
  message: string;
}

/** "layers/fires.json at style[0].paint: …" — one line for logs, tests and the panel. */
export function formatError(e: ValidationError): string {
  return `${e.file}${e.path ? ` at ${e.path}` : ''}: ${e.message}`;
}

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** A short description of what was found, for "X expected, Y found" messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return value === '' ? 'an empty string' : `"${shorten(value)}"`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'undefined') return 'nothing';
  return `${typeof value} ${String(value)}`;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

export type JsonObject = Record<string, unknown>;

export class Checker {
  readonly errors: ValidationError[] = [];

  constructor(readonly file: string) {}

  add(path: string, message: string): void {
    this.errors.push({ file: this.file, path, message });
  }

  object(value: unknown, path: string): JsonObject | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject;
    this.add(path, `object expected, ${describe(value)} found`);
    return undefined;
  }

  /** Reports missing required keys and keys the schema does not know. */
  keys(obj: JsonObject, path: string, required: readonly string[], optional: readonly string[]): void {
    for (const key of required) {
      if (obj[key] === undefined) this.add(joinPath(path, key), `required field "${key}" is missing`);
    }
    const known = new Set([...required, ...optional]);
    for (const key of Object.keys(obj)) {
      if (!known.has(key)) {
        this.add(joinPath(path, key), `unknown field "${key}" (expected one of: ${[...known].join(', ')})`);
      }
    }
  }

  string(value: unknown, path: string): string | undefined {
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.add(path, `non-empty string expected, ${describe(value)} found`);
    return undefined;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value === 'boolean') return value;
    this.add(path, `true or false expected, ${describe(value)} found`);
    return undefined;
  }

  number(value: unknown, path: string, min = -Infinity, max = Infinity): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(path, `number expected, ${describe(value)} found`);
      return undefined;
    }
    if (value < min || value > max) {
      this.add(path, `number between ${min} and ${max} expected, ${value} found`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.add(path, `one of ${allowed.map((a) => `"${a}"`).join(', ')} expected, ${describe(value)} found`);
    return undefined;
  }

  array(value: unknown, path: string, minLength = 0): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.add(path, `array expected, ${describe(value)} found`);
      return undefined;
    }
    if (value.length < minLength) {
      this.add(path, `at least ${minLength} item${minLength > 1 ? 's' : ''} expected, ${value.length} found`);
    }
    return value;
  }

  /** A text in both languages: { fr, en }, both non-empty. */
  i18n(value: unknown, path: string): void {
    const obj = this.object(value, path);
    if (!obj) return;
    this.keys(obj, path, ['fr', 'en'], []);
    for (const lang of ['fr', 'en']) {
      if (obj[lang] !== undefined) this.string(obj[lang], joinPath(path, lang));
    }
  }

  /** Any CSS colour MapLibre can parse: #rgb, #rrggbb, rgb(), rgba(), hsl(), named. */
  color(value: unknown, path: string): void {
    if (typeof value === 'string' && Color.parse(value) !== undefined) return;
    this.add(path, `colour expected (#rgb, #rrggbb, rgb(), rgba(), hsl() or a CSS name), ${describe(value)} found`);
  }

  /** Lower-case id usable in file names and URLs. */
  id(value: unknown, path: string): string | undefined {
    const text = this.string(value, path);
    if (text === undefined) return undefined;
    if (!/^[a-z0-9-]+$/.test(text)) {
      this.add(path, `id of lower-case letters, digits and "-" expected, ${describe(text)} found`);
      return undefined;
    }
    return text;
  }
}
