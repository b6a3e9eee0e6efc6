/* KTCV — on every page: install the service worker, say when there is no network, and keep a shared
 * tablet's unsent work safe at logout (the stored pages are removed, the queued changes stay). */
(function () {
  "use strict";
  var Store = window.KtcvStore;
  var config = Store ? Store.config : {};
  if ("serviceWorker" in navigator && config.sw) {
    navigator.serviceWorker.register(config.sw, { scope: "/" }).catch(function () { /* an old browser: online only */ });
  }

  var banner = document.getElementById("netbanner");
  function net() {
    if (!banner) return;
    banner.hidden = navigator.onLine;
    banner.textContent = navigator.onLine ? "" : (config.messages || {}).offline || "";
  }
  window.addEventListener("online", net);
  window.addEventListener("offline", net);
  net();

  var logout = document.getElementById("logout-form");
  if (logout && Store) {
    logout.addEventListener("submit", function (event) {
      if (logout.dataset.confirmed) return;
      event.preventDefault();
      Store.allOps().then(function (ops) {
        var mine = ops.filter(function (op) { return op.user_id === config.user; });
        if (mine.length && !window.confirm(config.messages.unsent.replace("%(count)s", mine.length))) return null;
        return Store.prepared().then(function (records) {
          return Promise.all(records.map(function (r) { return Store.forget(r.inspection_id); }));
        }).then(function () {
          if (!window.caches) return null;
          return Promise.all([caches.delete("ktcv-pages"), caches.delete("ktcv-photos")]);
        }).then(function () { logout.dataset.confirmed = "1"; logout.submit(); });
      });
    });
  }
})();
