// "My location" on the map: MapLibre's GeolocateControl draws the dot and the accuracy circle and
// keeps the map on the user while following; we add the heading (a small arrow on the dot) when
// the device gives one. It needs no network, so it works offline. The app's panel drives it.
import { GeolocateControl, type IControl, type Map as MapLibreMap } from 'maplibre-gl';

export interface GpsFix {
  lon: number;
  lat: number;
  /** metres, 95 % */
  accuracy: number;
  altitude: number | null;
  heading: number | null;
  time: number;
}

export interface GpsHandle {
  /** Shows the position and follows it (a second call while shown returns to following). */
  locate(): void;
  /** true while the control follows the user (the map moves with each fix). */
  following(): boolean;
  onFix(listener: (fix: GpsFix) => void): void;
  /** Called when following starts or stops (the user moved the map away). */
  onFollowChange(listener: () => void): void;
  /** GeolocationPositionError codes: 1 refused, 2 unavailable, 3 timeout; 0 = no geolocation at all. */
  onError(listener: (code: number) => void): void;
  /** Takes the control (its button, dot and circle) off the map. */
  remove(): void;
}

export function addGpsControl(map: MapLibreMap): GpsHandle {
  const control = new GeolocateControl({
    positionOptions: { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    trackUserLocation: true,
    showAccuracyCircle: true,
    fitBoundsOptions: { maxZoom: 16 },
  });
  const placed = addUnderZoomButtons(map, control);
  let state = 'OFF';
  control.on('trackuserlocationstart', () => { state = 'ACTIVE'; });
  control.on('trackuserlocationend', () => { state = 'BACKGROUND'; });
  return {
    locate: () => {
      if (!('geolocation' in navigator)) return;
      if (state === 'ACTIVE') return;
      control.trigger();
    },
    following: () => state === 'ACTIVE',
    onFollowChange: (listener) => {
      control.on('trackuserlocationstart', listener);
      control.on('trackuserlocationend', listener);
    },
    onFix: (listener) => control.on('geolocate', (position) => {
      const c = position.coords;
      showHeading(map, c.heading);
      listener({ lon: c.longitude, lat: c.latitude, accuracy: c.accuracy, altitude: c.altitude, heading: c.heading, time: position.timestamp });
    }),
    onError: (listener) => {
      control.on('error', (error) => listener(error.code));
      if (!('geolocation' in navigator)) setTimeout(() => listener(0), 0);
    },
    remove: () => {
      if (map.hasControl(placed)) map.removeControl(placed);
    },
  };
}

/**
 * The control, added to the top-right corner right under the zoom buttons rather than last:
 * below the basemap switcher it would sit under the switcher's list when that opens.
 */
function addUnderZoomButtons(map: MapLibreMap, control: GeolocateControl): IControl {
  const added: { element?: HTMLElement } = {};
  const placed: IControl = {
    onAdd: (target) => (added.element = control.onAdd(target)),
    onRemove: () => control.onRemove(),
  };
  map.addControl(placed, 'top-right'); // appended to the corner, whose first child is the zoom group
  const { element } = added;
  const zoom = element?.parentElement?.firstElementChild;
  if (element && zoom && zoom !== element) zoom.after(element);
  return placed;
}

/** An arrow on the user dot pointing where the device moves (heading is null or NaN when still). */
function showHeading(map: MapLibreMap, heading: number | null): void {
  const dot = map.getContainer().querySelector<HTMLElement>('.maplibregl-user-location-dot');
  if (!dot) return;
  let arrow = dot.querySelector<HTMLElement>('.gps-heading');
  if (!arrow) {
    arrow = document.createElement('div');
    arrow.className = 'gps-heading';
    arrow.style.cssText = 'position:absolute;left:50%;top:50%;width:0;height:0;margin-left:-6px;margin-top:-24px;' +
      'border-left:6px solid transparent;border-right:6px solid transparent;border-bottom:12px solid #1da1f2;transform-origin:6px 24px';
    dot.appendChild(arrow);
  }
  const known = heading !== null && Number.isFinite(heading);
  arrow.hidden = !known;
  if (known) arrow.style.transform = `rotate(${heading}deg)`;
}
