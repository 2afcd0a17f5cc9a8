// "My location": the position with its accuracy circle and heading (map/gps_control.ts),
// follow mode, and a track recorded from the fixes, exported as GPX. No network needed.
// `data-gps` on <html> says "fix" once a position is shown, or the error ("denied", …).
import { t } from '../i18n';
import { addGpsControl, type GpsFix } from '../map/gps_control';
import { el } from '../ui/dom';
import { trackLength, trackToGpx, type TrackPoint } from '../ui/gps_gpx';
import { renderGpsPanel, type GpsPanel } from '../ui/gps_panel';
import { formatDateTime } from '../ui/offline_format';
import { download } from '../ui/report_download';
import type { AppContext, Feature } from './context';
import { addTool } from '../ui/toolbar';

const SHEET_ID = 'gps';
const ERRORS: Record<number, [string, string]> = { 0: ['unavailable', 'gps.unavailable'], 1: ['denied', 'gps.denied'], 2: ['unavailable', 'gps.unavailable'], 3: ['timeout', 'gps.timeout'] };

export function installGps(context: AppContext): Feature {
  const { map, sheet } = context;
  const gps = addGpsControl(map);
  const track: TrackPoint[] = [];
  let recording = false;
  let panel: GpsPanel | null = null;
  let last: GpsFix | null = null;
  let lastError: number | null = null;

  const trackText = () => t('gps.points', { count: track.length, distance: `${Math.round(trackLength(track))} m` });
  const showState = () => {
    if (!panel || sheet.current() !== SHEET_ID) return;
    panel.setRecording(recording);
    panel.setFollowing(last !== null, gps.following());
    panel.setTrack(trackText());
    if (lastError !== null) panel.setStatus(t((ERRORS[lastError] ?? ERRORS[2]!)[1]), true);
    else if (last) panel.setStatus(t('gps.position', { lat: last.lat.toFixed(5), lon: last.lon.toFixed(5), accuracy: Math.round(last.accuracy) }));
  };
  gps.onFix((fix) => {
    last = fix;
    lastError = null;
    document.documentElement.dataset.gps = 'fix';
    if (recording && track.at(-1)?.time !== fix.time) track.push({ lon: fix.lon, lat: fix.lat, altitude: fix.altitude, time: fix.time });
    showState();
  });
  gps.onFollowChange(showState);
  gps.onError((code) => {
    lastError = code;
    document.documentElement.dataset.gps = (ERRORS[code] ?? ERRORS[2]!)[0];
    showState();
  });

  const actions = {
    locate: () => {
      panel?.setStatus(t('gps.waiting'));
      gps.locate();
    },
    toggleRecording: () => {
      recording = !recording;
      if (recording) gps.locate();
      showState();
    },
    exportGpx: () => {
      if (track.length === 0) return panel?.setStatus(t('gps.no_points'), true);
      const name = t('gps.track_name', { date: formatDateTime(new Date(track[0]!.time)) });
      download({ name: `geoveille-trace-${new Date(track[0]!.time).toISOString().slice(0, 19).replace(/:/g, '-')}.gpx`, mime: 'application/gpx+xml', data: trackToGpx(track, name) });
    },
  };
  const open = () => {
    panel = renderGpsPanel(actions);
    sheet.open(t('gps.title'), panel.element, { id: SHEET_ID });
    showState();
  };
  const button = el('button', { type: 'button', id: 'gps-button' });
  const relabel = () => {
    button.title = t('gps.button_title');
  };
  relabel();
  button.addEventListener('click', open);
  addTool(context.toolbar, button);
  return {
    relabel: () => {
      relabel();
      if (sheet.current() === SHEET_ID) open();
    },
  };
}
