// Installable and offline: registers the service worker, offers updates, tells the truth
// about being offline. Unsaved edits survive the update reload (they live in storage).
import { siteUrl } from './lib/site.js';
import { nextTask } from './lib/steps.js';

const $ = (id) => document.getElementById(id);

function showOffline() {
  $('offline').hidden = navigator.onLine;
}

/** Shows "a new version is ready" for a waiting worker; reloading activates it. */
function offerUpdate(registration) {
  const worker = registration.waiting;
  if (!worker || worker.state !== 'installed' || !navigator.serviceWorker.controller) return;
  $('update').hidden = false;
  // Another tab may update first: the prompt goes once this worker is no longer waiting.
  worker.addEventListener('statechange', () => {
    if (worker.state !== 'installed') $('update').hidden = true;
  });
  $('update-reload').onclick = () => {
    dispatchEvent(new Event('pagehide')); // write the working draft now
    worker.postMessage({ type: 'SKIP_WAITING' });
  };
  $('update-later').onclick = () => { $('update').hidden = true; };
}

export async function startPwa() {
  addEventListener('online', showOffline);
  addEventListener('offline', showOffline);
  showOffline();
  if (!('serviceWorker' in navigator)) return;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !$('update').dataset.accepted) return;
    reloading = true;
    location.reload();
  });
  $('update-reload').addEventListener('click', () => { $('update').dataset.accepted = 'yes'; });
  // Registered once the page has loaded, in a task of its own: the worker's install fetches every
  // file of the app, which can wait until the page itself is in.
  if (document.readyState !== 'complete') await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  await nextTask();
  try {
    const registration = await navigator.serviceWorker.register(siteUrl('sw.js'), { scope: siteUrl('./').pathname });
    offerUpdate(registration);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') offerUpdate(registration);
      });
    });
    // Look for a new version when the app comes back into view.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && navigator.onLine) registration.update().catch(() => {});
    });
  } catch (error) {
    console.warn('service worker not registered', error);
  }
}
