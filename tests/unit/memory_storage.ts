// localStorage for unit tests: a Map behind the KeyValueStorage interface the app persists through.
import type { KeyValueStorage } from '../../src/state/aoi_persist';

export class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}
