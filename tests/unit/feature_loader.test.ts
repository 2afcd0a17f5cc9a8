// FeatureLoader: first-view features mount at start, tools only when asked for (or when the link
// wants them), each once; dispose takes a feature out; a tool whose code fails to load says so
// and can be tried again.
import { beforeAll, describe, expect, it } from 'vitest';
import { AppCommands } from '../../src/app/commands';
import type { AppContext } from '../../src/app/context';
import type { Controller, ControllerFactory } from '../../src/app/controller';
import { FeatureLoader } from '../../src/app/feature_loader';
import type { FeatureEntry } from '../../src/app/features';
import { decodeLinkKeys } from '../../src/state/url_codec';
import { initI18n } from '../../src/i18n';

interface Log { events: string[] }

function fakeController(name: string, log: Log): ControllerFactory {
  return (): Controller => ({
    mount: () => log.events.push(`mount ${name}`),
    relabel: () => log.events.push(`relabel ${name}`),
    dispose: () => log.events.push(`dispose ${name}`),
  });
}

function fakeContext(extra: Array<[string, string]>, notices: string[]): AppContext {
  return {
    store: { get: () => ({ extra, ...decodeLinkKeys(extra) }) },
    notices: { show: (text: string) => notices.push(text) },
    commands: new AppCommands(),
  } as unknown as AppContext;
}

describe('FeatureLoader', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  it('should mount first-view features at start and a tool only when it is loaded, once', async () => {
    const log: Log = { events: [] };
    let fetched = 0;
    const entries: FeatureEntry[] = [
      { name: 'basemap', controller: fakeController('basemap', log) },
      { name: 'print', load: async () => { fetched++; return fakeController('print', log); } },
    ];
    const loader = new FeatureLoader(fakeContext([], []), entries);
    await loader.start();
    expect(log.events).toEqual(['mount basemap']);
    expect(fetched).toBe(0);
    const [a, b] = await Promise.all([loader.load('print'), loader.load('print')]);
    expect(a).toBe(b);
    expect(fetched).toBe(1);
    expect(log.events).toEqual(['mount basemap', 'mount print']);
    loader.relabel();
    expect(log.events.slice(2)).toEqual(['relabel basemap', 'relabel print']);
  });

  it('should load a tool at start when the link asks for it', async () => {
    const log: Log = { events: [] };
    const entries: FeatureEntry[] = [{
      name: 'print', wanted: (state) => state.print,
      load: async () => fakeController('print', log),
    }];
    await new FeatureLoader(fakeContext([['print', '1']], []), entries).start();
    expect(log.events).toEqual(['mount print']);
  });

  it('should load a feature on the first call of its command and hand the call to it', async () => {
    const context = fakeContext([], []);
    const reported: string[] = [];
    let fetched = 0;
    const entries: FeatureEntry[] = [{
      name: 'report', commands: ['showReport'],
      load: async () => {
        fetched++;
        return () => ({
          mount: (mounted: AppContext) => void mounted.commands.provide('showReport', (aoi) => reported.push(aoi.name)),
          relabel: () => undefined, dispose: () => undefined,
        });
      },
    }];
    const loader = new FeatureLoader(context, entries);
    await loader.start();
    expect(fetched).toBe(0);
    context.commands.showReport({ id: 'a', name: 'Lac', feature: null as never });
    await loader.load('report');
    expect(reported).toEqual(['Lac']);
    context.commands.showReport({ id: 'b', name: 'Rive', feature: null as never });
    expect(reported).toEqual(['Lac', 'Rive']);
    expect(fetched).toBe(1);
  });

  it('should dispose a feature and mount it again on the next load', async () => {
    const log: Log = { events: [] };
    const loader = new FeatureLoader(fakeContext([], []), [{ name: 'gps', controller: fakeController('gps', log) }]);
    await loader.start();
    loader.dispose('gps');
    expect(loader.get('gps')).toBeUndefined();
    await loader.load('gps');
    expect(log.events).toEqual(['mount gps', 'dispose gps', 'mount gps']);
  });

  it('should say when a tool cannot be loaded, and try again next time', async () => {
    const log: Log = { events: [] };
    const notices: string[] = [];
    let attempts = 0;
    const loader = new FeatureLoader(fakeContext([], notices), [{
      name: 'compare',
      load: async () => {
        attempts++;
        if (attempts === 1) throw new Error('chunk unreachable');
        return fakeController('compare', log);
      },
    }]);
    await loader.start();
    expect(await loader.load('compare')).toBeNull();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toBe('Impossible de charger l’outil « compare » : chunk unreachable');
    expect(await loader.load('compare')).not.toBeNull();
    expect(log.events).toEqual(['mount compare']);
  });
});
