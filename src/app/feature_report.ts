// AOI report: the showReport command (the AOI panel's "Report", tests) opens a report in the side
// sheet for every visible vector or COG layer, with a PNG of the map; data through report_data.ts.
import type { LayerDefinition } from '../catalogue/types';
import { pick, t } from '../i18n';
import { metresPerPixel } from '../queries/identify_hit';
import { reportPanel } from '../ui/report_panel';
import { composeMapPng } from '../ui/report_map_png';
import { formatDate } from '../ui/report_format';
import type { ReportAoi, ReportDeps } from '../ui/report_types';
import { timeCaptionLines } from '../ui/time_caption';
import type { AppContext } from './context';
import { Disposer, type Controller, type ControllerFactory } from './controller';
import { reportData } from './report_data';

const SHEET_ID = 'report';

class ReportController implements Controller {
  private context!: AppContext;
  private deps!: ReportDeps;
  private readonly disposer = new Disposer();
  private running: AbortController | null = null;
  private last: ReportAoi | null = null;

  mount(context: AppContext): void {
    this.context = context;
    this.deps = reportData(context);
    this.disposer.add(context.commands.provide('showReport', (aoi) => this.show(aoi)));
  }

  relabel(): void {
    if (this.last && this.context.sheet.current() === SHEET_ID) this.open(this.last);
  }

  dispose(): void {
    this.running?.abort();
    this.disposer.dispose();
  }

  /** Only a polygon can be reported on; anything else is refused with a message. */
  private show(aoi: ReportAoi): void {
    const type = aoi?.feature?.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      this.context.notices.show(t('report.bad_aoi'), 'error');
      return;
    }
    this.open({ id: String(aoi.id ?? 'aoi'), name: String(aoi.name ?? t('report.unnamed')), feature: aoi.feature });
  }

  private open(aoi: ReportAoi): void {
    this.running?.abort();
    this.running = new AbortController();
    this.last = aoi;
    const layers = visibleLayers(this.context);
    const panel = reportPanel({ aoi, layers, deps: this.deps, signal: this.running.signal, mapPng: (date) => mapPng(this.context, aoi, date) });
    this.context.sheet.open(t('report.title', { name: aoi.name }), panel, { id: SHEET_ID });
  }
}

function visibleLayers({ store, defs }: AppContext): LayerDefinition[] {
  const state = store.get();
  return state.order.filter((id) => state.visible.has(id)).flatMap((id) => defs.get(id) ?? []);
}

function mapPng(context: AppContext, aoi: ReportAoi, date: Date): Promise<Blob> {
  const { map } = context;
  const visible = visibleLayers(context);
  map.triggerRepaint();
  return composeMapPng({
    canvas: map.getCanvas(),
    title: `Géoveille — ${aoi.name}`,
    date: formatDate(date),
    metresPerPixel: metresPerPixel(map.getCenter().lat, map.getZoom()),
    legend: visible.map((d) => ({ title: pick(d.title), items: d.legend.items.map((i) => ({ label: pick(i.label), color: i.color })) })),
    attribution: visible.map((d) => `${pick(d.attribution.organisation)} (${d.attribution.licence}, ${d.attribution.date})`).join(' · '),
    northLabel: t('report.north'),
    times: timeCaptionLines(context.times.all()),
  });
}

export const controller: ControllerFactory = () => new ReportController();

