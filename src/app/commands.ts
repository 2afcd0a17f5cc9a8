// What one feature asks another to do, typed (instead of untyped window events): the report opens
// for an AOI, the verdict card opens for a point. The feature that can do it provides the
// handler when it mounts; the call does nothing while no feature provides it.
import type { Basemap } from '../catalogue/basemap_types';
import type { Lang } from '../catalogue/types';
import type { ReportAoi } from '../ui/report_types';

/** The basemap under the main map (null: none), in which language, and whether the first style draws it. */
export interface ShownBasemap {
  basemap: Basemap | null;
  lang: Lang;
  keepFirst: boolean;
}

export interface VerdictPoint {
  lon: number;
  lat: number;
  /** What the point is called (a searched place or address). */
  label?: string;
}

export interface CommandHandlers {
  showReport(aoi: ReportAoi): void;
  showVerdict(point: VerdictPoint): void;
  /** What the basemap feature shows now (null before it has chosen). */
  shownBasemap(): ShownBasemap | null;
}

export class AppCommands implements CommandHandlers {
  private readonly handlers: Partial<CommandHandlers> = {};

  /** Makes `handler` answer the command; returns the undo (give it to a Disposer). */
  provide<K extends keyof CommandHandlers>(name: K, handler: CommandHandlers[K]): () => void {
    this.handlers[name] = handler;
    return () => {
      if (this.handlers[name] === handler) delete this.handlers[name];
    };
  }

  /** Opens the AOI report in the side sheet. */
  showReport(aoi: ReportAoi): void {
    this.handlers.showReport?.(aoi);
  }

  /** Opens the flood verdict card for a point. */
  showVerdict(point: VerdictPoint): void {
    this.handlers.showVerdict?.(point);
  }

  shownBasemap(): ShownBasemap | null {
    return this.handlers.shownBasemap?.() ?? null;
  }
}
