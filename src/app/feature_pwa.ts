// The service worker (built by vite-plugin-pwa, see vite.config.ts), registered once the first
// view is drawn (its precache download never competes with the first tiles), in prompt mode: a
// waiting new version is announced, and only the user's click activates it (then the page
// reloads on the new version). `data-offline-ready` says the app shell is cached, so tools and
// tests can wait for it before going offline.
import { Workbox } from 'workbox-window';
import { showUpdatePrompt } from '../ui/pwa_update';
import type { AppContext } from './context';
import type { ControllerFactory } from './controller';
import { FeatureController } from './feature_controller';

/** Registered at the latest this long after start, even if the map never becomes idle. */
const REGISTER_DEADLINE_MS = 10_000;

/** Registers the service worker once; there is nothing to relabel or to take back after that. */
class PwaController extends FeatureController {

  protected start(context: AppContext): void {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    const start = () => {
      this.disposer.dispose();
      register();
    };
    const deadline = setTimeout(start, REGISTER_DEADLINE_MS);
    context.map.once('idle', start);
    // mounted after the first view (features.ts): a map already idle draws no frame by itself
    context.map.triggerRepaint();
    this.disposer.add(() => {
      clearTimeout(deadline);
      context.map.off('idle', start);
    });
  }


}

export const controller: ControllerFactory = () => new PwaController();

function register(): void {
  const workbox = new Workbox('./sw.js', { scope: './' });
  workbox.addEventListener('waiting', () => {
    showUpdatePrompt(() => {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    });
  });
  void workbox.register().then(async () => {
    await navigator.serviceWorker.ready;
    document.documentElement.dataset.offlineReady = 'true';
  }).catch((error: unknown) => console.warn('service worker not registered', error));
}
