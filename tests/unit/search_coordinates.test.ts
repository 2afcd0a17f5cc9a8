// The coordinate parser on every form the search box accepts.
import { describe, expect, it } from 'vitest';
import { parseCoordinates, type CoordinateReading } from '../../src/queries/search/coordinates';

function point(text: string): Extract<CoordinateReading, { kind: 'point' }> {
  const reading = parseCoordinates(text);
  if (reading?.kind !== 'point') throw new Error(`"${text}" was not read as a point: ${JSON.stringify(reading)}`);
  return reading;
}

const DMS_LAT = 46 + 48 / 60 + 36 / 3600;
const DMS_LON = -(71 + 12 / 60 + 36 / 3600);

describe('parseCoordinates', () => {
  it.each([
    ['46.81, -71.21'], ['46.81 -71.21'], ['46.81,-71.21'], ['  46.81 ,  -71.21 '], ['46,81 ; -71,21'], ['46,81;-71,21'],
    ['46,81, -71,21'], ['46,81 -71,21'], ['46.81 −71.21'],
  ])('should read "%s" as latitude 46.81, longitude -71.21', (text) => {
    const reading = point(text);
    expect(reading.lat).toBeCloseTo(46.81, 9);
    expect(reading.lon).toBeCloseTo(-71.21, 9);
    expect(reading.order).toBe('latlon');
  });

  it('should read "-71.21 46.81" as longitude first, and say the order was a guess', () => {
    const reading = point('-71.21 46.81');
    expect([reading.lon, reading.lat]).toEqual([-71.21, 46.81]);
    expect(reading.order).toBe('lonlat');
    expect(reading.ambiguous).toBe(true);
  });

  it('should flag a pair whose order could go either way, and not one that cannot', () => {
    expect(point('46.81, -71.21').ambiguous).toBe(true);
    const unambiguous = point('-171.21, 46.81');
    expect(unambiguous).toMatchObject({ lon: -171.21, lat: 46.81, order: 'lonlat', ambiguous: false });
  });

  it.each([
    [`46°48'36"N 71°12'36"O`], [`46°48'36"N, 71°12'36"W`], [`46° 48′ 36″ N 71° 12′ 36″ O`], ['46 48 36 N 71 12 36 O'],
    [`71°12'36"W 46°48'36"N`], ['N46 48 36 W71 12 36'], [`46°48'36" -71°12'36"`], ['46 48 36 -71 12 36'], [`46º48'36''N 71º12'36''O`],
  ])('should read degrees, minutes, seconds in "%s"', (text) => {
    const reading = point(text);
    expect(reading.lat).toBeCloseTo(DMS_LAT, 9);
    expect(reading.lon).toBeCloseTo(DMS_LON, 9);
  });

  it('should not call a pair with hemisphere letters ambiguous', () => {
    expect(point(`71°12'36"O 46°48'36"N`).ambiguous).toBe(false);
  });

  it('should read degrees and decimal minutes, and E/S hemispheres', () => {
    const reading = point(`33°52.5'S 151°12.6'E`);
    expect(reading.lat).toBeCloseTo(-(33 + 52.5 / 60), 9);
    expect(reading.lon).toBeCloseTo(151 + 12.6 / 60, 9);
  });

  it.each([['95, -200'], ['46.81, 190'], ['-91 -181']])('should report "%s" as out of range', (text) => {
    expect(parseCoordinates(text)).toMatchObject({ kind: 'invalid', reason: 'out_of_range' });
  });

  it.each([['46 N 71 N'], ['46.81, -71.21, 5'], [`46°75'N 71°O`], ['46 48 36 N'], ['-46 N 71 O']])(
    'should report "%s" as malformed', (text) => {
      expect(parseCoordinates(text)).toMatchObject({ kind: 'invalid', reason: 'malformed' });
    });

  it.each([['Trois-Rivières'], ['123 rue des Érables'], ['46'], [''], ['rue 12']])(
    'should leave "%s" to the other searches', (text) => {
      expect(parseCoordinates(text)).toBeNull();
    });
});
