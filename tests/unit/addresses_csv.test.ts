// CSV of civic addresses: header detection, quotes, BOM, semicolons, decimal commas, bad rows.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseAddressCsv, parseCsvRows } from '../../src/cli/import/addresses_csv';

describe('parseCsvRows', () => {
  it('should keep delimiters, doubled quotes and line breaks inside quotes', () => {
    const rows = parseCsvRows('a,"b, ""c""",d\r\n"multi\nline",x,y\n', ',');
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b, "c"', 'd'] },
      { line: 2, fields: ['multi\nline', 'x', 'y'] },
    ]);
  });

  it('should skip blank lines and report an unclosed quote', () => {
    expect(parseCsvRows('a,b\n\n\nc,d', ',').map((r) => r.line)).toEqual([1, 4]);
    expect(() => parseCsvRows('a,"b\nc,d', ',')).toThrow(/unclosed quote/);
  });
});

describe('detectDelimiter', () => {
  it('should ignore delimiters inside quotes', () => {
    expect(detectDelimiter('"12, rue A";Ville;-72,5;46,3')).toBe(';');
    expect(detectDelimiter('address,municipality,lon,lat')).toBe(',');
    expect(detectDelimiter('address\tmunicipality\tlon\tlat')).toBe('\t');
  });
});

describe('parseAddressCsv', () => {
  it('should read a comma file with a header, quoted addresses and a BOM', () => {
    const text = '\uFEFFaddress,municipality,lon,lat\n"123, rue des Érables",Trois-Rivières,-72.55,46.35\n';
    const result = parseAddressCsv(text);
    expect(result.header).toBe(true);
    expect(result.records).toEqual([{ address: '123, rue des Érables', municipality: 'Trois-Rivières', lon: -72.55, lat: 46.35 }]);
  });

  it('should read French headers in any column order, semicolons and decimal commas', () => {
    const text = 'Latitude;Longitude;Adresse;Municipalité\n46,35;-72,55;12, rue Notre-Dame;Bécancour\n';
    const result = parseAddressCsv(text);
    expect(result.delimiter).toBe(';');
    expect(result.records).toEqual([{ address: '12, rue Notre-Dame', municipality: 'Bécancour', lon: -72.55, lat: 46.35 }]);
  });

  it('should read a file without a header in the documented column order', () => {
    const result = parseAddressCsv('"5, rue A",Ville,-72.1,46.2\n"7, rue A",Ville,-72.2,46.3');
    expect(result.header).toBe(false);
    expect(result.records.map((r) => r.address)).toEqual(['5, rue A', '7, rue A']);
  });

  it('should skip bad rows with their line numbers', () => {
    const text = 'address,municipality,lon,lat\n"1, rue A",V,-72,46\n"2, rue A",V,abc,46\n,V,-72,46\n"3, rue A",V,-272,46\n';
    const result = parseAddressCsv(text);
    expect(result.records).toHaveLength(1);
    expect(result.skipped.map((s) => s.line)).toEqual([3, 4, 5]);
    expect(result.skipped[0]?.reason).toMatch(/not numbers/);
    expect(result.skipped[2]?.reason).toMatch(/out of range/);
  });

  it('should name the missing columns of an incomplete header', () => {
    expect(() => parseAddressCsv('address,municipality,x\n')).toThrow(/no column for lat/);
  });

  it('should refuse a first line that is neither header nor data', () => {
    expect(() => parseAddressCsv('hello world\nfoo')).toThrow(/neither a header/);
    expect(() => parseAddressCsv('')).toThrow(/no rows/);
  });
});

describe('CSV read as a stream', () => {
  it('should give the same rows whatever the chunk boundaries (quotes, "" escapes, CRLF, line breaks in quotes)', async () => {
    const { CsvRowParser, parseCsvRows } = await import('../../src/cli/import/addresses_csv');
    const text = 'a;"b ""x"";y";c\r\n"multi\nline";2;3\r\n;"";\nlast;row;"q"';
    const whole = parseCsvRows(text, ';');
    for (const size of [1, 2, 3, 7]) {
      const parser = new CsvRowParser(';');
      const rows = [];
      for (let i = 0; i < text.length; i += size) rows.push(...parser.feed(text.slice(i, i + size)));
      rows.push(...parser.finish());
      expect(rows).toEqual(whole);
    }
    expect(whole.map((row) => row.fields)).toEqual([['a', 'b "x";y', 'c'], ['multi\nline', '2', '3'], ['', '', ''], ['last', 'row', 'q']]);
  });
});
