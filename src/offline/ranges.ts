// Byte ranges kept for offline use: joining neighbours, and finding the stored pieces that
// cover a requested range (a request may span several stored ranges). Pure.
import { mergeRanges, type ByteRange } from '../sources/cog/byte_spans';

export type { ByteRange };

/** A stored range and where its bytes sit in the area's file for that URL. */
export interface StoredRange extends ByteRange {
  /** Byte position of the range's first byte in the stored blob. */
  at: number;
}

/** Sorted, non-overlapping ranges: neighbours closer than `gap` join (the gap bytes are kept). */
export function joinRanges(ranges: ByteRange[], gap: number): ByteRange[] {
  return mergeRanges(ranges.filter((r) => r.length > 0), gap).map(({ offset, length }) => ({ offset, length }));
}

/** Splits long ranges into pieces of at most `max` bytes (progress, pause and retry per piece). */
export function splitRanges(ranges: ByteRange[], max: number): ByteRange[] {
  const out: ByteRange[] = [];
  for (const r of ranges) {
    for (let at = 0; at < r.length; at += max) out.push({ offset: r.offset + at, length: Math.min(max, r.length - at) });
  }
  return out;
}

export function totalLength(ranges: readonly ByteRange[]): number {
  return ranges.reduce((sum, r) => sum + r.length, 0);
}

/** One slice of a stored range to read: `from`..`to` inside the blob holding it. */
export interface Piece<T> {
  source: T;
  from: number;
  to: number;
}

/**
 * The pieces of stored ranges that together cover [offset, end), in order, or null when any
 * byte is missing. `end` is already clamped to the file size by the caller.
 */
export function coverRange<T extends StoredRange>(stored: readonly T[], offset: number, end: number): Piece<T>[] | null {
  const pieces: Piece<T>[] = [];
  let at = offset;
  while (at < end) {
    const next = stored.find((r) => r.offset <= at && r.offset + r.length > at);
    if (!next) return null;
    const stop = Math.min(end, next.offset + next.length);
    pieces.push({ source: next, from: next.at + (at - next.offset), to: next.at + (stop - next.offset) });
    at = stop;
  }
  return pieces;
}

/** The parts of a range not already read (header blocks often hold the first tiles of a small COG). */
export function minus(range: ByteRange, have: ReadonlyArray<ByteRange>): ByteRange[] {
  let parts = [range];
  for (const h of have) {
    parts = parts.flatMap((p) => {
      const end = p.offset + p.length, hEnd = h.offset + h.length;
      if (hEnd <= p.offset || h.offset >= end) return [p];
      const out: ByteRange[] = [];
      if (h.offset > p.offset) out.push({ offset: p.offset, length: h.offset - p.offset });
      if (hEnd < end) out.push({ offset: hEnd, length: end - hEnd });
      return out;
    });
  }
  return parts;
}
