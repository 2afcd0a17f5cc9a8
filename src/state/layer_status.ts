// What the user sees of each layer's data: loading, ready or failed (with a message).
export type LayerState = 'idle' | 'loading' | 'ready' | 'error';

export interface LayerStatus {
  state: LayerState;
  message?: string;
}

export type LayerStatuses = ReadonlyMap<string, LayerStatus>;
