// The reference the span rasterizer is tested against: a ray-crossing point-in-polygon test of
// one point, even-odd over each polygon's rings, union over the polygons (pixel coordinates).
import type { PixelPolygon } from '../../src/queries/zonal_rasterize';

export function insidePolygons(polygons: PixelPolygon[], x: number, y: number): boolean {
  return polygons.some((rings) => rings.reduce((odd, ring) => {
    let crossings = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) crossings++;
    }
    return crossings % 2 === 1 ? !odd : odd;
  }, false));
}
