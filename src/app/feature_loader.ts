// Mounts the app's features from the list in features.ts: the first view's features at once,
// the tools the first time their toolbar button is used (or at start when the link asks for
// them), each loaded with import() so their code stays out of the first view's JavaScript.
import { t } from '../i18n';
import { el } from '../ui/dom';
import { addTool, TOOLS } from '../ui/toolbar';
import type { AppContext } from './context';
import type { Controller } from './controller';
import type { FeatureEntry } from './features';

export class FeatureLoader {
  private readonly mounted = new Map<string, Controller>();
  private readonly loading = new Map<string, Promise<Controller | null>>();

  constructor(private readonly context: AppContext, private readonly entries: readonly FeatureEntry[]) {}

  /** Mounts the eager features now; resolves when the tools the link asks for are mounted too. */
  start(): Promise<unknown> {
    const state = this.context.store.get();
    const wanted: Promise<unknown>[] = [];
    for (const entry of this.entries) {
      if (entry.controller) this.mountWith(entry, entry.controller());
      else if (entry.wanted?.(state)) wanted.push(this.load(entry.name));
      else this.standIn(entry);
      this.answerCommands(entry);
    }
    return Promise.all(wanted);
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
    for (const controller of this.mounted.values()) controller.relabel();
  }

  private async fetch(entry: FeatureEntry): Promise<Controller | null> {
    try {
      const factory = entry.controller ?? (await entry.load!());
      return this.mounted.get(entry.name) ?? this.mountWith(entry, factory());
    } catch (error) {
      const tool = TOOLS.find((candidate) => candidate.id === entry.tool);
      const message = error instanceof Error ? error.message : String(error);
      this.context.notices.show(t('features.load_failed', { tool: tool ? t(tool.label) : entry.name, message }), 'error');
      return null;
    }
  }

  private mountWith(entry: FeatureEntry, controller: Controller): Controller {
    controller.mount(this.context);
    this.mounted.set(entry.name, controller);
    return controller;
  }

  /**
   * Until a lazy feature is loaded, its commands load it and then call its own handler (which
   * replaced this one when it mounted). A feature that fails to load leaves the stand-in.
   */
  private answerCommands(entry: FeatureEntry): void {
    if (entry.controller) return;
    const { commands } = this.context;
    for (const name of entry.commands ?? []) {
      const standIn = (argument: never): void => {
        void this.load(entry.name).then((controller) => {
          if (controller) (commands[name] as (value: never) => void)(argument);
        });
      };
      commands.provide(name, standIn);
    }
  }

  /**
   * The tool's button before its code is loaded: the first click loads and mounts the feature
   * (whose button takes this one's place), then clicks the feature's own button.
   */
  private standIn(entry: FeatureEntry): void {
    if (!entry.tool) return;
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
  }
}

/** `data-tool-loading` on <html> while a tool's code is fetched on its first use (tests wait on it). */
function toolLoading(step: 1 | -1): void {
  const root = document.documentElement;
  const count = Number(root.dataset.toolLoading ?? 0) + step;
  if (count > 0) root.dataset.toolLoading = String(count);
  else delete root.dataset.toolLoading;
}
