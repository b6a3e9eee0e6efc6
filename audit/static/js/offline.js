/* KTCV — the offline page: what this tablet stores, what it still has to send, and removing it. */
(function () {
  "use strict";
  var page = document.getElementById("offline-page");
  if (!page || !window.KtcvStore) return;
  var Store = KtcvStore;
  var list = document.getElementById("stored-list");

  function msg(name, params) {
    var text = page.dataset["msg" + name] || "";
    Object.keys(params || {}).forEach(function (key) { text = text.replace("%(" + key + ")s", String(params[key])); });
    return text;
  }
  function when(iso) {
    var d = new Date(iso);
    var two = function (n) { return ("0" + n).slice(-2); };
    return two(d.getHours()) + ":" + two(d.getMinutes()) + " " + two(d.getDate()) + "/" + two(d.getMonth() + 1) + "/" + d.getFullYear();
  }
  function size(bytes) { return (bytes / 1048576).toFixed(1).replace(".", ",") + " MB"; }

  if (location.pathname !== Store.config.offline) {
    var notice = document.getElementById("not-stored");
    notice.textContent = msg("NotStored");
    notice.hidden = false;
  }
  var banner = document.getElementById("netbanner");
  function net() { banner.hidden = navigator.onLine; banner.textContent = navigator.onLine ? "" : Store.config.messages.offline; }
  window.addEventListener("online", net); window.addEventListener("offline", net); net();

  function removePages(record) {
    if (!window.caches) return Promise.resolve();
    var prefix = record.summary;
    return Promise.all(["ktcv-pages", "ktcv-photos"].map(function (name) {
      return caches.open(name).then(function (cache) {
        return cache.keys().then(function (keys) {
          return Promise.all(keys.filter(function (request) {
            var path = new URL(request.url).pathname;
            return path === prefix || path.indexOf(prefix + "/") === 0;
          }).map(function (request) { return cache.delete(request); }));
        });
      });
    }));
  }

  function render() {
    return Promise.all([Store.prepared(), Store.allOps()]).then(function (both) {
      var records = both[0], ops = both[1];
      list.textContent = "";
      if (!records.length) {
        var none = document.createElement("li");
        none.className = "muted"; none.textContent = msg("None");
        list.appendChild(none);
      }
      records.sort(function (a, b) { return a.date < b.date ? 1 : -1; }).forEach(function (record) {
        var mine = ops.filter(function (op) { return op.inspection_id === record.inspection_id; });
        var count = function (state) { return mine.filter(function (op) { return state(op.state); }).length; };
        var waiting = count(function (s) { return s === "queued" || s === "sending"; });
        var refused = count(function (s) { return s === "refused"; });
        var conflicts = count(function (s) { return s === "conflict"; });
        var li = document.createElement("li");
        li.dataset.inspection = String(record.inspection_id);
        var title = document.createElement("strong");
        title.textContent = record.unit + ", " + record.date.split("-").reverse().join("/");
        li.appendChild(title);
        var detail = document.createElement("div");
        detail.className = "muted";
        var parts = [record.checklist, msg("Prepared", { when: when(record.prepared_at) })];
        if (waiting) parts.push(msg("Pending", { count: waiting }));
        if (refused) parts.push(msg("Refused", { count: refused }));
        if (conflicts) parts.push(msg("Conflict", { count: conflicts }));
        if (!waiting && !refused && !conflicts) parts.push(msg("AllSent"));
        detail.textContent = parts.join(" · ");
        li.appendChild(detail);
        var actions = document.createElement("div");
        actions.className = "actions";
        [[record.first, msg("Open")], [record.summary, msg("Summary")]].forEach(function (link) {
          var a = document.createElement("a"); a.className = "btn btn-small"; a.href = link[0]; a.textContent = link[1];
          actions.appendChild(a);
        });
        var remove = document.createElement("button");
        remove.type = "button"; remove.className = "btn btn-small"; remove.textContent = msg("Remove");
        remove.addEventListener("click", function () {
          var unsent = mine.length;
          var question = unsent ? msg("ConfirmUnsent", { count: unsent }) : msg("Confirm");
          if (!window.confirm(question)) return;
          removePages(record)
            .then(function () { return Store.forget(record.inspection_id); })
            .then(function () { return unsent ? Store.removeAll(record.inspection_id) : null; })
            .then(render);
        });
        actions.appendChild(remove);
        li.appendChild(actions);
        list.appendChild(li);
      });
      if (navigator.storage && navigator.storage.estimate) {
        navigator.storage.estimate().then(function (e) {
          document.getElementById("storage-usage").textContent = msg("Usage", { used: size(e.usage || 0), quota: size(e.quota || 0) });
        });
      }
    });
  }
  render();
})();
