// What the user gave the "Add data" form (pure): a URL that may be fetched, and which kind of
// file its first bytes are (magic numbers, not the extension: servers rename and redirect).

export type DataKind = 'cog' | 'pmtiles' | 'vector';

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: 'empty' | 'invalid' | 'scheme'; scheme?: string };

/** Only http(s) URLs are read: javascript:, data:, file: and the like are refused. */
export function checkDataUrl(text: string, baseUrl?: string): UrlCheck {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, reason: 'empty' };
  let url: URL;
  try {
    url = baseUrl ? new URL(trimmed, baseUrl) : new URL(trimmed);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  // A scheme written by the user counts, not one inherited from the page.
  const written = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  const scheme = written ?? url.protocol.replace(/:$/, '');
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, reason: 'scheme', scheme };
  return { ok: true, url: url.href };
}

/** TIFF ("II*\0", "MM\0*", BigTIFF "II+\0"/"MM\0+") or PMTiles ("PMTiles"); null otherwise. */
export function detectKind(head: Uint8Array): DataKind | null {
  const text = String.fromCharCode(...head.subarray(0, 7));
  if (text === 'PMTiles') return 'pmtiles';
  const [a, b, c, d] = head;
  if (a === 0x49 && b === 0x49 && (c === 42 || c === 43) && d === 0) return 'cog';
  if (a === 0x4d && b === 0x4d && c === 0 && (d === 42 || d === 43)) return 'cog';
  return null;
}

/** The kind the name suggests, used only to word an error when the bytes say nothing. */
export function kindFromName(name: string): DataKind | null {
  const path = name.split(/[?#]/)[0]?.toLowerCase() ?? '';
  if (/\.tiff?$/.test(path)) return 'cog';
  if (path.endsWith('.pmtiles')) return 'pmtiles';
  return null;
}

/** A short display name: the last path segment of a URL or the file name. */
export function displayName(urlOrName: string): string {
  const path = urlOrName.split(/[?#]/)[0] ?? urlOrName;
  const last = path.split('/').filter(Boolean).pop() ?? urlOrName;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** A stable layer id for an added URL (so a link with `layers=add-…` finds the same layer). */
export function addedLayerId(key: string, suffix = ''): string {
  let h1 = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h1 = Math.imul(h1 ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return `add-${h1.toString(16).padStart(8, '0')}${suffix}`;
}
