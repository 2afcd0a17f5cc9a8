// What every visible time-enabled layer shows now, set by the time feature and read by identify,
// the report, print and compare. One object owned by the app context (no module-level state);
// each change is told through the `onChange` given by the app (context.events 'time-changed').
import type { ShownTime, TimeInfo } from './time_state';

export class ShownTimes {
  private list: readonly ShownTime[] = [];

  constructor(private readonly onChange: (list: readonly ShownTime[]) => void = () => {}) {}

  /** Every visible time-enabled layer with the time it shows, top of the map first. */
  all(): readonly ShownTime[] {
    return this.list;
  }

  /** The time the control drives (null when no time-enabled layer is shown). */
  current(): TimeInfo | null {
    return this.list.find((entry) => entry.driven) ?? null;
  }

  of(layerId: string): ShownTime | undefined {
    return this.list.find((entry) => entry.layerId === layerId);
  }

  set(list: readonly ShownTime[]): void {
    this.list = list;
    this.onChange(list);
  }
}
