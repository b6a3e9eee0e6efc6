/* KTCV — the inspection's summary on a tablet: what this tablet still holds (submitting waits until it is
 * all sent), and "Prepare for offline work", which stores every page of the inspection on the tablet. */
(function () {
  "use strict";
  var box = document.getElementById("tablet-state");
  if (!box || !window.KtcvStore) return;
  var Store = KtcvStore;
  var inspectionId = parseInt(box.dataset.inspection, 10);
  var userId = Store.config.user;
  var submit = document.getElementById("submit-button");
  var list = document.getElementById("tablet-pending");
  var prepare = document.getElementById("prepare-offline");
  var progress = document.getElementById("prepare-progress");
  var note = document.getElementById("prepare-note");

  function msg(name, params) {
    var text = box.dataset["msg" + name] || "";
    Object.keys(params || {}).forEach(function (key) { text = text.replace("%(" + key + ")s", String(params[key])); });
    return text;
  }

  function typing() {
    return Array.prototype.some.call(document.querySelectorAll("textarea, input[type=text], input:not([type])"),
                                     function (field) { return field.value !== field.defaultValue; });
  }

  function render(state) {
    var p = state.pending;
    var drafts = Object.keys(Store.drafts(inspectionId)).length;
    var waiting = p.queued.length + drafts;
    var total = waiting + p.refused.length + p.conflict.length;
    list.textContent = "";
    if (!total) {
      // the figures and gaps on this page predate what was sent (by this page, or by the page before it while
      // this one was being served): read it again, unless something is being typed
      if ((sentHere || Store.sentAt(inspectionId) >= requested) && !typing()) { location.reload(); return; }
      box.hidden = true;
      if (submit && !submit.dataset.serverDisabled) submit.disabled = false;
      return;
    }
    box.hidden = false;
    var lines = [];
    if (waiting) lines.push(msg(state.online ? "Sending" : "Waiting", { count: waiting }));
    if (p.refused.length) lines.push(msg("Refused", { count: p.refused.length, items: p.refused.map(function (o) {
      return (o.item_id || o.code || "") + (o.message ? " (" + o.message + ")" : ""); }).join("; ") }));
    if (p.conflict.length) lines.push(msg("Conflicts", { count: p.conflict.length,
      items: p.conflict.map(function (o) { return o.item_id; }).join(", ") }));
    if (state.needsLogin) lines.push(msg("Login"));
    lines.forEach(function (line) { var li = document.createElement("li"); li.textContent = line; list.appendChild(li); });
    if (submit) submit.disabled = true;  // only what has reached the server can be submitted
  }

  var sentHere = false;
  // when this page was asked for: the server may have rendered it before an answer sent at that moment landed
  var requested = Math.floor(performance.timeOrigin || (Date.now() - performance.now()));
  var sync = new KtcvSync(inspectionId, userId, { onStatus: render, onSaved: function () { sentHere = true; } });
  Store.onChange(function (id) { if (id === inspectionId) sync.report(); });
  if (submit && submit.disabled) submit.dataset.serverDisabled = "1";
  Store.adoptDrafts(inspectionId, userId).then(function () { return sync.flush(); });

  if (!prepare) return;
  function storePage(cache, url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok || response.redirected) throw new Error(String(response.status));
      return cache.put(url, response);
    });
  }
  prepare.addEventListener("click", function () {
    if (!window.caches) { note.textContent = msg("Unsupported"); return; }
    var started = performance.now();
    prepare.disabled = true;
    progress.hidden = false;
    note.textContent = msg("Preparing");
    fetch(Store.url("manifest", inspectionId), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (manifest) {
        var done = 0, total = manifest.pages.length + manifest.photos.length;
        progress.max = total;
        function tick() { done += 1; progress.value = done; note.textContent = msg("Progress", { done: done, total: total }); }
        return caches.open("ktcv-pages").then(function (pages) {
          var queue = manifest.pages.slice();
          function worker() {
            var url = queue.shift();
            if (!url) return Promise.resolve();
            return storePage(pages, url).then(tick).then(worker);
          }
          return Promise.all([worker(), worker(), worker()]).then(function () {
            return Promise.all(Object.keys(manifest.aliases).map(function (alias) {
              return pages.match(manifest.aliases[alias]).then(function (page) { return page && pages.put(alias, page); });
            }));
          });
        }).then(function () {
          return caches.open("ktcv-photos").then(function (photos) {
            return Promise.all(manifest.photos.map(function (url) { return storePage(photos, url).then(tick); }));
          });
        }).then(function () {
          return Store.mergeSnapshot(inspectionId, manifest.answers, manifest.sample);
        }).then(function () {
          return Store.markPrepared({ inspection_id: inspectionId, user_id: manifest.user_id,
                                      unit: manifest.inspection.unit, date: manifest.inspection.date,
                                      checklist: manifest.inspection.checklist, pages: manifest.pages.length,
                                      photos: manifest.photos.length, prepared_at: new Date().toISOString(),
                                      summary: manifest.pages[0], first: manifest.pages[1] });
        }).then(function () {
          var seconds = ((performance.now() - started) / 1000).toFixed(1).replace(".", ",");
          note.textContent = msg("Done", { pages: manifest.pages.length, photos: manifest.photos.length, seconds: seconds });
          box.dataset.prepared = "1";
          document.documentElement.dataset.offlineReady = String(inspectionId);
        });
      })
      .catch(function (error) { note.textContent = msg("Failed", { error: error.message }); })
      .then(function () { prepare.disabled = false; progress.hidden = true; });
  });
})();
