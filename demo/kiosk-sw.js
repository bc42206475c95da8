// The counter tablet's service worker: once the kiosk page has loaded with a connection, it opens
// and shows the policy with the network off, even after a reload or a restart of the tablet.
//
// Network first, so that a policy changed on the server is shown as soon as the tablet is online
// (an old policy could promise what the shop no longer does); the copy kept here answers only when
// the network does not (off, or no answer within a few seconds). Each answer from the network
// replaces the copy.
const CACHE = 'policy-kiosk-v2';
const FILES = ['kiosk.html', 'kiosk.css', 'kiosk.js', 'policy.json', '../dist/policy-explainer.js'];
// The embed loads each element's code and each language's strings as chunks, when they are first
// shown: the build lists them all, so that a language never shown yet still opens offline.
const CHUNKS = '../dist/chunks/index.json';
const PATIENCE_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        const chunks = await (await fetch(CHUNKS)).json();
        await cache.addAll([...FILES, ...chunks.map((file) => `../dist/${file}`)]);
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('policy-kiosk-') && n !== CACHE).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in time')), PATIENCE_MS)),
    ]);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (e) {
    // ?lang=es and the like: the same page.
    const kept = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (kept) return kept;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method === 'GET' && new URL(request.url).origin === location.origin)
    event.respondWith(networkFirst(request));
});
