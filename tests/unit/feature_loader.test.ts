// FeatureLoader: first-view features mount at start, tools only when asked for (or when the link
// wants them), each once; dispose takes a feature out; a tool whose code fails to load says so
// and can be tried again. Deferred features mount after the first view, in the list's order; a
// map click, an event or a placeholder's use before then loads the feature and reaches it.
import { beforeAll, describe, expect, it } from 'vitest';
import { AppCommands } from '../../src/app/commands';
import { AppEvents } from '../../src/app/app_events';
import { MapInput, type LngLatLike, type MapInputSource } from '../../src/app/map_input';
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
    events: new AppEvents(),
  } as unknown as AppContext;
}

/** A map whose clicks the test makes. */
function fakeMapInput(): { input: MapInput; click(at: LngLatLike): void } {
  let clicked: (at: LngLatLike) => void = () => {};
  const source: MapInputSource = {
    onClick: (handler) => { clicked = handler; return () => {}; },
    onEnter: () => () => {},
    onEscape: () => () => {},
    centre: () => ({ lng: 0, lat: 0 }),
    setCursor: () => {},
  };
  return { input: new MapInput(source), click: (at) => clicked(at) };
}

/** A feature's code that arrives when the test says (`arrive`). */
function heldCode(factory: ControllerFactory): { load: () => Promise<ControllerFactory>; arrive(): void } {
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => { arrive = resolve; });
  return { load: () => arrived.then(() => factory), arrive: () => arrive() };
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
    expect(notices[0]).toBe('Impossible de charger l’outil « compare » (connexion interrompue ?). Réessayez.');
    expect(await loader.load('compare')).not.toBeNull();
    expect(log.events).toEqual(['mount compare']);
  });

  it('should mount deferred features only after the first view, in the list\'s order whatever order their code arrives in', async () => {
    const log: Log = { events: [] };
    const time = heldCode(fakeController('time', log));
    const gps = heldCode(fakeController('gps', log));
    const loader = new FeatureLoader(fakeContext([], []), [
      { name: 'basemap', controller: fakeController('basemap', log) },
      { name: 'time', deferred: true, load: time.load },
      { name: 'gps', deferred: true, load: gps.load },
      { name: 'print', load: async () => fakeController('print', log) },
    ]);
    await loader.start();
    expect(log.events).toEqual(['mount basemap']);
    const deferred = loader.loadDeferred();
    gps.arrive();
    await Promise.resolve();
    expect(log.events).toEqual(['mount basemap']);
    time.arrive();
    await deferred;
    expect(log.events).toEqual(['mount basemap', 'mount time', 'mount gps']);
    expect(loader.get('print')).toBeUndefined();
  });

  it('should load a deferred feature before ready when the link changes what the first view shows', async () => {
    const log: Log = { events: [] };
    const loader = new FeatureLoader(fakeContext([['time', '2019']], []), [
      { name: 'time', deferred: true, wanted: (state) => state.time !== null, load: async () => fakeController('time', log) },
    ]);
    await loader.start();
    expect(log.events).toEqual(['mount time']);
  });

  it('should keep map clicks made before identify is loaded and hand them to it, in order', async () => {
    const { input, click } = fakeMapInput();
    const context = { ...fakeContext([], []), mapInput: input } as AppContext;
    const points: string[] = [];
    const identify = heldCode(() => ({
      mount: (mounted: AppContext) => mounted.mapInput.setDefault({ mode: 'browse', point: (at, via) => points.push(`${at.lng},${at.lat} ${via}`) }),
      relabel: () => undefined, dispose: () => undefined,
    }));
    const loader = new FeatureLoader(context, [{ name: 'identify', deferred: true, mapClicks: true, load: identify.load }]);
    await loader.start();
    click({ lng: -72.5, lat: 46.3 });
    click({ lng: -72.6, lat: 46.4 });
    expect(points).toEqual([]);
    identify.arrive();
    await loader.load('identify');
    expect(points).toEqual(['-72.5,46.3 click', '-72.6,46.4 click']);
    click({ lng: -72.7, lat: 46.5 });
    expect(points).toHaveLength(3);
  });

  it('should tell a feature loaded late the event that loaded it, and not tell it twice to others', async () => {
    const context = fakeContext([], []);
    const heard: string[] = [];
    context.events.on('place-picked', ({ label }) => heard.push(`search ${label}`));
    const verdict = heldCode(() => ({
      mount: (mounted: AppContext) => void mounted.events.on('place-picked', ({ label }) => heard.push(`verdict ${label}`)),
      relabel: () => undefined, dispose: () => undefined,
    }));
    const loader = new FeatureLoader(context, [{ name: 'verdict', deferred: true, events: ['place-picked'], load: verdict.load }]);
    await loader.start();
    context.events.emit('place-picked', { lon: -72.5, lat: 46.3, label: 'Trois-Rivières', zoom: 12 });
    verdict.arrive();
    await loader.load('verdict');
    expect(heard).toEqual(['search Trois-Rivières', 'verdict Trois-Rivières']);
    context.events.emit('place-picked', { lon: -72.5, lat: 46.3, label: 'Shawinigan', zoom: 12 });
    expect(heard.slice(2)).toEqual(['search Shawinigan', 'verdict Shawinigan']);
  });

  it('should relabel a placeholder until its feature is mounted, and load the feature on its use', async () => {
    const log: Log = { events: [] };
    let use: () => void = () => {};
    const loader = new FeatureLoader(fakeContext([], []), [{
      name: 'search', deferred: true, load: async () => fakeController('search', log),
      placeholder: (_context, onUse) => { use = onUse; return { relabel: () => log.events.push('relabel placeholder') }; },
    }]);
    await loader.start();
    loader.relabel();
    use();
    await loader.load('search');
    loader.relabel();
    expect(log.events).toEqual(['relabel placeholder', 'mount search', 'relabel search']);
  });
});
