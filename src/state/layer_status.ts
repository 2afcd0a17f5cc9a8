// What the user sees of each layer's data: loading, ready or failed (with a message).
import type { SourceProblem } from '../sources/errors';

export type LayerState = 'idle' | 'loading' | 'ready' | 'error';

export interface LayerStatus {
  state: LayerState;
  message?: string;
  /** With an error: its code and facts, which the UI translates (sources/errors.ts). */
  problem?: SourceProblem;
}

export type LayerStatuses = ReadonlyMap<string, LayerStatus>;
