// The service worker (built by vite-plugin-pwa, see vite.config.ts), registered once the app is
// up, in prompt mode: a waiting new version is announced, and only the user's click activates
// it (then the page reloads on the new version). `data-offline-ready` says the app shell is
// cached, so tools and tests can wait for it before going offline.
import { Workbox } from 'workbox-window';
import { showUpdatePrompt } from '../ui/pwa_update';
import type { Feature } from './context';

export function installPwa(): Feature {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return {};
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
  return {};
}
