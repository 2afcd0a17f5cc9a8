// What planning a file for offline use yields: bytes already read (header, directories) and the
// ranges still to fetch. The byte counts are exact (read from the file's own index), so the
// size shown before a download is the size that will be stored. Pure.
import type { ByteRange } from './ranges';

/** One range read: what FetchRangeSource.read gives (ETag pins the file's version). */
export interface RangeAnswer {
  data: ArrayBuffer;
  fileSize: number | null;
  etag: string | null;
}

export type RangeReader = (offset: number, length: number, signal?: AbortSignal) => Promise<RangeAnswer>;

export interface FilePlan {
  url: string;
  /** Ranges already read while planning (kept as they are). */
  have: Array<ByteRange & { data: ArrayBuffer }>;
  /** Ranges to fetch (joined, not yet split). */
  need: ByteRange[];
  fileSize: number | null;
  etag: string | null;
}

export function planBytes(plan: FilePlan): number {
  return plan.have.reduce((sum, r) => sum + r.data.byteLength, 0) + plan.need.reduce((sum, r) => sum + r.length, 0);
}

/** Records every answer of a reader, so the bytes read while planning are stored, not fetched twice. */
export function recording(read: RangeReader): { read: RangeReader; plan: Omit<FilePlan, 'url' | 'need'> } {
  const plan: Omit<FilePlan, 'url' | 'need'> = { have: [], fileSize: null, etag: null };
  return {
    plan,
    read: async (offset, length, signal) => {
      const answer = await read(offset, length, signal);
      // the same bytes read twice (a reader re-asking for a header block) are kept once
      const same = plan.have.find((h) => h.offset === offset);
      if (!same) plan.have.push({ offset, length: answer.data.byteLength, data: answer.data });
      else if (same.length < answer.data.byteLength) Object.assign(same, { length: answer.data.byteLength, data: answer.data });
      if (answer.fileSize !== null) plan.fileSize = answer.fileSize;
      if (answer.etag) plan.etag ??= answer.etag;
      return answer;
    },
  };
}
