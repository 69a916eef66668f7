// Pipeline Lens's service worker: the site keeps working without a network once it has been opened.
//
// finalize-site.mjs copies this file to `sw.js` at the site's root, with the two lines marked below
// replaced: the build's version (a hash of every file) and the files to keep on the first visit (the
// app's bundle, styles, worker, the documentation's articles and indexes, a blank start page).
//
// - Pages (navigations): the network first, so that a new deploy is seen; without a network, the page
//   kept from an earlier visit, else the blank start page, from which the app draws any address.
// - Everything else of the site: what was kept, else the network (and it is kept).
// - Only GET requests of this site are answered; a page is kept under its address without its query, and
//   nothing the reader pastes is ever requested, so nothing pasted reaches a cache (share links carry
//   their text after `#`, which is never sent).
// - A new version waits until the page asks it to take over (the "new version" notice,
//   src/components/common/update_notice.rs), then every older cache is deleted.

const VERSION = 'dev'; // replaced by the build
const PRECACHE = []; // replaced by the build
const CACHE = `pipelens-${VERSION}`;
/** The page drawn when an address was never opened online: the app alone, which draws any address. */
const SHELL = 'shell.html';

const scope = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((file) => new URL(file, scope).href))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('pipelens-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (url.pathname === `${scope.pathname}sw.js`) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request, url));
  } else {
    event.respondWith(file(request));
  }
});

/** A page: from the network (and kept under its address without query), else kept, else the shell. */
async function page(request, url) {
  const cache = await caches.open(CACHE);
  const key = url.origin + url.pathname;
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = (await cache.match(key)) ?? (await cache.match(new URL(SHELL, scope).href));
    if (kept) return kept;
    throw error;
  }
}

/** A file of the site: kept, else fetched and kept. */
async function file(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreSearch: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}
