// Tests talk to the app the way its features do, through the test hook of the e2e build
// (window.__geoveille.context): typed commands and events instead of window CustomEvents.
import type { Page } from 'playwright-core';
import type { AppEventMap } from '../../src/app/app_events';
import type { VerdictPoint } from '../../src/app/commands';
import type { ReportAoi } from '../../src/ui/report_types';
import type { GeoveilleWindow } from './harness';

/** An AOI for the report: any GeoJSON feature (a non-polygon one is refused by the app). */
export interface AoiToReport {
  id: string;
  name: string;
  feature: { type: string; geometry: unknown; properties?: unknown };
}

/** Opens the AOI report for `aoi` (what the AOI panel's Report button does). */
export function showReport(page: Page, aoi: AoiToReport): Promise<void> {
  return page.evaluate((value) => {
    (window as GeoveilleWindow).__geoveille!.context.commands.showReport(value as unknown as ReportAoi);
  }, aoi);
}

/** Opens the flood verdict card for a point (what a search pick does). */
export function showVerdict(page: Page, point: VerdictPoint): Promise<void> {
  return page.evaluate((value) => (window as GeoveilleWindow).__geoveille!.context.commands.showVerdict(value), point);
}

/** Records every `type` event of the app into `window[name]` (an array), from now on. */
export function recordAppEvents(page: Page, type: keyof AppEventMap, name: string): Promise<void> {
  return page.evaluate(([eventType, key]) => {
    const seen: unknown[] = [];
    Object.assign(window, { [key]: seen });
    (window as GeoveilleWindow).__geoveille!.context.events.on(eventType, (payload) => seen.push(payload));
  }, [type, name] as const);
}

/** What recordAppEvents kept so far. */
export function recordedAppEvents<T>(page: Page, name: string): Promise<T[]> {
  return page.evaluate((key) => (window as unknown as Record<string, unknown[]>)[key] ?? [], name) as Promise<T[]>;
}
