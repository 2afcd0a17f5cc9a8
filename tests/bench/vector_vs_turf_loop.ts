// Vector AOI statistics and identify: our flatbush index vs a plain loop of turf
// intersect / booleanPointInPolygon over every feature, at 1,000 and 100,000 synthetic polygons.
import { area, booleanPointInPolygon, featureCollection, intersect } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { VectorIndex } from '../../src/queries/stats_vector_index';
import { vectorStats } from '../../src/queries/stats_vector';
import { medianTime, timeIt, type BenchModule, type BenchRow } from './table';

function random(seed: number): () => number {
  return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
}

/** n small hexagons scattered over southern Québec (about 1–3 km wide). */
function hexagons(n: number): Feature<Polygon>[] {
  const rand = random(42);
  return Array.from({ length: n }, (_, i) => {
    const [cx, cy, r] = [-79 + rand() * 15, 45 + rand() * 7, 0.005 + rand() * 0.015];
    const ring = Array.from({ length: 7 }, (_, k) => [cx + r * Math.cos((k % 6) * (Math.PI / 3)), cy + r * 0.7 * Math.sin((k % 6) * (Math.PI / 3))]);
    return { type: 'Feature', id: i, properties: { classe: i % 3 === 0 ? 'a' : 'b' }, geometry: { type: 'Polygon', coordinates: [ring] } };
  });
}

const aoi: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[-73.2, 46.3], [-72.2, 46.25], [-72.0, 46.9], [-72.7, 47.1], [-73.2, 46.3]]] } };

function plainAoi(features: Feature<Polygon>[]): { features: number; area: number } {
  let count = 0, total = 0;
  for (const f of features) {
    const clipped = intersect(featureCollection([aoi, f]));
    if (clipped) { count++; total += area(clipped); }
  }
  return { features: count, area: total };
}

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
}

async function runSize(n: number): Promise<BenchRow[]> {
  const features = hexagons(n);
  const build = await timeIt(() => new VectorIndex(features));
  // same number of timed runs on both sides (the median), fewer for the slow 100,000 case
  const runs = n > 10_000 ? 1 : 7;
  const ours = await medianTime(() => vectorStats(build.value, aoi, { by: 'classe' }), runs);
  const plain = await medianTime(() => plainAoi(features), runs);
  const rand = random(7);
  const points = Array.from({ length: n > 10_000 ? 100 : 1000 }, () => [-79 + rand() * 15, 45 + rand() * 7] as [number, number]);
  const oursId = await medianTime(() => points.map(([x, y]) => build.value.featuresAt(x, y).length), runs);
  const plainId = await medianTime(() => points.map(([x, y]) => features.filter((f) => booleanPointInPolygon([x, y], f)).length), runs);
  const same = oursId.value.every((v, i) => v === plainId.value[i]);
  return [
    { case: `vector AOI, ${n.toLocaleString('en')} polygons`, baseline: 'turf intersect loop', ours_ms: ours.ms, theirs_ms: plain.ms, check: `features ${ours.value.features} = ${plain.value.features}, area ${relative(ours.value.area_m2, plain.value.area) <= 1e-9 ? 'equal' : 'DIFFERENT'} (rel. diff ${relative(ours.value.area_m2, plain.value.area).toExponential(0)})`, note: `index build ${build.ms.toFixed(1)} ms` },
    { case: `identify ${points.length} points, ${n.toLocaleString('en')} polygons`, baseline: 'turf point-in-polygon loop', ours_ms: oursId.ms, theirs_ms: plainId.ms, check: same ? 'same hits' : 'DIFFERENT hits' },
  ];
}

const bench: BenchModule = {
  name: 'vector AOI and identify vs turf loop',
  async run() {
    return [...(await runSize(1_000)), ...(await runSize(100_000))];
  },
};
export default bench;
