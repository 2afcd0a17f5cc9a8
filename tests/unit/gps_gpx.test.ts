// GPX export of a recorded track: valid XML that GPX readers parse, names escaped, length in metres.
import { DOMParser } from '@xmldom/xmldom';
import { gpx as toGeojson } from '@tmcw/togeojson';
import { describe, expect, it } from 'vitest';
import { trackLength, trackToGpx } from '../../src/ui/gps_gpx';

const POINTS = [
  { lon: -72.55, lat: 46.35, altitude: 21.5, time: Date.UTC(2026, 4, 1, 12, 0, 0) },
  { lon: -72.549, lat: 46.351, altitude: null, time: Date.UTC(2026, 4, 1, 12, 0, 30) },
];

describe('GPX track export', () => {
  it('should write a track that togeojson reads back with the same points and times', () => {
    const xml = trackToGpx(POINTS, 'Trace <1> & "crue"');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const collection = toGeojson(doc as unknown as Document);
    const line = collection.features[0]!;
    expect(line.properties?.name).toBe('Trace <1> & "crue"');
    expect(line.geometry?.type).toBe('LineString');
    const coordinates = (line.geometry as { coordinates: number[][] }).coordinates;
    expect(coordinates.map((c) => [c[0], c[1]])).toEqual([[-72.55, 46.35], [-72.549, 46.351]]);
    expect(line.properties?.coordinateProperties?.times).toEqual(['2026-05-01T12:00:00.000Z', '2026-05-01T12:00:30.000Z']);
  });

  it('should measure the track geodesically (about 136 m for 0.001° on both axes at 46° N)', () => {
    expect(trackLength(POINTS)).toBeGreaterThan(130);
    expect(trackLength(POINTS)).toBeLessThan(140);
    expect(trackLength(POINTS.slice(0, 1))).toBe(0);
  });
});
