// terra-draw glue: draws one polygon, rectangle or circle on the MapLibre map and hands back its
// polygon. A fresh TerraDraw per drawing keeps the map's own interactions untouched in between.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Polygon } from 'geojson';
import {
  TerraDraw, TerraDrawCircleMode, TerraDrawPolygonMode, TerraDrawRectangleMode,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

export type DrawShape = 'polygon' | 'rectangle' | 'circle';

const STYLE = { fillColor: '#c2185b', outlineColor: '#c2185b', fillOpacity: 0.15, outlineWidth: 2 } as const;

export class AoiDrawTool {
  private draw: TerraDraw | null = null;
  private settle: ((polygon: Polygon | null) => void) | null = null;
  private readonly onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.cancel();
  };

  constructor(private readonly map: MapLibreMap) {}

  get active(): boolean {
    return this.draw !== null;
  }

  /** Resolves with the drawn polygon, or null when cancelled (Escape, cancel(), another start()). */
  start(shape: DrawShape): Promise<Polygon | null> {
    this.cancel();
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map, prefixId: 'aoi-draw' }),
      modes: [
        new TerraDrawPolygonMode({ styles: { ...STYLE, closingPointColor: '#ffffff', closingPointOutlineColor: '#c2185b' } }),
        new TerraDrawRectangleMode({ styles: STYLE, drawInteraction: 'click-move-or-drag' }),
        new TerraDrawCircleMode({ styles: STYLE, drawInteraction: 'click-move-or-drag' }),
      ],
    });
    draw.start();
    draw.setMode(shape);
    this.draw = draw;
    window.addEventListener('keydown', this.onKey);
    return new Promise((resolve) => {
      this.settle = resolve;
      draw.on('finish', (id) => {
        const feature = draw.getSnapshotFeature(id);
        const polygon = feature?.geometry.type === 'Polygon' ? (feature.geometry as Polygon) : null;
        this.finish(polygon);
      });
    });
  }

  cancel(): void {
    this.finish(null);
  }

  private finish(polygon: Polygon | null): void {
    const draw = this.draw;
    const settle = this.settle;
    this.draw = null;
    this.settle = null;
    window.removeEventListener('keydown', this.onKey);
    if (draw) {
      // terra-draw calls finish listeners synchronously; stop once it has returned.
      setTimeout(() => {
        draw.clear();
        draw.stop();
      }, 0);
    }
    settle?.(polygon ? { type: 'Polygon', coordinates: polygon.coordinates.map((ring) => ring.map(([x, y]) => [x!, y!])) } : null);
  }
}
