// A recorded track as GPX 1.1 (one track, one segment). Text is escaped, never markup. Pure.

export interface TrackPoint {
  lon: number;
  lat: number;
  altitude: number | null;
  time: number;
}

export function trackToGpx(points: TrackPoint[], name: string): string {
  const trkpts = points.map((p) => {
    const ele = p.altitude === null ? '' : `<ele>${p.altitude.toFixed(1)}</ele>`;
    return `      <trkpt lat="${p.lat.toFixed(7)}" lon="${p.lon.toFixed(7)}">${ele}<time>${new Date(p.time).toISOString()}</time></trkpt>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Géoveille" xmlns="http://www.topografix.com/GPX/1/1">',
    `  <trk><name>${escapeXml(name)}</name>`,
    '    <trkseg>',
    ...trkpts,
    '    </trkseg>',
    '  </trk>',
    '</gpx>',
    '',
  ].join('\n');
}

/** Geodesic length of the track in metres (haversine, mean Earth radius). */
export function trackLength(points: TrackPoint[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as TrackPoint, b = points[i] as TrackPoint;
    const rad = Math.PI / 180;
    const dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
    total += 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
  return total;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}
