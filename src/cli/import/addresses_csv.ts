// Civic-address CSV → records (pure). Handles a UTF-8 BOM, quoted fields ("" escapes, line breaks
// inside quotes), CRLF, comma / semicolon / tab delimiters, an optional header naming the columns,
// and French decimal commas in semicolon files. Hand-written: the format is small and this keeps
// the import free of another dependency.
import type { AddressRecord } from '../../queries/search/address_format';
import { normalize } from '../../queries/search/normalize';

export interface CsvResult {
  records: AddressRecord[];
  /** Rows skipped, with their 1-based line number and why. */
  skipped: Array<{ line: number; reason: string }>;
  delimiter: string;
  header: boolean;
}

type Column = 'address' | 'municipality' | 'lon' | 'lat';
const COLUMN_NAMES: Record<Column, string[]> = {
  address: ['address', 'adresse', 'adresse civique', 'civic address', 'addr'],
  municipality: ['municipality', 'municipalite', 'ville', 'city', 'town', 'mun', 'nom municipalite'],
  lon: ['lon', 'long', 'lng', 'longitude', 'x'],
  lat: ['lat', 'latitude', 'y'],
};
const DEFAULT_ORDER: Column[] = ['address', 'municipality', 'lon', 'lat'];

type Row = { line: number; fields: string[] };

/** Splits CSV text into rows of fields, fed in chunks of any size (a file read as a stream). */
export class CsvRowParser {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  private afterQuote = false;
  private line = 1;
  private rowLine = 1;

  constructor(private readonly delimiter: string) {}

  /** The rows completed by this chunk. */
  feed(text: string): Row[] {
    const rows: Row[] = [];
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (char === '\n') this.line++;
      if (this.afterQuote) { // a quote inside quotes: "" is an escaped quote, anything else closes the field
        this.afterQuote = false;
        if (char === '"') { this.field += '"'; continue; }
        this.quoted = false;
      }
      if (this.quoted) {
        if (char === '"') this.afterQuote = true;
        else this.field += char;
      } else if (char === '"' && this.field.trim() === '') { this.quoted = true; this.field = ''; }
      else if (char === this.delimiter) { this.fields.push(this.field); this.field = ''; }
      else if (char === '\n') { this.endRow(rows); this.rowLine = this.line; }
      else if (char !== '\r') this.field += char;
    }
    return rows;
  }

  /** The last row (no final line break); throws on a quote left open. */
  finish(): Row[] {
    if (this.afterQuote) { this.afterQuote = false; this.quoted = false; }
    if (this.quoted) throw new Error(`unclosed quote starting on or after line ${this.rowLine}`);
    const rows: Row[] = [];
    if (this.field !== '' || this.fields.length) this.endRow(rows);
    return rows;
  }

  private endRow(rows: Row[]): void {
    this.fields.push(this.field);
    if (this.fields.length > 1 || this.fields[0]!.trim() !== '') rows.push({ line: this.rowLine, fields: this.fields });
    this.fields = [];
    this.field = '';
  }
}

/** Splits CSV text into rows of fields, with the line each row starts on. */
export function parseCsvRows(text: string, delimiter: string): Row[] {
  const parser = new CsvRowParser(delimiter);
  return [...parser.feed(text), ...parser.finish()];
}

/** The delimiter that splits the first line (outside quotes) into the most fields. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const outside = firstLine.replace(/"(?:[^"]|"")*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, outside.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

export function parseAddressCsv(input: string): CsvResult {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const rows = parseCsvRows(text, delimiter);
  if (!rows.length) throw new Error('no rows');
  const reader = new AddressRowReader(rows[0]!.fields);
  const records: AddressRecord[] = [];
  const skipped: CsvResult['skipped'] = [];
  for (const { line, fields } of reader.header ? rows.slice(1) : rows) {
    const result = reader.read(fields);
    if (typeof result === 'string') skipped.push({ line, reason: result });
    else records.push(result);
  }
  return { records, skipped, delimiter, header: reader.header };
}

/** Rows → records, with the columns named by a header, or in the default order when the first row is data. */
export class AddressRowReader {
  readonly header: boolean;
  private readonly index: Record<Column, number>;

  constructor(firstRow: string[]) {
    // A first row whose third and fourth fields are numbers is data; anything else must be a header.
    const named = looksLikeData(firstRow) ? null : columnsFromHeader(firstRow);
    if (!named && !looksLikeData(firstRow)) {
      throw new Error('the first line is neither a header (address, municipality, lon, lat) nor an address row');
    }
    this.header = Boolean(named);
    this.index = Object.fromEntries(named ?? DEFAULT_ORDER.map((column, index) => [column, index] as const)) as Record<Column, number>;
  }

  read(fields: string[]): AddressRecord | string {
    return toRecord(fields, this.index);
  }
}

function columnsFromHeader(fields: string[]): Array<readonly [Column, number]> | null {
  const names = fields.map((field) => normalize(field));
  const found = DEFAULT_ORDER.map((column) => [column, names.findIndex((name) => COLUMN_NAMES[column].includes(name))] as const);
  const missing = found.filter(([, index]) => index < 0).map(([column]) => column);
  if (missing.length === DEFAULT_ORDER.length) return null;
  if (missing.length) throw new Error(`header has no column for ${missing.join(', ')} (found: ${fields.join(', ')})`);
  return found;
}

function looksLikeData(fields: string[]): boolean {
  return fields.length >= 4 && Number.isFinite(toNumber(fields[2]!)) && Number.isFinite(toNumber(fields[3]!));
}

function toNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? NaN : Number(trimmed);
}

function toRecord(fields: string[], index: Record<Column, number>): AddressRecord | string {
  const value = (column: Column) => (fields[index[column]] ?? '').trim();
  const address = value('address');
  const lon = toNumber(value('lon'));
  const lat = toNumber(value('lat'));
  if (!address) return 'empty address';
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return `lon/lat are not numbers ("${value('lon')}", "${value('lat')}")`;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return `lon/lat out of range (${lon}, ${lat})`;
  return { address, municipality: value('municipality'), lon, lat };
}
