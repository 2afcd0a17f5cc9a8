// A civic-address CSV read as a stream (a province-wide file does not fit in memory as one string):
// the same delimiter detection, header and row rules as parseAddressCsv.
import { createReadStream } from 'node:fs';
import type { AddressRecord } from '../../queries/search/address_format';
import { AddressRowReader, CsvRowParser, detectDelimiter } from './addresses_csv';

export type CsvItem = { record: AddressRecord } | { skipped: { line: number; reason: string } };

export async function* readAddressCsv(file: string): AsyncGenerator<CsvItem> {
  let parser: CsvRowParser | undefined;
  let reader: AddressRowReader | undefined;
  const items = function* (rows: ReturnType<CsvRowParser['feed']>): Generator<CsvItem> {
    for (const { line, fields } of rows) {
      if (!reader) {
        reader = new AddressRowReader(fields);
        if (reader.header) continue;
      }
      const result = reader.read(fields);
      yield typeof result === 'string' ? { skipped: { line, reason: result } } : { record: result };
    }
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    let text = chunk as string;
    if (!parser) {
      text = text.replace(/^\uFEFF/, '');
      parser = new CsvRowParser(detectDelimiter(text));
    }
    yield* items(parser.feed(text));
  }
  if (!parser) throw new Error('no rows');
  yield* items(parser.finish());
  if (!reader) throw new Error('no rows');
}
