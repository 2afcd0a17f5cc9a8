// Packs sorted blocks of rows into shard files of about `budget` bytes. A block is the rows of one
// (group, civic number) and is never split, so a directory can point a number at one shard; a
// block larger than the budget gets a shard of its own. Consecutive blocks of one group in a
// shard share one group entry. `onSpan` tells where a directory key's rows start in each shard.
import type { ShardSpan } from '../../queries/search/address_format';

export interface Block {
  /** Identity of the group entry in the shard file, e.g. "12\u0001principale". */
  group: string;
  /** The group entry's head, e.g. [12, "principale"] (its rows are appended). */
  head: unknown[];
  /** The directory key whose spans this block extends (town + word, or word). */
  dirKey: string;
  number: number;
  rows: unknown[];
  bytes: number;
}

export class ShardPacker {
  private groups: unknown[][] = [];
  private lastGroup = '';
  private bytes = 0;
  private shard = 0;
  private readonly keysHere = new Set<string>();
  shardsWritten = 0;
  largest = 0;

  constructor(
    private readonly budget: number,
    private readonly write: (shard: number, text: string) => void,
    private readonly onSpan: (dirKey: string, span: ShardSpan) => void,
  ) {}

  add(block: Block): void {
    if (this.groups.length && this.bytes + block.bytes > this.budget) this.flush();
    if (!this.keysHere.has(block.dirKey)) {
      this.keysHere.add(block.dirKey);
      this.onSpan(block.dirKey, [this.shard, block.number]);
    }
    if (block.group === this.lastGroup) (this.groups.at(-1)!.at(-1) as unknown[]).push(...block.rows);
    else this.groups.push([...block.head, [...block.rows]]);
    this.lastGroup = block.group;
    this.bytes += block.bytes;
  }

  /** Writes the last shard. */
  finish(): void {
    if (this.groups.length) this.flush();
  }

  private flush(): void {
    const text = JSON.stringify({ v: 2, groups: this.groups });
    this.write(this.shard, text);
    this.largest = Math.max(this.largest, Buffer.byteLength(text));
    this.shardsWritten++;
    this.shard++;
    this.groups = [];
    this.lastGroup = '';
    this.bytes = 0;
    this.keysHere.clear();
  }
}
