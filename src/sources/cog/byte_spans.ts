// Merged requests: neighbouring ranges closer than a gap are read in one request (the gap
// bytes cost less than a round trip), and the whole request is kept so that a later range
// lying in it — often a tiny edge block read as gap — costs no request either.

export interface ByteRange {
  offset: number;
  length: number;
}

export interface MergedRange extends ByteRange {
  parts: ByteRange[];
}

/** Sorts ranges and joins those closer than `gap` bytes. */
export function mergeRanges(ranges: ByteRange[], gap: number): MergedRange[] {
  const sorted = [...ranges].sort((a, b) => a.offset - b.offset);
  const merged: MergedRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.offset <= last.offset + last.length + gap) {
      last.length = Math.max(last.length, r.offset + r.length - last.offset);
      last.parts.push(r);
    } else {
      merged.push({ offset: r.offset, length: r.length, parts: [r] });
    }
  }
  return merged;
}

export interface Span extends ByteRange {
  data: Promise<ArrayBuffer>;
}

/** The merged requests asked (in flight or done), oldest dropped first past `maxBytes`. */
export class SpanStore {
  private readonly spans: Span[] = [];
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The span holding the whole range, if any. */
  find(range: ByteRange): Span | undefined {
    return this.spans.find((s) => s.offset <= range.offset && range.offset + range.length <= s.offset + s.length);
  }

  keep(span: Span): void {
    this.spans.push(span);
    this.bytes += span.length;
    span.data.catch(() => this.drop(span));
    while (this.bytes > this.maxBytes && this.spans.length > 1) this.drop(this.spans[0] as Span);
  }

  private drop(span: Span): void {
    const index = this.spans.indexOf(span);
    if (index < 0) return;
    this.spans.splice(index, 1);
    this.bytes -= span.length;
  }
}
