// The offline panel's work, loaded (import()) the first time the panel opens: estimating an
// area, downloading it with pause/resume/cancel, deleting a saved one. It keeps the panel's
// model; the feature (feature_offline.ts) owns the area store and redraws.
import { t } from '../i18n';
import type { AreaStore } from '../offline/area_store';
import type { OfflineDownload } from '../offline/download';
import { formatBytes } from '../ui/offline_format';
import { renderOfflinePanel, type OfflineActions, type OfflineModel, type OfflinePanel } from '../ui/offline_panel';
import { areaChoices, resolveArea } from './offline_area_choice';
import { downloadOfflineArea, newDownload, planOfflineArea, rangeReaders, type PlannedArea } from './offline_planning';
import type { AppContext } from './context';

export class OfflineSession {
  readonly model: OfflineModel = { phase: 'idle', choices: [], estimate: null, freeBytes: null, progress: null, message: null, areas: [] };
  private readonly reader = rangeReaders();
  private planned: PlannedArea | null = null;
  private job: OfflineDownload | null = null;
  private planning: AbortController | null = null;

  constructor(private readonly context: AppContext, private readonly areas: AreaStore, private readonly render: () => void) {}

  /** A new panel (at open and after a language change), with the model's choices. */
  panel(): OfflinePanel {
    const zoom = Math.max(0, Math.min(10, Math.floor(this.context.map.getZoom())));
    this.model.choices = areaChoices();
    return renderOfflinePanel(this.actions(), [zoom, 16]);
  }

  /** Stops what runs (the feature is taken out). */
  stop(): void {
    this.job?.cancel();
    this.planning?.abort();
  }

  private actions(): OfflineActions {
    return {
      estimate: (choice, from, to) => void this.estimate(choice, from, to).catch((error) => this.fail(error)),
      download: () => void this.download().catch((error) => this.fail(error)),
      pause: () => { this.job?.pause(); this.settle({ phase: 'paused' }); },
      resume: () => { this.job?.resume(); this.settle({ phase: 'downloading' }); },
      cancel: () => this.stop(),
      remove: (id, name) => void this.areas.remove(id).then(() => this.settle({ message: { text: t('offline.deleted', { name }), kind: 'info' } })),
    };
  }

  private settle(patch: Partial<OfflineModel>): void {
    Object.assign(this.model, patch);
    this.render();
  }

  private fail(error: unknown): void {
    const aborted = error instanceof DOMException && error.name === 'AbortError';
    this.planned = this.job = null;
    this.settle({ phase: 'idle', progress: null, estimate: null, message: aborted
      ? { text: t('offline.cancelled'), kind: 'info' }
      : { text: t('offline.failed', { message: error instanceof Error ? error.message : String(error) }), kind: 'error' } });
  }

  private async estimate(choice: string, minZoom: number, maxZoom: number): Promise<void> {
    const zoomsOk = Number.isInteger(minZoom) && Number.isInteger(maxZoom) && minZoom >= 0 && maxZoom <= 18 && minZoom <= maxZoom;
    if (!zoomsOk) return this.settle({ message: { text: t('offline.zoom_bad'), kind: 'error' } });
    const area = resolveArea(choice, this.context.map);
    if (!area) return;
    this.settle({ phase: 'estimating', estimate: null, message: null, progress: null });
    this.planning = new AbortController();
    const planned = await planOfflineArea(this.context, this.reader, area, minZoom, maxZoom, this.planning.signal);
    this.planned = planned;
    this.settle({ phase: 'estimated', estimate: { bytes: planned.bytes, files: planned.files }, freeBytes: planned.freeBytes });
  }

  private async download(): Promise<void> {
    if (!this.planned) return;
    this.job = newDownload(this.reader, (progress) => this.settle({ progress }));
    this.settle({ phase: 'downloading', message: null });
    const { record, persisted } = await downloadOfflineArea(this.job, this.planned, this.areas);
    this.planned = this.job = null;
    const text = `${t('offline.done', { size: formatBytes(record.bytes) })} ${t(persisted ? 'offline.persisted' : 'offline.not_persisted')}`;
    this.settle({ phase: 'idle', progress: null, estimate: null, message: { text, kind: 'info' } });
  }
}
