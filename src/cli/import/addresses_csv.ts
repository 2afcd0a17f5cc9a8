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

/** Splits CSV text into rows of fields, with the line each row starts on. */
export function parseCsvRows(text: string, delimiter: string): Array<{ line: number; fields: string[] }> {
  const rows: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') line++;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === '') { quoted = true; field = ''; }
    else if (char === delimiter) { fields.push(field); field = ''; }
    else if (char === '\n') { endRow(); rowLine = line; }
    else if (char !== '\r') field += char;
  }
  if (quoted) throw new Error(`unclosed quote starting on or after line ${rowLine}`);
  if (field !== '' || fields.length) endRow();
  return rows;
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
  // A first row whose third and fourth fields are numbers is data; anything else must be a header.
  const named = looksLikeData(rows[0]!.fields) ? null : columnsFromHeader(rows[0]!.fields);
  const columns = named ?? DEFAULT_ORDER.map((column, index) => [column, index] as const);
  if (!named && !looksLikeData(rows[0]!.fields)) {
    throw new Error('the first line is neither a header (address, municipality, lon, lat) nor an address row');
  }
  const index = Object.fromEntries(columns) as Record<Column, number>;
  const records: AddressRecord[] = [];
  const skipped: CsvResult['skipped'] = [];
  for (const { line, fields } of named ? rows.slice(1) : rows) {
    const result = toRecord(fields, index);
    if (typeof result === 'string') skipped.push({ line, reason: result });
    else records.push(result);
  }
  return { records, skipped, delimiter, header: Boolean(named) };
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
