/* KTCV — autosave for the checklist pages.
 *
 * Every change is put in a queue kept in localStorage, then sent. Each operation carries an id
 * (op_id): if the tablet resends one whose answer was lost on the way back, the server recognises it
 * and stores nothing twice. The queue survives reloads and dropped connections and is sent again
 * when the browser is back online. base_version lets the server refuse to overwrite silently an
 * item someone else changed meanwhile: the inspector then chooses which answer to keep.
 * Without JavaScript the same form is saved section by section by the server.
 */
(function () {
  "use strict";
  var form = document.getElementById("section-form");
  if (!form || !form.dataset.editable) return;
  document.documentElement.classList.add("js");

  var KEY = "ktcv-queue-" + form.dataset.inspection;
  var csrf = form.querySelector("input[name=csrf_token]").value;
  var status = document.getElementById("sync-status");
  var flushing = false;
  var timers = {};

  function msg(name, count) {
    return (form.dataset["msg" + name] || "").replace("%(count)s", String(count));
  }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; }
  }
  function store(queue) { localStorage.setItem(KEY, JSON.stringify(queue)); }
  function itemEl(id) { return document.getElementById("item-" + id); }
  function field(el, name) { return el.querySelector("[name='" + name + "-" + el.dataset.item + "']"); }

  function valueOf(el) {
    var type = el.dataset.type;
    if (type === "yes_no_na" || type === "rating_0_2") {
      var checked = el.querySelector("input[type=radio]:checked");
      return checked ? checked.value : null;
    }
    if (type === "text") {
      var text = field(el, "value").value;
      return text.trim() ? text : null;
    }
    var na = field(el, "na");
    if (na && na.checked) return "na";
    var number = field(el, "value").value.trim();
    return number === "" ? null : number;
  }
  function noteOf(el) { var n = field(el, "note"); return n ? n.value : ""; }
  function baseOf(el) { return parseInt(field(el, "base").value, 10) || 0; }
  function setBase(el, version) { field(el, "base").value = String(version); }

  function show(el, text, kind) {
    var p = el.querySelector(".save-state");
    p.textContent = text;
    p.className = "save-state" + (kind ? " " + kind : "");
  }
  function showStatus() {
    var pending = load().length;
    if (!status) return;
    if (pending && !navigator.onLine) { status.textContent = msg("Queued", pending); status.className = "sync offline"; }
    else if (pending) { status.textContent = msg("Saving"); status.className = "sync pending"; }
    else { status.textContent = msg("Saved"); status.className = "sync ok"; }
  }
  function applyToDom(el, value, note) {
    var type = el.dataset.type;
    if (type === "yes_no_na" || type === "rating_0_2") {
      el.querySelectorAll("input[type=radio]").forEach(function (r) { r.checked = r.value === value; });
    } else if (type === "text") {
      field(el, "value").value = value || "";
    } else {
      var na = field(el, "na");
      if (na) na.checked = value === "na";
      field(el, "value").value = value && value !== "na" ? value : "";
    }
    var n = field(el, "note");
    if (n && note !== undefined) n.value = note;
  }
  function updateProgress(progress) {
    if (!progress) return;
    document.getElementById("progress").value = progress.answered;
    document.getElementById("progress-count").textContent = progress.answered + "/" + progress.total;
    Object.keys(progress.sections).forEach(function (key) {
      var chip = document.querySelector("[data-section-count='" + key + "']");
      if (chip) chip.textContent = progress.sections[key] + "/" + chip.textContent.split("/")[1];
    });
  }

  function enqueue(el) {
    var value = valueOf(el);
    var note = noteOf(el);
    if (value === null && !note.trim()) return;
    var pending = load().filter(function (op) { return op.item_id === el.dataset.item; }).pop();
    var last = pending ? { value: pending.value, note: pending.note }
                       : { value: el.dataset.savedValue || null, note: el.dataset.savedNote || "" };
    if (last.value === value && last.note === note) return;  // nothing new: do not store a new version
    // An operation never sent may be replaced by a newer one for the same item; one that was sent
    // (and might have been stored) must keep its id so the server can recognise it.
    var queue = load().filter(function (op) { return op.item_id !== el.dataset.item || op.sent; });
    queue.push({ op_id: uuid(), item_id: el.dataset.item, value: value, note: note, base: baseOf(el), sent: false });
    store(queue);
    show(el, msg("Saving"), "pending");
  }

  function post(op) {
    var el = itemEl(op.item_id);
    return fetch(form.dataset.saveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ op_id: op.op_id, item_id: op.item_id, value: op.value, note: op.note,
                             base_version: el ? baseOf(el) : op.base })
    });
  }

  function flush() {
    if (flushing) return;
    var queue = load();
    if (!queue.length) { showStatus(); return; }
    flushing = true;
    showStatus();
    var op = queue[0];
    op.sent = true;
    store(queue);
    post(op).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return { status: response.status, body: body };
      });
    }).then(function (result) {
      var el = itemEl(op.item_id);
      if (result.status === 401) { flushing = false; status.textContent = msg("Login", load().length); return; }
      if (result.status >= 500) { throw new Error("server"); }
      store(load().filter(function (o) { return o.op_id !== op.op_id; }));
      if (el && result.status === 200) {
        setBase(el, result.body.answer.version);
        el.dataset.savedValue = result.body.answer.value === null ? "" : result.body.answer.value;
        el.dataset.savedNote = result.body.answer.note || "";
        show(el, msg("ItemSaved") + " · v" + result.body.answer.version, "ok");
        updateProgress(result.body.progress);
      } else if (el && result.status === 409 && result.body.current) {
        var box = el.querySelector(".conflict");
        var current = result.body.current;
        box.querySelector(".conflict-who").textContent = current.updated_by || "";
        box.querySelector(".conflict-value").textContent = current.value === null ? "—" : current.value;
        box.querySelector(".conflict-note").textContent = current.note || "";
        box.dataset.version = current.version;
        box.dataset.value = current.value === null ? "" : current.value;
        box.dataset.note = current.note || "";
        box.hidden = false;
        el.classList.add("has-conflict");
        show(el, result.body.message, "error");
      } else if (el) {
        show(el, result.body.message || String(result.status), "error");
      }
      flushing = false;
      flush();
    }).catch(function () {
      flushing = false;
      showStatus();
      var el = itemEl(op.item_id);
      if (el) show(el, msg("Queued", load().length), "pending");
    });
  }

  function onChange(event) {
    var target = event.target;
    if (target.classList.contains("photo-input")) return;
    var el = target.closest(".qitem");
    if (!el) return;
    if (target.name && target.name.indexOf("na-") === 0 && target.checked) field(el, "value").value = "";
    clearTimeout(timers[el.dataset.item]);
    enqueue(el);
    flush();
  }
  form.addEventListener("change", onChange);
  form.addEventListener("input", function (event) {
    var target = event.target;
    if (target.type === "radio" || target.type === "checkbox" || target.type === "file") return;
    var el = target.closest(".qitem");
    if (!el) return;
    clearTimeout(timers[el.dataset.item]);
    timers[el.dataset.item] = setTimeout(function () { enqueue(el); flush(); }, 1200);
  });

  form.addEventListener("click", function (event) {
    var el = event.target.closest(".qitem");
    if (!el) return;
    var box = el.querySelector(".conflict");
    if (event.target.classList.contains("conflict-mine")) {
      setBase(el, parseInt(box.dataset.version, 10));
      el.dataset.savedValue = box.dataset.value;
      el.dataset.savedNote = box.dataset.note;
      box.hidden = true;
      el.classList.remove("has-conflict");
      enqueue(el);
      flush();
    } else if (event.target.classList.contains("conflict-theirs")) {
      setBase(el, parseInt(box.dataset.version, 10));
      el.dataset.savedValue = box.dataset.value;
      el.dataset.savedNote = box.dataset.note;
      applyToDom(el, box.dataset.value || null, box.dataset.note);
      box.hidden = true;
      el.classList.remove("has-conflict");
      show(el, msg("ItemSaved") + " · v" + box.dataset.version, "ok");
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var href = event.submitter && event.submitter.dataset.href;
    flush();
    var wait = setInterval(function () {
      if (!load().length) { clearInterval(wait); if (href) window.location.href = href; }
      else if (!navigator.onLine) { clearInterval(wait); status.textContent = msg("Stay"); status.className = "sync offline"; }
    }, 200);
  });

  document.querySelectorAll(".photo-input").forEach(function (input) {
    input.addEventListener("change", function () {
      if (!input.files.length) return;
      var el = itemEl(input.dataset.item);
      var photoForm = document.getElementById("photo-" + input.dataset.item);
      var data = new FormData();
      data.append("csrf_token", csrf);
      data.append("photo", input.files[0]);
      show(el, msg("PhotoSending"), "pending");
      fetch(photoForm.action, { method: "POST", body: data, credentials: "same-origin",
                                headers: { "Accept": "application/json", "X-CSRFToken": csrf } })
        .then(function (response) { return response.json().then(function (body) { return { status: response.status, body: body }; }); })
        .then(function (result) {
          if (result.status !== 200) { show(el, result.body.message || String(result.status), "error"); return; }
          var link = document.createElement("a");
          link.href = result.body.url; link.className = "thumb"; link.target = "_blank";
          var img = document.createElement("img");
          img.src = result.body.thumb; img.alt = input.dataset.item;
          link.appendChild(img);
          el.querySelector(".photos").insertBefore(link, input.closest(".photo-pick"));
          show(el, msg("ItemSaved"), "ok");
          input.value = "";
        })
        .catch(function () { show(el, msg("PhotoOffline"), "error"); });
    });
  });

  // Answers queued before a reload (or while offline) are shown again, then sent.
  load().forEach(function (op) {
    var el = itemEl(op.item_id);
    if (el) { applyToDom(el, op.value, op.note); show(el, msg("Queued", load().length), "pending"); }
  });
  window.addEventListener("online", flush);
  window.addEventListener("offline", showStatus);
  setInterval(function () { if (load().length) flush(); }, 4000);
  flush();
})();
