// A feature of the app as an object with a lifecycle, like MapLibre's IControl (onAdd/onRemove):
// mount puts its UI and listeners in place, relabel redraws its texts in the new language,
// dispose removes everything mount added so the feature can be taken out or remounted.
import type { AppContext } from './context';

export interface Controller {
  mount(context: AppContext): void;
  relabel(): void;
  dispose(): void;
}

/** Builds a feature's controller; the list in features.ts holds these. */
export type ControllerFactory = () => Controller;

/**
 * Collects the undo of everything a controller set up (listeners, DOM nodes, map layers,
 * subscriptions) so dispose is one call and nothing is forgotten.
 */
export class Disposer {
  private readonly undos: (() => void)[] = [];

  /** Keeps an undo function (e.g. what store.subscribe or events.on returns). */
  add(undo: () => void): void {
    this.undos.push(undo);
  }

  /** addEventListener that is removed on dispose. */
  listen<K extends keyof WindowEventMap>(target: Window, type: K, handler: (event: WindowEventMap[K]) => void): void;
  listen<K extends keyof DocumentEventMap>(target: Document, type: K, handler: (event: DocumentEventMap[K]) => void): void;
  listen<K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, handler: (event: HTMLElementEventMap[K]) => void): void;
  listen(target: EventTarget, type: string, handler: (event: Event) => void): void {
    target.addEventListener(type, handler);
    this.undos.push(() => target.removeEventListener(type, handler));
  }

  /** A DOM node that is removed on dispose. */
  node<T extends Element>(element: T): T {
    this.undos.push(() => element.remove());
    return element;
  }

  /** Runs every undo, last first, once. */
  dispose(): void {
    for (const undo of this.undos.splice(0).reverse()) undo();
  }
}
