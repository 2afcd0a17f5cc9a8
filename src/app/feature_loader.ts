// Mounts the app's features from the list in features.ts: the first view's at once; the deferred
// ones right after the first view is drawn (loadDeferred); the tools the first time they are
// used. Until a feature's code is there, stand-ins answer for it — its toolbar button, its
// commands, the events it listens to, the map's clicks, its placeholder — and the first use
// loads it and hands it what the user did.
import { loadToolStrings, t } from '../i18n';
import { el } from '../ui/dom';
import { addTool, TOOLS } from '../ui/toolbar';
import type { AppEventMap } from './app_events';
import type { AppContext } from './context';
import type { Controller, ControllerFactory } from './controller';
import type { FeatureEntry, Placeholder } from './features';
import { BROWSE_MODE, type MapInputOwner } from './map_input';

export class FeatureLoader {
  private readonly mounted = new Map<string, Controller>();
  private readonly loading = new Map<string, Promise<Controller | null>>();
  /** A feature's code, fetched once (forgotten on failure, so the next use tries again). */
  private readonly code = new Map<string, Promise<ControllerFactory>>();
  /** Per feature not mounted yet: what takes its stand-ins away once it is. */
  private readonly standIns = new Map<string, (() => void)[]>();
  private readonly placeholders = new Map<string, Placeholder>();

  constructor(private readonly context: AppContext, private readonly entries: readonly FeatureEntry[]) {}

  /** Mounts the first view's features now; resolves when the features the link asks for are mounted too. */
  start(): Promise<unknown> {
    const state = this.context.store.get();
    const wanted: Promise<unknown>[] = [];
    for (const entry of this.entries) {
      if (entry.controller) {
        this.mountWith(entry, entry.controller());
        continue;
      }
      this.standIn(entry);
      if (entry.wanted?.(state)) wanted.push(this.load(entry.name));
    }
    return Promise.all(wanted);
  }

  /**
   * After the first view: fetches the code of every deferred feature at once and mounts them
   * in the list's order. Resolves when each is mounted (or has said it could not load).
   */
  async loadDeferred(): Promise<void> {
    const deferred = this.entries.filter((entry) => entry.deferred && !this.mounted.has(entry.name));
    for (const entry of deferred) void this.codeOf(entry).catch(() => undefined);
    for (const entry of deferred) await this.load(entry.name);
  }

  /** Loads (once) and mounts a feature; null when its code could not be loaded. */
  load(name: string): Promise<Controller | null> {
    const done = this.mounted.get(name);
    if (done) return Promise.resolve(done);
    const entry = this.entries.find((candidate) => candidate.name === name);
    if (!entry) return Promise.resolve(null);
    let pending = this.loading.get(name);
    if (!pending) {
      pending = this.fetch(entry).finally(() => this.loading.delete(name));
      this.loading.set(name, pending);
    }
    return pending;
  }

  /** The mounted controller of a feature (tests check what dispose removes). */
  get(name: string): Controller | undefined {
    return this.mounted.get(name);
  }

  /** Takes a feature out: everything its mount added goes. */
  dispose(name: string): void {
    this.mounted.get(name)?.dispose();
    this.mounted.delete(name);
  }

  relabel(): void {
    for (const placeholder of this.placeholders.values()) placeholder.relabel();
    for (const controller of this.mounted.values()) controller.relabel();
  }

  private codeOf(entry: FeatureEntry): Promise<ControllerFactory> {
    let code = this.code.get(entry.name);
    if (!code) {
      // a tool's strings come with its code (the page ships only the first view's, i18n/parts.ts)
      code = entry.controller ? Promise.resolve(entry.controller) : Promise.all([entry.load!(), loadToolStrings()]).then(([factory]) => factory);
      code.catch(() => this.code.delete(entry.name));
      this.code.set(entry.name, code);
    }
    return code;
  }

