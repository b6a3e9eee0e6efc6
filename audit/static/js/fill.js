/* KTCV — filling the checklist on a tablet, with or without a network.
 *
 * Every answer, note and photo goes into the tablet's queue (store.js) before anything is sent, so a
 * dropped connection, a reload, a closed browser or a page left mid-sentence loses nothing. The queue
 * is sent in order; the status line says honestly what is saved, what waits on the tablet, what the
 * server refused (the refused value stays in the box, marked, with the reason) and where another
 * inspector changed the same item (both answers are shown; the inspector's own is kept until they
 * choose). Moving between sections never waits for the network. Without JavaScript the same form is
 * saved section by section by the server.
 */
(function () {
  "use strict";
  var form = document.getElementById("section-form");
  if (!form || !form.dataset.editable || !window.KtcvStore) return;
  document.documentElement.classList.add("js");

  var Store = KtcvStore;
  var inspectionId = parseInt(form.dataset.inspection, 10);
  var userId = Store.config.user;
  var status = document.getElementById("sync-status");
  var timers = {};
  var items = {};
  form.querySelectorAll(".qitem").forEach(function (el) { items[el.dataset.item] = el; });
  // Drafts left by the previous page were queued and sent as it went: what is typed from now on is another
  // operation, even before they are adopted below.
  Store.inherit(inspectionId);

  function msg(name, params) {
    var text = form.dataset["msg" + name] || "";
    Object.keys(params || {}).forEach(function (key) { text = text.replace("%(" + key + ")s", String(params[key])); });
    return text;
  }
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
  function setBase(el, version) { field(el, "base").value = String(version || 0); }
  function saved(el) { return { value: el.dataset.savedValue || null, note: el.dataset.savedNote || "" }; }
  function setSaved(el, answer) {
    setBase(el, answer.version);
    el.dataset.savedValue = answer.value === null || answer.value === undefined ? "" : answer.value;
    el.dataset.savedNote = answer.note || "";
  }
  function label(el, value) {
    if (value === null || value === undefined || value === "") return "—";
    var labels = JSON.parse(el.dataset.labels || "{}");
    if (labels[value]) return labels[value];
    if (el.dataset.type === "percentage") return String(value).replace(".", ",") + " %";
    return String(value).replace(".", ",");
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
    if (n && note !== undefined && note !== null) n.value = note;
  }
  function show(el, text, kind) {
    var p = el.querySelector(".save-state");
    p.textContent = text;
    p.className = "save-state" + (kind ? " " + kind : "");
    el.classList.toggle("has-error", kind === "error");
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

  /* ------------------------------------------------------------- conflicts: both answers, the inspector chooses */

  var conflicts = {};  // item → the conflict operation kept on the tablet
  function showConflict(el, op) {
    conflicts[op.item_id] = op;
    var box = el.querySelector(".conflict");
    var current = op.current || {};
    box.querySelector(".conflict-who").textContent = current.updated_by || "";
    box.querySelector(".conflict-theirs-text").textContent = label(el, current.value) + (current.note ? " — " + current.note : "");
    box.querySelector(".conflict-mine-value").textContent = label(el, op.value) + (op.note ? " — " + op.note : "");
    box.hidden = false;
    el.classList.add("has-conflict");
    show(el, op.message || msg("Conflict"), "conflict");
  }
  function clearConflict(el) {
    delete conflicts[el.dataset.item];
    el.querySelector(".conflict").hidden = true;
    el.classList.remove("has-conflict");
  }

  /* ------------------------------------------------------------- queueing what the inspector does */

  function differs(el, value, note) {
    var last = saved(el);
    return last.value !== value || last.note !== note;
  }

  function commit(el) {
    var id = el.dataset.item;
    clearTimeout(timers[id]);
    var value = valueOf(el), note = noteOf(el);
    var draft = Store.drafts(inspectionId)[id];
    if (conflicts[id]) {  // while in conflict, the tablet keeps the inspector's answer without sending it
      var op = conflicts[id];
      op.value = value; op.note = note;
      Store.setDraft(inspectionId, id, null);
      // a tap on "keep mine" may have settled the conflict while this was stored: then nothing is shown again
      return Store.update(op).then(function () { if (conflicts[id] === op) showConflict(el, op); });
    }
    if (!differs(el, value, note) && !draft && !el.dataset.queued) {
      Store.setDraft(inspectionId, id, null);
      return Promise.resolve();
    }
    el.dataset.queued = "1";
    var opId = draft ? draft.op_id : Store.uuid();
    return Store.putAnswer(inspectionId, userId, id, value, note, baseOf(el), opId)
      .then(function () {
        Store.dropDraft(inspectionId, id, opId);  // a note typed while this was being queued stays a draft
        show(el, msg("ItemQueued"), "pending");
      });
  }

  function remember(el) {  // synchronously, so that leaving the page now loses nothing
    var id = el.dataset.item;
    if (conflicts[id]) return;
    var draft = Store.draftFor(inspectionId, id);
    draft.value = valueOf(el); draft.note = noteOf(el); draft.base = baseOf(el);
    Store.setDraft(inspectionId, id, draft);
  }

  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.classList.contains("photo-input")) return;
    var el = target.closest(".qitem");
    if (!el) return;
    if (target.name && target.name.indexOf("na-") === 0 && target.checked) field(el, "value").value = "";
    remember(el);
    commit(el).then(flush);
  });
  form.addEventListener("input", function (event) {
    var target = event.target;
    if (target.type === "radio" || target.type === "checkbox" || target.type === "file") return;
    var el = target.closest(".qitem");
    if (!el) return;
    remember(el);
    clearTimeout(timers[el.dataset.item]);
    timers[el.dataset.item] = setTimeout(function () { commit(el).then(flush); }, 800);
  });

  form.addEventListener("click", function (event) {
    var el = event.target.closest(".qitem");
    if (!el) return;
    var op = conflicts[el.dataset.item];
    if (!op) return;
    if (event.target.classList.contains("conflict-mine")) {
      event.preventDefault();
      var current = op.current || {};
      clearConflict(el);
      setSaved(el, current);
      Store.remove(op)
        .then(function () { return Store.putAnswer(inspectionId, userId, op.item_id, op.value, op.note, current.version || 0); })
        .then(function () { show(el, msg("ItemQueued"), "pending"); flush(); });
    } else if (event.target.classList.contains("conflict-theirs")) {
      event.preventDefault();
      var stored = op.current || {};
      clearConflict(el);
      setSaved(el, stored);
      applyToDom(el, stored.value, stored.note);
      Store.remove(op)
        .then(function () { return Store.mergeSnapshot(inspectionId, [stored], null); })
        .then(function () { show(el, msg("ItemSaved"), "ok"); refresh(); });
    }
  });

  /* The section buttons never wait for the network: everything is on the tablet before the next page opens. */
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var href = event.submitter && event.submitter.dataset.href;
    Promise.all(Object.keys(items).map(function (id) { return commit(items[id]); })).then(function () {
      if (href) window.location.href = href;
      else flush();
    });
  });

  /* Leaving the page: what was typed in the last moments goes to the queue and, with keepalive, to the server. */
  function leaving() {
    var drafts = Store.drafts(inspectionId);
    var ops = Object.keys(drafts).map(function (id) {
      var d = drafts[id];
      return { op_id: d.op_id, inspection_id: inspectionId, user_id: userId, kind: "answer", item_id: id,
               value: d.value, note: d.note, base: d.base };
    });
    ops.forEach(function (op) {
      Store.putAnswer(inspectionId, userId, op.item_id, op.value, op.note, op.base, op.op_id);
    });
    if (navigator.onLine && sync) sync.beacon(ops);
  }
  window.addEventListener("pagehide", leaving);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") leaving(); });

  /* ------------------------------------------------------------- photos: resized on the tablet, queued as blobs */

  var maxSide = parseInt(form.dataset.photoMax, 10) || 1600;
  function resize(file) {
    if (!window.createImageBitmap) return Promise.resolve(file);
    return createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bitmap) {
      var scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) { canvas.toBlob(resolve, "image/jpeg", 0.85); });
    });
  }
  function thumb(el, src, pending, seq) {
    var link = document.createElement("a");
    link.className = "thumb" + (pending ? " pending" : "");
    if (seq) link.dataset.seq = String(seq);
    var img = document.createElement("img");
    img.src = src; img.alt = el.dataset.item;
    link.appendChild(img);
    var caption = document.createElement("small");
    caption.textContent = pending ? msg("PhotoQueued") : "";
    link.appendChild(caption);
    el.querySelector(".photos").insertBefore(link, el.querySelector(".photo-pick"));
    return link;
  }
  document.querySelectorAll(".photo-input").forEach(function (input) {
    input.addEventListener("change", function () {
      if (!input.files.length) return;
      var file = input.files[0];
      var el = items[input.dataset.item];
      var takenAt = new Date(file.lastModified || Date.now()).toISOString();
      resize(file).then(function (blob) {
        return Store.add({ inspection_id: inspectionId, user_id: userId, kind: "photo", item_id: input.dataset.item,
                           blob: blob, filename: (file.name || "anh").replace(/\.[^.]*$/, "") + ".jpg",
                           taken_at: takenAt });
      }).then(function (op) {
        thumb(el, URL.createObjectURL(op.blob), true, op.seq);
        input.value = "";
        flush();
      }, function () { show(el, msg("PhotoUnreadable"), "error"); });
    });
  });

  /* ------------------------------------------------------------- the status line, honest */

  function describe(state) {
    var p = state.pending;
    var drafts = Object.keys(Store.drafts(inspectionId)).length;
    var waiting = p.queued.length + drafts;
    var parts = [], kind = "ok";
    if (state.needsLogin) {
      parts.push(msg("Login", { count: waiting }));
      kind = "offline";
    } else if (waiting && !state.online) {
      parts.push(msg("Queued", { count: waiting })); kind = "offline";
    } else if (waiting) {
      parts.push(msg("Saving", { count: waiting })); kind = "pending";
    }
    if (p.refused.length) {
      parts.push(msg("Refused", { count: p.refused.length, items: p.refused.map(function (o) {
        return (o.item_id || "") + (o.message ? " (" + o.message + ")" : "");
      }).join("; ") }));
      kind = "error";
    }
    if (p.conflict.length) {
      parts.push(msg("Conflicts", { count: p.conflict.length,
                                    items: p.conflict.map(function (o) { return o.item_id; }).join(", ") }));
      kind = "error";
    }
    if (!parts.length) {
      var answered = parseInt(document.getElementById("progress").value, 10) || 0;
      if (!answered) return { text: "", kind: "" };
      parts.push(msg("Saved"));
    }
    return { text: parts.join(" "), kind: kind };
  }
  function onStatus(state) {
    var d = describe(state);
    status.textContent = d.text;
    status.className = "sync " + d.kind;
    if (state.needsLogin) {
      var link = document.createElement("a");
      link.href = Store.config.login + "?next=" + encodeURIComponent(location.pathname);
      link.textContent = msg("LoginLink");
      link.className = "btn btn-small";
      status.appendChild(document.createTextNode(" "));
      status.appendChild(link);
    }
  }

  var sync = new KtcvSync(inspectionId, userId, {
    onStatus: onStatus,
    onLogin: function () {},
    onSaved: function (op, body) {
      var el = items[op.item_id];
      if (op.kind === "answer" && el) {
        setSaved(el, body.answer);
        delete el.dataset.queued;
        show(el, msg("ItemSaved"), "ok");
        updateProgress(body.progress);
      } else if (op.kind === "photo" && el) {
        var pending = el.querySelector(".thumb.pending[data-seq='" + op.seq + "']");
        if (pending) {
          pending.classList.remove("pending");
          pending.href = body.url;
          pending.querySelector("img").src = body.thumb;
          pending.querySelector("small").textContent = "";
        }
        show(el, msg("ItemSaved"), "ok");
      }
    },
    onRefused: function (op) {
      var el = items[op.item_id];
      if (!el) return;
      delete el.dataset.queued;
      // the refused value stays in the box, marked (the box is never reset: the inspector may have typed on)
      show(el, msg("ItemRefused", { message: op.message }), "error");
    },
    onConflict: function (op) {
      var el = items[op.item_id];
      if (!el) return;
      delete el.dataset.queued;
      if (op.kind === "answer" && (valueOf(el) !== op.value || noteOf(el) !== op.note)) {
        op.value = valueOf(el); op.note = noteOf(el);  // typed on while the save was out: that is "mine" now
        Store.setDraft(inspectionId, op.item_id, null);
        Store.update(op);
      }
      showConflict(el, op);
    }
  });
  function flush() { return sync.flush(); }
  function refresh() { return sync.report(); }
  Store.onChange(function (id) { if (id === inspectionId) refresh(); });

  /* ------------------------------------------------------------- on load: newest state, then the tablet's own */

  var pageAnswers = [];
  Object.keys(items).forEach(function (id) {
    var el = items[id];
    if (baseOf(el)) pageAnswers.push({ item_id: id, value: el.dataset.savedValue || null,
                                       note: el.dataset.savedNote || "", version: baseOf(el) });
  });
  Store.snapshot(inspectionId).then(function (snap) {
    Object.keys(items).forEach(function (id) {
      var known = snap.answers[id];
      var el = items[id];
      if (known && known.version > baseOf(el)) {  // this page is an older stored copy
        setSaved(el, known);
        applyToDom(el, known.value, known.note);
        show(el, msg("ItemSaved"), "ok");
      }
    });
    return Store.mergeSnapshot(inspectionId, pageAnswers, null);
  }).then(function () {
    return Store.adoptDrafts(inspectionId, userId);  // typed before the page was last left, not yet queued
  }).then(function () {
    return Store.ops(inspectionId, userId);
  }).then(function (ops) {
    ops.forEach(function (op) {
      var el = items[op.item_id];
      if (!el) return;
      if (op.kind === "photo") { thumb(el, URL.createObjectURL(op.blob), true, op.seq); return; }
      if (op.kind !== "answer") return;
      var typed = Store.drafts(inspectionId)[op.item_id];
      // typed on while this page was loading: the box holds newer words than the queue, and keeps them
      if (!typed || typed.op_id === op.op_id) applyToDom(el, op.value, op.note);
      if (op.state === "conflict") showConflict(el, op);
      else if (op.state === "refused") show(el, msg("ItemRefused", { message: op.message }), "error");
      else { el.dataset.queued = "1"; show(el, msg("ItemQueued"), "pending"); }
    });
    return flush();
  });
})();
