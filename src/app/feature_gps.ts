// "My location": the position with its accuracy circle and heading (map/gps_control.ts),
// follow mode, and a track recorded from the fixes, exported as GPX. No network needed.
// `data-gps` on <html> says "fix" once a position is shown, or the error ("denied", …).
import { t } from '../i18n';
import { addGpsControl, type GpsFix, type GpsHandle } from '../map/gps_control';
import { trackLength, trackToGpx, type TrackPoint } from '../ui/gps_gpx';
import { renderGpsPanel, type GpsPanel } from '../ui/gps_panel';
import { formatDateTime } from '../ui/offline_format';
import { download } from '../ui/report_download';
import { toolButton } from '../ui/toolbar';
import type { AppContext } from './context';
import type { ControllerFactory } from './controller';
import { FeatureController } from './feature_controller';

const SHEET_ID = 'gps';
const ERRORS: Record<number, [string, string]> = { 0: ['unavailable', 'gps.unavailable'], 1: ['denied', 'gps.denied'], 2: ['unavailable', 'gps.unavailable'], 3: ['timeout', 'gps.timeout'] };

class GpsController extends FeatureController {
  private readonly track: TrackPoint[] = [];
  private gps!: GpsHandle;
  private recording = false;
  private panel: GpsPanel | null = null;
  private last: GpsFix | null = null;
  private lastError: number | null = null;

  protected start(context: AppContext): void {
    this.gps = addGpsControl(context.map);
    this.disposer.add(() => this.gps.remove());
    this.gps.onFix((fix) => this.fixed(fix));
    this.gps.onFollowChange(() => this.showState());
    this.gps.onError((code) => {
      this.lastError = code;
      document.documentElement.dataset.gps = (ERRORS[code] ?? ERRORS[2]!)[0];
      this.showState();
    });
    const button = this.disposer.node(toolButton(context.toolbar, 'gps-button'));
    this.disposer.listen(button, 'click', () => this.open());
  }

  override relabel(): void {
    if (this.context.sheet.current() === SHEET_ID) this.open();
  }

  override dispose(): void {
    if (this.context.sheet.current() === SHEET_ID) this.context.sheet.close();
    super.dispose();
    delete document.documentElement.dataset.gps;
  }

  private fixed(fix: GpsFix): void {
    this.last = fix;
    this.lastError = null;
    document.documentElement.dataset.gps = 'fix';
    if (this.recording && this.track.at(-1)?.time !== fix.time) this.track.push({ lon: fix.lon, lat: fix.lat, altitude: fix.altitude, time: fix.time });
    this.showState();
  }

  private showState(): void {
    const { panel, last, lastError } = this;
    if (!panel || this.context.sheet.current() !== SHEET_ID) return;
    panel.setRecording(this.recording);
    panel.setFollowing(last !== null, this.gps.following());
    panel.setTrack(t('gps.points', { count: this.track.length, distance: `${Math.round(trackLength(this.track))} m` }));
    if (lastError !== null) panel.setStatus(t((ERRORS[lastError] ?? ERRORS[2]!)[1]), true);
    else if (last) panel.setStatus(t('gps.position', { lat: last.lat.toFixed(5), lon: last.lon.toFixed(5), accuracy: Math.round(last.accuracy) }));
  }

  private open(): void {
    this.panel = renderGpsPanel({
      locate: () => {
        this.panel?.setStatus(t('gps.waiting'));
        this.gps.locate();
      },
      toggleRecording: () => {
        this.recording = !this.recording;
        if (this.recording) this.gps.locate();
        this.showState();
      },
      exportGpx: () => this.exportGpx(),
    });
    this.context.sheet.open(t('gps.title'), this.panel.element, { id: SHEET_ID });
    this.showState();
  }

  private exportGpx(): void {
    const first = this.track[0];
    if (!first) return this.panel?.setStatus(t('gps.no_points'), true);
    const name = t('gps.track_name', { date: formatDateTime(new Date(first.time)) });
    const stamp = new Date(first.time).toISOString().slice(0, 19).replace(/:/g, '-');
    download({ name: `geoveille-trace-${stamp}.gpx`, mime: 'application/gpx+xml', data: trackToGpx(this.track, name) });
  }
}

export const controller: ControllerFactory = () => new GpsController();
