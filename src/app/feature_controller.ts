// The common part of the app's feature controllers: the context they were mounted with and the
// Disposer that undoes their mount. A feature extends it and writes `start` (what mount does),
// `relabel` when it has texts, and `dispose` when it has more to undo than the Disposer holds.
import type { AppContext } from './context';
import { Disposer, type Controller } from './controller';

export abstract class FeatureController implements Controller {
  protected readonly disposer = new Disposer();
  private mounted: AppContext | null = null;

  /** The app context given to mount. */
  protected get context(): AppContext {
    if (!this.mounted) throw new Error('Feature not mounted - call mount(context) first.');
    return this.mounted;
  }

  mount(context: AppContext): void {
    this.mounted = context;
    this.start(context);
  }

  /** Puts the feature in place; hands every undo to `this.disposer`. */
  protected abstract start(context: AppContext): void;

  relabel(): void {}

  dispose(): void {
    this.disposer.dispose();
  }
}
