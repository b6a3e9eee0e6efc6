/* KTCV service worker (served from /sw.js so that it controls every page).
 *
 * - The app shell (styles, scripts, icons, the offline page) is precached by content hash: a new release
 *   replaces exactly the files that changed.
 * - Inspection pages are network-first: with a connection the tablet gets the page fresh and keeps a copy;
 *   without one (or after 6 s of a weak signal) it shows the copy. "Chuẩn bị làm việc ngoại tuyến"
 *   fills that copy for every page of an inspection in advance.
 * - A page never stored, opened with no network, shows the offline page instead of the browser's error.
 * Nothing here sends data: the page's scripts keep the queue of changes in IndexedDB and send it.
 */
importScripts({{ (workbox ~ "workbox-sw.js")|tojson }});
workbox.setConfig({ modulePathPrefix: {{ workbox|tojson }}, debug: false });
workbox.core.setCacheNameDetails({ prefix: "ktcv" });
self.skipWaiting();
workbox.core.clientsClaim();
workbox.precaching.cleanupOutdatedCaches();
workbox.precaching.precacheAndRoute({{ precache|tojson }});

var PAGES = "ktcv-pages";
var PHOTOS = "ktcv-photos";
var notRedirected = {
  // a page that answered with the login form (an ended session) is not a copy of the inspection page
  cacheWillUpdate: function (args) { return args.response.redirected ? null : args.response; }
};

workbox.routing.registerRoute(
  function (ctx) { return ctx.request.mode === "navigate" && /^\/inspections\/\d+(\/|$)/.test(ctx.url.pathname); },
  new workbox.strategies.NetworkFirst({
    cacheName: PAGES,
    networkTimeoutSeconds: 6,
    matchOptions: { ignoreVary: true },
    plugins: [new workbox.cacheableResponse.CacheableResponsePlugin({ statuses: [200] }), notRedirected]
  })
);

workbox.routing.registerRoute(
  function (ctx) { return /^\/inspections\/\d+\/evidence\/\d+$/.test(ctx.url.pathname); },
  new workbox.strategies.CacheFirst({
    cacheName: PHOTOS,
    matchOptions: { ignoreVary: true },
    plugins: [new workbox.cacheableResponse.CacheableResponsePlugin({ statuses: [200] }),
              new workbox.expiration.ExpirationPlugin({ maxEntries: 800 })]
  })
);

// any other page: the network, or the offline page when there is none
workbox.routing.registerRoute(function (ctx) { return ctx.request.mode === "navigate"; },
                              new workbox.strategies.NetworkOnly());

workbox.routing.setCatchHandler(function (ctx) {
  if (ctx.request.destination === "document" || ctx.request.mode === "navigate") {
    return workbox.precaching.matchPrecache("/offline").then(function (page) { return page || Response.error(); });
  }
  return Response.error();
});
