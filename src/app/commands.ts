// What one feature asks another to do, typed (instead of untyped window events): the report opens
// for an AOI, the verdict card opens for a point. The feature that can do it provides the
// handler when it mounts; the call does nothing while no feature provides it.
import type { ReportAoi } from '../ui/report_types';

export interface VerdictPoint {
  lon: number;
  lat: number;
  /** What the point is called (a searched place or address). */
  label?: string;
}

export interface CommandHandlers {
  showReport(aoi: ReportAoi): void;
  showVerdict(point: VerdictPoint): void;
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
}
