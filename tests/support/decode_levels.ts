// Every level of a COG file, whole, band 1, as decoded by the decoders registered now: tests
// compare these arrays before and after swapping geotiff's deflate decoder.
import type { TypedArray } from 'geotiff';
import { openCog } from '../../src/sources/cog/open';
import { readSamples } from '../../src/sources/cog/window_read';
import { FileRangeSource } from '../../src/sources/file_source';

export async function decodeAllLevels(file: string): Promise<TypedArray[]> {
  const cog = await openCog(new FileRangeSource(file));
  try {
    const out: TypedArray[] = [];
    for (const level of cog.levels) out.push(...(await readSamples(level.image, [0, 0, level.width, level.height], [0])));
    return out;
  } finally {
    await cog.close();
  }
}
