// External merge sort of text lines: lines are kept in memory up to `chunkLines`, sorted and written
// to a temporary file; `sorted()` then merges the files with a heap. Memory stays bounded whatever
// the input size (a province's addresses: millions of lines). Order: JavaScript string order.
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';

export class ExternalSorter {
  private lines: string[] = [];
  private readonly files: string[] = [];
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly tempDir: string, private readonly name: string, private readonly chunkLines = 100_000) {}

  /** Adds a line (no line breaks inside). Await the result now and then: it waits for the previous chunk's write. */
  add(line: string): Promise<void> | undefined {
    this.lines.push(line);
    if (this.lines.length < this.chunkLines) return undefined;
    return this.spill();
  }

  get chunks(): number {
    return this.files.length;
  }

  private async spill(): Promise<void> {
    const lines = this.lines.sort(compare);
    this.lines = [];
    const file = path.join(this.tempDir, `${this.name}-${this.files.length}.txt`);
    this.files.push(file);
    await this.pending;
    this.pending = writeFile(file, `${lines.join('\n')}\n`);
    await this.pending;
  }

  /** Every line added, in order. */
  async *sorted(): AsyncGenerator<string> {
    if (this.lines.length) await this.spill();
    await this.pending;
    const sources = this.files.map((file) => createInterface({ input: createReadStream(file, { highWaterMark: 1 << 18 }), crlfDelay: Infinity })[Symbol.asyncIterator]());
    const heap = new LineHeap();
    for (const [i, source] of sources.entries()) {
      const first = await source.next();
      if (!first.done) heap.push({ line: first.value, source: i });
    }
    while (heap.size) {
      const top = heap.peek();
      yield top.line;
      const next = await sources[top.source]!.next();
      if (next.done) heap.pop();
      else heap.replaceTop({ line: next.value, source: top.source });
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Entry { line: string; source: number }

/** A binary min-heap of the current line of each chunk file. */
class LineHeap {
  private readonly items: Entry[] = [];
  get size(): number { return this.items.length; }
  peek(): Entry { return this.items[0]!; }

  push(entry: Entry): void {
    const items = this.items;
    items.push(entry);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.line <= items[i]!.line) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }

  pop(): void {
    const last = this.items.pop()!;
    if (this.items.length) this.replaceTop(last);
  }

  replaceTop(entry: Entry): void {
    const items = this.items;
    items[0] = entry;
    for (let i = 0; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && items[left]!.line < items[smallest]!.line) smallest = left;
      if (right < items.length && items[right]!.line < items[smallest]!.line) smallest = right;
      if (smallest === i) return;
      [items[smallest], items[i]] = [items[i]!, items[smallest]!];
      i = smallest;
    }
  }
}
