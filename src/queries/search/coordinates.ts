// Coordinates as people type them: "46.81, -71.21", "46.81 -71.21", "-71.21 46.81",
// "46°48'36"N 71°12'36"O" (O = Ouest), "46 48 36 N 71 12 36 W", "46,81 ; -71,21" (French decimals).
// When both orders are valid the reading is a guess, reported as `ambiguous` so the UI can say so.

export type CoordinateReading =
  | { kind: 'point'; lon: number; lat: number; order: 'latlon' | 'lonlat'; ambiguous: boolean }
  | { kind: 'invalid'; reason: 'out_of_range' | 'malformed'; text: string };

/** One half of a pair: a value in degrees and, when a letter said so, which axis it is. */
interface Part { value: number; axis?: 'lat' | 'lon' }

const ALLOWED = /^[\s\d.,;:+\-−°º'′’"″NSEWOnsewo]+$/;
const HEMISPHERE = /[NSEWO]/;

/** null when the text does not look like coordinates at all (e.g. a street address). */
export function parseCoordinates(input: string): CoordinateReading | null {
  const text = input.trim();
  if (!ALLOWED.test(text) || (text.match(/\d+/g) ?? []).length < 2) return null;
  const parts = splitPair(text.toUpperCase().replace(/[−]/g, '-'));
  if (!parts) return { kind: 'invalid', reason: 'malformed', text };
  return place(parts, text);
}

/** Splits into two halves (by ";", by "," + space, by a lone ",", by letters or by spaces) and reads each. */
function splitPair(text: string): [Part, Part] | null {
  const halves = explicitHalves(text) ?? implicitHalves(text);
  if (!halves) return null;
  const a = readPart(halves[0]);
  const b = readPart(halves[1]);
  return a && b ? [a, b] : null;
}

function explicitHalves(text: string): [string, string] | null {
  for (const separator of [/;/, /,\s+/, /,/]) {
    const pieces = text.split(separator);
    if (pieces.length === 2 && pieces.every((piece) => /\d/.test(piece))) return [pieces[0]!, pieces[1]!];
    if (separator.source === ';' && pieces.length > 1) return null;
  }
  return null;
}

/** No separator: after a hemisphere letter, after seconds ("), or halfway through the numbers. */
function implicitHalves(text: string): [string, string] | null {
  const afterLetter = text.match(/^(.*?\d[^NSEWO]*[NSEWO])\s*(.*\d.*)$/);
  if (afterLetter && HEMISPHERE.test(afterLetter[2]!)) return [afterLetter[1]!, afterLetter[2]!];
  const leadingLetters = text.match(/^([NSEWO][^NSEWO]+)([NSEWO].+)$/);
  if (leadingLetters) return [leadingLetters[1]!, leadingLetters[2]!];
  const numbers = text.match(/-?\d+(?:[.,]\d+)?\s*[°'"]*/g) ?? [];
  if (numbers.length % 2 !== 0 || numbers.length > 6) return null;
  const half = numbers.length / 2;
  return [numbers.slice(0, half).join(' '), numbers.slice(half).join(' ')];
}

/** "46°48'36"N", "-71.21", "71 12 36 O", "46,81" → degrees (negative for S and W/O). */
function readPart(raw: string): Part | null {
  const text = raw.replace(/[º]/g, '°').replace(/[′’]/g, "'").replace(/″|''/g, '"').trim();
  const letters = text.match(/[NSEWO]/g) ?? [];
  if (letters.length > 1) return null;
  const letter = letters[0];
  const numbers = (text.match(/[-+]?\d+(?:[.,]\d+)?/g) ?? []).map((n) => Number(n.replace(',', '.')));
  const rest = text.replace(/[-+]?\d+(?:[.,]\d+)?/g, '').replace(/[NSEWO°'"\s]/g, '');
  if (rest !== '' || numbers.length < 1 || numbers.length > 3) return null;
  const [degrees, minutes = 0, seconds = 0] = numbers as [number, number?, number?];
  if (numbers.slice(1).some((n) => n < 0 || n >= 60)) return null;
  const negative = degrees < 0 || Object.is(degrees, -0) || /^-/.test(text);
  let value = Math.abs(degrees) + minutes / 60 + seconds / 3600;
  if (negative || letter === 'S' || letter === 'W' || letter === 'O') value = -value;
  if (letter && negative) return null; // "-46 N" contradicts itself
  const axis = letter === 'N' || letter === 'S' ? 'lat' : letter ? 'lon' : undefined;
  return axis ? { value, axis } : { value };
}

function place([a, b]: [Part, Part], text: string): CoordinateReading {
  const point = (lat: number, lon: number, order: 'latlon' | 'lonlat', ambiguous: boolean): CoordinateReading =>
    Math.abs(lat) > 90 || Math.abs(lon) > 180
      ? { kind: 'invalid', reason: 'out_of_range', text }
      : { kind: 'point', lon, lat, order, ambiguous };
  if (a.axis || b.axis) {
    const aIsLat = a.axis ? a.axis === 'lat' : b.axis === 'lon';
    if (a.axis && b.axis && a.axis === b.axis) return { kind: 'invalid', reason: 'malformed', text };
    return aIsLat ? point(a.value, b.value, 'latlon', false) : point(b.value, a.value, 'lonlat', false);
  }
  const [x, y] = [a.value, b.value];
  if (Math.abs(x) > 90 && Math.abs(y) <= 90) return point(y, x, 'lonlat', false);
  if (Math.abs(x) > 90) return point(x, y, 'latlon', false); // out of range either way
  if (Math.abs(y) > 90) return point(x, y, 'latlon', false);
  // Both orders are valid. In Québec longitudes are negative and larger than latitudes.
  const looksLonLat = x < 0 && y > 0 && Math.abs(x) > Math.abs(y);
  return looksLonLat ? point(y, x, 'lonlat', true) : point(x, y, 'latlon', true);
}
