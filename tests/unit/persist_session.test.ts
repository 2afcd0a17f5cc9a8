// Session persistence: a bare address reopens the last hash; a link keeps its own; a missing,
// full or hostile storage never breaks the start.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIEW, type AppState } from '../../src/state/app_state';
import { hashOf } from '../../src/state/hash_sync';
import { decodeLinkKeys } from '../../src/state/url_codec';
import { saveHash, startingHash, startPersist } from '../../src/state/persist';
import { Store } from '../../src/state/store';
import type { KeyValueStorage } from '../../src/state/aoi_persist';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const broken: KeyValueStorage = {
  getItem: () => { throw new Error('SecurityError'); },
  setItem: () => { throw new Error('QuotaExceededError'); },
  removeItem: () => undefined,
};

function state(): AppState {
  return { lang: 'fr', view: DEFAULT_VIEW, order: ['a', 'b'], visible: new Map([['a', 1]]), extra: [['time', '2019-05-04']], ...decodeLinkKeys([['time', '2019-05-04']]) };
}

describe('session persistence', () => {
  afterEach(() => vi.useRealTimers());

  it('should start from the saved hash only when the address has none', () => {
    const storage = memoryStorage();
    expect(saveHash(storage, '#map=10/46/-72&lang=en&layers=a')).toBe(true);
    expect(startingHash('', storage)).toBe('#map=10/46/-72&lang=en&layers=a');
    expect(startingHash('#', storage)).toBe('#map=10/46/-72&lang=en&layers=a');
    expect(startingHash('#lang=fr', storage)).toBe('#lang=fr');
  });

  it('should ignore a saved value that is not a hash or is absurdly long, and a storage that throws', () => {
    const storage = memoryStorage();
    storage.data.set('geoveille.session.hash', 'javascript:alert(1)');
    expect(startingHash('', storage)).toBe('');
    storage.data.set('geoveille.session.hash', `#${'x'.repeat(20_000)}`);
    expect(startingHash('', storage)).toBe('');
    expect(startingHash('', broken)).toBe('');
    expect(startingHash('', null)).toBe('');
    expect(saveHash(broken, '#lang=en')).toBe(false);
  });

  it('should save the state\'s hash, extra keys included, shortly after each change', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const store = new Store<AppState>(state());
    startPersist(store, storage);
    store.update(() => ({ lang: 'en', view: { zoom: 12, lat: 46.35, lon: -72.55 } }));
    expect(storage.data.size).toBe(0);
    vi.advanceTimersByTime(1000);
    const saved = storage.data.get('geoveille.session.hash');
    expect(saved).toBe(hashOf(store.get()));
    expect(saved).toContain('lang=en');
    expect(saved).toContain('map=12/46.35/-72.55');
    expect(saved).toContain('time=2019-05-04');
  });
});
