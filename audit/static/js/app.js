/* KTCV — on every page: install the service worker, say when there is no network, and keep a shared
 * tablet's unsent work safe at logout (the stored pages are removed, the queued changes stay). */
(function () {
  "use strict";
  var Store = window.KtcvStore;
  var config = Store ? Store.config : {};
  if ("serviceWorker" in navigator && config.sw) {
    navigator.serviceWorker.register(config.sw, { scope: "/" }).catch(function () { /* an old browser: online only */ });
  }

  // the compact header of tablets: the menu opens below it
  var toggle = document.getElementById("menu-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var open = toggle.closest(".topbar").classList.toggle("nav-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
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

  // An irreversible step says what will happen and asks first: a form with data-confirm. Listened to in the
  // capture phase, before any script of the page sees the submission.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.dataset || !form.dataset.confirm || form.dataset.confirmed) return;
    if (event.submitter && event.submitter.hasAttribute("data-preview")) return;  // a preview changes nothing
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Whatever the server takes time over (issuing a PDF, an import) shows that it is under way, and a second tap
  // does not send it again. Forms a page script handles itself (defaultPrevented) are left alone.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.querySelector || (form.method || "").toLowerCase() !== "post") return;
    var button = event.submitter || form.querySelector("button[type=submit], button:not([type])");
    if (!button || button.hasAttribute("data-preview")) return;  // opens beside the page, which stays usable
    button.classList.add("busy");
    button.setAttribute("aria-busy", "true");
    window.setTimeout(function () { button.disabled = true; }, 0);  // after the submission took its value
    window.setTimeout(function () { button.disabled = false; button.classList.remove("busy"); }, 20000);
    // back from the page cache (the browser's back button): usable again
    window.addEventListener("pageshow", function () { button.disabled = false; button.classList.remove("busy");
      button.removeAttribute("aria-busy"); }, { once: true });
  });

  // A calendar beside every date box (data-date): the device's own date picker fills the box, which keeps the
  // date as Vietnamese write it (dd/mm/yyyy) whatever the tablet's language. Typing stays possible.
  function two(n) { return (n < 10 ? "0" : "") + n; }
  document.querySelectorAll("input[data-date]").forEach(function (box) {
    var picker = document.createElement("input");
    picker.type = "date";
    if (picker.type !== "date" || box.disabled || box.readOnly) return;  // an old browser: typing only
    picker.className = "date-picker";
    picker.tabIndex = -1;
    picker.setAttribute("aria-hidden", "true");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn date-button";
    button.setAttribute("aria-label", box.dataset.date);
    button.title = box.dataset.date;
    button.innerHTML = '<svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true"><rect x="2" y="4" ' +
      'width="16" height="14" rx="2" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M2 8h16M6 2v4M14 ' +
      '2v4" stroke="currentColor" stroke-width="1.8"/></svg>';
    var wrap = document.createElement("span");
    wrap.className = "date-field";
    box.parentNode.insertBefore(wrap, box);
    wrap.appendChild(box);
    wrap.appendChild(button);
    wrap.appendChild(picker);
    button.addEventListener("click", function () {
      var m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(box.value.trim());
      picker.value = m ? m[3] + "-" + two(+m[2]) + "-" + two(+m[1]) : "";
      if (picker.showPicker) {
        try { picker.showPicker(); return; } catch (e) { /* not allowed here: fall back to focusing it */ }
      }
      picker.focus();
      picker.click();
    });
    picker.addEventListener("change", function () {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(picker.value);
      if (!m) return;
      box.value = m[3] + "/" + m[2] + "/" + m[1];
      box.dispatchEvent(new Event("input", { bubbles: true }));
      box.dispatchEvent(new Event("change", { bubbles: true }));
    });
  });

  // A file the server makes on request (a report, a workbook: a second or two) shows that it is coming. The page
  // stays where it is while the browser downloads it, so the sign goes after a few seconds.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-busy]") : null;
    if (!link || link.classList.contains("busy")) return;
    link.classList.add("busy");
    link.setAttribute("aria-busy", "true");
    window.setTimeout(function () { link.classList.remove("busy"); link.removeAttribute("aria-busy"); }, 4000);
  });
})();
