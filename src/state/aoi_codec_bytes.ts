// Byte-level helpers of the compact AOI link encoding. Hand-written because they are a few lines
// each and no library does "delta + zig-zag varint integers, base64url" as one small piece.

/** Unsigned LEB128 varint (7 bits a byte). Arithmetic, not bitwise, so values above 2^31 work. */
export function writeVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) + 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** Reads a varint at reader.offset; throws when the bytes end too early. */
export function readVarint(bytes: Uint8Array, reader: { offset: number }): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (reader.offset >= bytes.length) throw new Error('truncated varint');
    const byte = bytes[reader.offset++]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
    if (scale > 2 ** 49) throw new Error('varint too long');
  }
}

export const zigzag = (value: number): number => (value >= 0 ? value * 2 : -value * 2 - 1);
export const unzigzag = (value: number): number => (value % 2 === 0 ? value / 2 : -(value + 1) / 2);

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

export const utf8ToBase64Url = (text: string): string => toBase64Url(new TextEncoder().encode(text));

export function base64UrlToUtf8(text: string): string | null {
  const bytes = fromBase64Url(text);
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * cyrb53 (public domain): a fast 53-bit string hash, as base36. Used to name an AOI by its
 * geometry so the full geometry kept in localStorage can be matched to the one in a link.
 */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
