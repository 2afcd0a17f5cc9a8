// Which sample points the manifest holds, per catalogue layer id.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { clearance, samplesFor, type ManifestSample } from './manifest';
import { RIVER_ANCHOR } from './river';
import type { ManifestInput } from './generate';

type Areas = FeatureCollection<Polygon | MultiPolygon>;

function polygonsOnly(fc: FeatureCollection): Areas {
  return { type: 'FeatureCollection', features: fc.features.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') } as Areas;
}

export function buildManifest(l: ManifestInput): ManifestSample[] {
  // Layers shown by default are drawn together: a sample of one must lie outside the others.
  const visible = [...l.disturbances.features, ...l.territories.features, ...l.zones.features];
  const except = (fc: Areas) => visible.filter((f) => !fc.features.includes(f));
  return [
    anchorSample(l.zones),
    ...samplesFor({ layer: 'zones-inondables', features: l.zones, field: 'classe', classes: ['20-100'], marginKm: 0.15, avoid: except(l.zones) }),
    ...samplesFor({ layer: 'perturbations-naturelles', features: l.disturbances, field: 'type', marginKm: 1, avoid: except(l.disturbances) }),
    ...samplesFor({ layer: 'territoires-fauniques', features: l.territories, field: 'type', marginKm: 1, avoid: except(l.territories) }),
    ...samplesFor({ layer: 'peuplements-ecoforestiers', features: l.stands, field: 'gr_ess', classes: ['EPN', 'SB', 'ERS', 'PE'], marginKm: 0.1 }),
    ...samplesFor({ layer: 'classes-age', features: l.stands, field: 'cl_age', classes: ['10', '50', '120', 'VIN'], marginKm: 0.1 }),
    ...samplesFor({ layer: 'crues-historiques', features: l.history, field: 'annee', marginKm: 0.05 }),
    ...samplesFor({ layer: 'hydrographie', features: polygonsOnly(l.hydro), field: 'type', marginKm: 0.2 }),
    ...samplesFor({ layer: 'lidar-couverture', features: l.footprints, field: 'projet', classes: ['Capitale-Nationale (démo)'], marginKm: 1 }),
  ];
}

/** The fixed check point near Trois-Rivières must be in the 0–20 yr zone; fail loudly if not. */
function anchorSample(zones: Areas): ManifestSample {
  const zone = zones.features.find((f) => f.properties?.['classe'] === '0-20');
  if (!zone || !booleanPointInPolygon(RIVER_ANCHOR, zone)) {
    throw new Error(`demo manifest: ${RIVER_ANCHOR.join(', ')} is not inside the 0–20 yr flood zone`);
  }
  const others = zones.features.filter((f) => f !== zone);
  return {
    layer: 'zones-inondables', lon: RIVER_ANCHOR[0], lat: RIVER_ANCHOR[1], expect: { classe: '0-20' },
    marginKm: Math.round(clearance(RIVER_ANCHOR, zone, others) * 1000) / 1000,
  };
}