  private async fetch(entry: FeatureEntry): Promise<Controller | null> {
    try {
      const factory = await this.codeOf(entry);
      return this.mounted.get(entry.name) ?? this.mountWith(entry, factory());
    } catch (error) {
      const tool = TOOLS.find((candidate) => candidate.id === entry.tool);
      // the browser's own (English) words stay in the console, for whoever debugs it
      console.error(`feature ${entry.name} could not load`, error);
      this.context.notices.show(t('features.load_failed', { tool: tool ? t(tool.label) : entry.name }), 'error');
      return null;
    }
  }

  private mountWith(entry: FeatureEntry, controller: Controller): Controller {
    controller.mount(this.context);
    this.mounted.set(entry.name, controller);
    for (const undo of this.standIns.get(entry.name) ?? []) undo();
    this.standIns.delete(entry.name);
    this.placeholders.delete(entry.name);
    return controller;
  }

  /** Everything that answers for a feature until its code is there (see FeatureEntry). */
  private standIn(entry: FeatureEntry): void {
    const undos = [
      ...this.answerCommands(entry),
      ...this.keepEvents(entry),
      ...this.keepMapClicks(entry),
      ...this.toolStandIn(entry),
    ];
    this.standIns.set(entry.name, undos);
    if (entry.placeholder) this.placeholders.set(entry.name, entry.placeholder(this.context, () => void this.load(entry.name)));
  }

  /**
   * Until the feature is loaded, its commands load it and then call its own handler (which
   * replaced this one when it mounted). A feature that fails to load leaves the stand-in.
   */
  private answerCommands(entry: FeatureEntry): (() => void)[] {
    const { commands } = this.context;
    return (entry.commands ?? []).map((name) => {
      const standIn = (argument: never): void => {
        void this.load(entry.name).then((controller) => {
          if (controller) (commands[name] as (value: never) => void)(argument);
        });
      };
      return commands.provide(name, standIn);
    });
  }

  /** An event sent before the feature listens loads it; once mounted, its new listeners hear it. */
  private keepEvents(entry: FeatureEntry): (() => void)[] {
    const { events } = this.context;
    return (entry.events ?? []).map(<K extends keyof AppEventMap>(type: K) => events.on(type, (payload: AppEventMap[K]) => {
      const before = events.listenersOf(type);
      void this.load(entry.name).then((controller) => {
        if (!controller) return;
        for (const listener of events.listenersOf(type)) if (!before.has(listener)) listener(payload);
      });
    }));
  }

  /** A click (or Enter) on the map before the feature is loaded loads it, then goes to it. */
  private keepMapClicks(entry: FeatureEntry): (() => void)[] {
    if (!entry.mapClicks) return [];
    const { mapInput } = this.context;
    const standIn: MapInputOwner = {
      mode: BROWSE_MODE,
      point: (at, via) => {
        void this.load(entry.name).then((controller) => {
          const owner = mapInput.defaultOwner;
          if (controller && owner && owner !== standIn) owner.point(at, via);
        });
      },
    };
    mapInput.setDefault(standIn);
    return [() => { if (mapInput.defaultOwner === standIn) mapInput.setDefault(null); }];
  }

  /**
   * The tool's button before its code is loaded: the first click loads and mounts the feature
   * (whose button takes this one's place, or keeps it), then clicks the feature's own button.
   */
  private toolStandIn(entry: FeatureEntry): (() => void)[] {
    if (!entry.tool) return [];
    const id = entry.tool;
    const button = addTool(this.context.toolbar, el('button', { type: 'button', id }));
    const first = () => {
      button.removeEventListener('click', first);
      button.setAttribute('aria-busy', 'true');
      toolLoading(+1);
      void this.load(entry.name).then((controller) => {
        button.removeAttribute('aria-busy');
        if (controller) document.getElementById(id)?.click();
        else button.addEventListener('click', first);
        toolLoading(-1);
      });
    };
    button.addEventListener('click', first);
    return [() => button.removeEventListener('click', first)];
  }
}

/** `data-tool-loading` on <html> while a tool's code is fetched on its first use (tests wait on it). */
function toolLoading(step: 1 | -1): void {
  const root = document.documentElement;
  const count = Number(root.dataset.toolLoading ?? 0) + step;
  if (count > 0) root.dataset.toolLoading = String(count);
  else delete root.dataset.toolLoading;
}
