/* KTCV — what a tablet keeps so that nothing typed is ever lost, and the engine that sends it.
 *
 * IndexedDB (through idb) holds three stores:
 *   ops        every change not yet definitively answered by the server: answers, photos (as blobs) and
 *              changes to the dossier sample, each with its own operation id, in the order made. An
 *              operation leaves the store only when the server has saved it (or recognised it as already
 *              saved). A refused one stays, marked, with the server's reason, until the inspector changes
 *              the item; a conflict stays until the inspector chooses which answer to keep.
 *   snapshots  the newest server state the tablet has seen for each inspection (answers with their
 *              versions, the sample with its revision), laid over a stored page that may be older.
 *   prepared   the inspections stored for work without a network.
 * Operations belong to the user who made them and are only ever sent under that user's session.
 * Besides, a draft of what is being typed is written synchronously to localStorage on every keystroke,
 * so a note typed a moment before the page is left is queued on the next visit (and sent with
 * keepalive as the page goes away).
 */
(function (global) {
  "use strict";

  var config = (function () {
    var el = document.getElementById("ktcv-config");
    try { return el ? JSON.parse(el.textContent) : {}; } catch (e) { return {}; }
  })();

  function url(name, inspectionId, itemId) {
    return (config[name] || "").replace("987654321", String(inspectionId)).replace("ITEM", itemId || "");
  }

  function uuid() {
    if (global.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  /* Operation ids this page gave to the queue: a draft holding one of them is not typed into again. */
  var handed = {};

  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = idb.openDB("ktcv", 1, {
        upgrade: function (database) {
          var ops = database.createObjectStore("ops", { keyPath: "seq", autoIncrement: true });
          ops.createIndex("inspection", "inspection_id");
          ops.createIndex("op_id", "op_id", { unique: true });
          database.createObjectStore("snapshots", { keyPath: "inspection_id" });
          database.createObjectStore("prepared", { keyPath: "inspection_id" });
        }
      });
    }
    return dbPromise;
  }

  var ACTIVE = { queued: true, sending: true };  // states still to be sent
  var listeners = [];
  function changed(inspectionId) { listeners.forEach(function (fn) { fn(inspectionId); }); }

  var Store = {
    config: config,
    url: url,
    uuid: uuid,
    onChange: function (fn) { listeners.push(fn); },

    ops: function (inspectionId, userId) {
      return db().then(function (d) { return d.getAllFromIndex("ops", "inspection", inspectionId); })
        .then(function (all) {
          return all.filter(function (op) { return userId == null || op.user_id === userId; })
                    .sort(function (a, b) { return a.seq - b.seq; });
        });
    },
    allOps: function () { return db().then(function (d) { return d.getAll("ops"); }); },

    add: function (op) {
      op.op_id = op.op_id || uuid();
      op.state = op.state || "queued";
      op.created_at = op.created_at || new Date().toISOString();
      return db().then(function (d) { return d.add("ops", op); }).then(function (seq) {
        op.seq = seq; changed(op.inspection_id); return op;
      });
    },

    /* Queue an answer. A change not yet sent replaces the earlier one for the item (a sent one keeps its
     * id so the server can recognise it); a refused answer for the item is superseded by the new one. */
    putAnswer: function (inspectionId, userId, itemId, value, note, base, opId) {
      opId = opId || uuid();
      handed[opId] = true;
      return db().then(function (d) {
        var tx = d.transaction("ops", "readwrite");
        return tx.store.index("inspection").getAll(inspectionId).then(function (all) {
          var mine = all.filter(function (op) { return op.kind === "answer" && op.item_id === itemId && op.user_id === userId; });
          var deletions = mine.filter(function (op) { return op.state === "queued" || op.state === "refused"; })
                              .map(function (op) { return tx.store.delete(op.seq); });
          var op = { op_id: opId, inspection_id: inspectionId, user_id: userId, kind: "answer",
                     item_id: itemId, value: value, note: note, base: base, state: "queued",
                     created_at: new Date().toISOString() };
          return Promise.all(deletions).then(function () { return tx.store.add(op); })
            .then(function (seq) { op.seq = seq; return tx.done.then(function () { return op; }); });
        });
      }).then(function (op) { changed(inspectionId); return op; });
    },

    update: function (op) {
      return db().then(function (d) { return d.put("ops", op); }).then(function () { changed(op.inspection_id); });
    },
    remove: function (op) {
      return db().then(function (d) { return d.delete("ops", op.seq); }).then(function () { changed(op.inspection_id); });
    },
    removeAll: function (inspectionId) {
      return Store.ops(inspectionId, null).then(function (all) {
        return db().then(function (d) {
          var tx = d.transaction("ops", "readwrite");
          all.forEach(function (op) { tx.store.delete(op.seq); });
          return tx.done;
        });
      }).then(function () { changed(inspectionId); });
    },

    /* What the tablet still holds for an inspection, by kind of standing. */
    pending: function (inspectionId, userId) {
      return Store.ops(inspectionId, userId).then(function (all) {
        var result = { queued: [], refused: [], conflict: [], total: all.length };
        all.forEach(function (op) { (ACTIVE[op.state] ? result.queued : result[op.state] || result.queued).push(op); });
        return result;
      });
    },

    snapshot: function (inspectionId) {
      return db().then(function (d) { return d.get("snapshots", inspectionId); }).then(function (snap) {
        return snap || { inspection_id: inspectionId, answers: {}, sample: null };
      });
    },
    /* Keep, for each item, the answer with the highest version seen; for the sample, the highest revision. */
    mergeSnapshot: function (inspectionId, answers, sample, own) {
      return Store.snapshot(inspectionId).then(function (snap) {
        if (own && own.to !== own.from) {  // a save of this tablet: remember which version it moved the item to
          snap.own = snap.own || {};
          snap.own[own.item] = snap.own[own.item] || {};
          snap.own[own.item][own.from] = own.to;
        }
        (answers || []).forEach(function (a) {
          var known = snap.answers[a.item_id];
          if (!known || (a.version || 0) >= (known.version || 0)) {
            snap.answers[a.item_id] = { value: a.value, note: a.note || "", version: a.version || 0,
                                        updated_by: a.updated_by || null };
          }
        });
        if (sample && (!snap.sample || sample.revision >= snap.sample.revision)) snap.sample = sample;
        return db().then(function (d) { return d.put("snapshots", snap); }).then(function () { return snap; });
      });
    },

    prepared: function () { return db().then(function (d) { return d.getAll("prepared"); }); },
    markPrepared: function (record) { return db().then(function (d) { return d.put("prepared", record); }); },
    forget: function (inspectionId) {
      return db().then(function (d) {
        return Promise.all([d.delete("prepared", inspectionId), d.delete("snapshots", inspectionId)]);
      });
    },

    /* When anything of an inspection last reached the server, from whichever page sent it: a page rendered
     * before that moment shows figures the server no longer holds. */
    sentKey: function (inspectionId) { return "ktcv-sent-" + inspectionId; },
    markSent: function (inspectionId) {
      try { localStorage.setItem(Store.sentKey(inspectionId), String(Date.now())); } catch (e) { /* full: the page's own flag still holds */ }
    },
    sentAt: function (inspectionId) {
      return parseInt(localStorage.getItem(Store.sentKey(inspectionId)) || "0", 10) || 0;
    },

    /* Drafts: what is being typed, written synchronously so that leaving the page loses nothing. */
    draftKey: function (inspectionId) { return "ktcv-drafts-" + inspectionId; },
    drafts: function (inspectionId) {
      try { return JSON.parse(localStorage.getItem(Store.draftKey(inspectionId))) || {}; } catch (e) { return {}; }
    },
    setDraft: function (inspectionId, itemId, draft) {
      var all = Store.drafts(inspectionId);
      if (draft) all[itemId] = draft; else delete all[itemId];
      localStorage.setItem(Store.draftKey(inspectionId), JSON.stringify(all));
    },
    /* The draft of an item to go on typing into. A draft whose operation id was already given to the queue
     * gets a new one: what is typed after is another operation, and the server would take a second use of
     * the id (even with other words) for the one it may already have stored. */
    draftFor: function (inspectionId, itemId) {
      var draft = Store.drafts(inspectionId)[itemId];
      return draft && !handed[draft.op_id] ? draft : { op_id: uuid() };
    },
    /* The drafts a page finds were left by an earlier page, which queued and sent them as it went. */
    inherit: function (inspectionId) {
      var drafts = Store.drafts(inspectionId);
      Object.keys(drafts).forEach(function (itemId) { handed[drafts[itemId].op_id] = true; });
    },
    /* Forget a draft once queued, unless more was typed meanwhile (then it is a newer draft, kept). */
    dropDraft: function (inspectionId, itemId, opId) {
      var all = Store.drafts(inspectionId);
      if (!all[itemId] || all[itemId].op_id !== opId) return;
      delete all[itemId];
      localStorage.setItem(Store.draftKey(inspectionId), JSON.stringify(all));
    },
    /* Queue what was typed before a page was left and not yet queued (each draft keeps its operation id,
     * so one that also went out with keepalive is recognised by the server). */
    adoptDrafts: function (inspectionId, userId) {
      var drafts = Store.drafts(inspectionId);
      return Object.keys(drafts).reduce(function (chain, itemId) {
        var d = drafts[itemId];
        return chain.then(function () {
          return Store.putAnswer(inspectionId, userId, itemId, d.value, d.note, d.base, d.op_id);
        }).then(function () { Store.dropDraft(inspectionId, itemId, d.op_id); });
      }, Promise.resolve());
    }
  };

  /* ------------------------------------------------------------------ sending */

  var token = null;
  function csrfToken() {
    if (token) return token;
    var input = document.querySelector("input[name=csrf_token]");
    return input ? input.value : "";
  }
  function freshToken() {
    return fetch(config.csrf, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (response.status === 401) return null;
        if (!response.ok) throw new Error("network");
        return response.json().then(function (body) { token = body.csrf_token; return body; });
      });
  }

  /* The version an answer was based on, carried forward over this tablet's own saves of the item: a second
   * change made while the first was on its way must not conflict with the first. Another inspector's save
   * breaks the chain, and then the server answers with a conflict, as it should. */
  function effectiveBase(op) {
    return Store.snapshot(op.inspection_id).then(function (snap) {
      var chain = (snap.own || {})[op.item_id] || {};
      var base = op.base || 0, guard = 0;
      while (chain[base] !== undefined && guard++ < 1000) base = chain[base];
      return base;
    });
  }

  function request(op) {
    var headers = { "Accept": "application/json", "X-CSRFToken": csrfToken() };
    if (op.kind === "answer") {
      headers["Content-Type"] = "application/json";
      return effectiveBase(op).then(function (base) {
        op.sent_base = base;
        return fetch(url("answers", op.inspection_id), {
          method: "POST", credentials: "same-origin", headers: headers,
          body: JSON.stringify({ op_id: op.op_id, item_id: op.item_id, value: op.value, note: op.note,
                                 base_version: base })
        });
      });
    }
    if (op.kind === "photo") {
      var data = new FormData();
      data.append("photo", op.blob, op.filename || "anh.jpg");
      data.append("op_id", op.op_id);
      if (op.taken_at) data.append("taken_at", op.taken_at);
      return fetch(url("photo", op.inspection_id, op.item_id), {
        method: "POST", credentials: "same-origin", headers: headers, body: data
      });
    }
    headers["Content-Type"] = "application/json";
    return fetch(url("dossiers", op.inspection_id), {
      method: "POST", credentials: "same-origin", headers: headers,
      body: JSON.stringify({ op_id: op.op_id, action: op.action, client_id: op.client_id, dossier: op.dossier })
    });
  }

  /* Send one operation; resolves to an outcome: saved | conflict | refused | login | retry. */
  function send(op, retried) {
    return request(op).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        var status = response.status;
        if (status === 401 && body && body.status === "csrf" && !retried) {
          return freshToken().then(function (fresh) { return fresh ? send(op, true) : { outcome: "login" }; });
        }
        if (status === 401) return { outcome: "login" };
        if (body === null || status >= 500 || status === 429) return { outcome: "retry" };
        if (status === 200) return { outcome: "saved", body: body };
        if (status === 409 && body.current) return { outcome: "conflict", body: body };
        return { outcome: "refused", body: body };
      });
    }, function () { return { outcome: "retry" }; });
  }

  /* The sync engine of one page: sends the queue of an inspection in order and says how it went. */
  function Sync(inspectionId, userId, handlers) {
    this.inspectionId = inspectionId;
    this.userId = userId;
    this.handlers = handlers || {};
    this.running = false;
    this.needsLogin = false;
    this.online = navigator.onLine;
    this.delay = 2000;
    var self = this;
    global.addEventListener("online", function () { self.online = true; self.delay = 2000; self.flush(); });
    global.addEventListener("offline", function () { self.online = false; self.report(); });
    setInterval(function () { self.flush(); }, 15000);
  }

  Sync.prototype.report = function () {
    var self = this;
    return Store.pending(this.inspectionId, this.userId).then(function (pending) {
      if (self.handlers.onStatus) {
        self.handlers.onStatus({ pending: pending, online: self.online, sending: self.running,
                                 needsLogin: self.needsLogin });
      }
      return pending;
    });
  };

  Sync.prototype.flush = function () {
    var self = this;
    if (self.running || self.userId == null) return Promise.resolve();
    self.running = true;
    var run = function () { return self.drain(); };
    var locked = navigator.locks ? navigator.locks.request("ktcv-sync-" + self.inspectionId, run) : run();
    return locked.then(function () { self.running = false; return self.report(); },
                       function () { self.running = false; return self.report(); });
  };

  /* Whether a newer answer to the same item was queued after ``op`` (read again once ``op`` came back). */
  function superseded(op) {
    return Store.ops(op.inspection_id, op.user_id).then(function (all) {
      return all.some(function (o) { return o.kind === "answer" && op.kind === "answer" && o.item_id === op.item_id && o.seq > op.seq; });
    });
  }

  Sync.prototype.drain = function () {
    var self = this;
    return Store.ops(self.inspectionId, self.userId).then(function (all) {
      var op = all.filter(function (o) { return ACTIVE[o.state]; })[0];
      if (!op) { self.report(); return null; }
      op.state = "sending";
      return Store.update(op).then(function () { self.report(); return send(op); }).then(function (result) {
        if (result.outcome === "retry" || result.outcome === "login") {
          op.state = "queued";
          return Store.update(op).then(function () {
            if (result.outcome === "login") {
              self.needsLogin = true;
              if (self.handlers.onLogin) self.handlers.onLogin();
            } else {
              self.online = false;  // the network failed us, whatever the browser says
              setTimeout(function () { self.online = navigator.onLine; self.flush(); }, self.delay);
              self.delay = Math.min(self.delay * 2, 60000);
            }
            return null;
          });
        }
        self.needsLogin = false;
        self.online = true;
        self.delay = 2000;
        var done;
        if (result.outcome === "saved") {
          Store.markSent(op.inspection_id);
          done = Store.remove(op).then(function () { return self.absorb(op, result.body); });
          if (self.handlers.onSaved) done = done.then(function () { self.handlers.onSaved(op, result.body); });
        } else {
          // a refused answer the inspector has changed since it was sent is superseded by the newer one
          done = (result.outcome === "refused" ? superseded(op) : Promise.resolve(false)).then(function (newer) {
            if (newer) return Store.remove(op);
            op.state = result.outcome;
            op.message = (result.body && result.body.message) || "";
            if (result.outcome === "conflict") op.current = result.body.current;
            return Store.update(op).then(function () {
              var handler = result.outcome === "conflict" ? self.handlers.onConflict : self.handlers.onRefused;
              if (handler) handler(op, result.body);
            });
          });
        }
        return done.then(function () { return self.drain(); });
      });
    });
  };

  /* What a saved operation tells about the server's state. */
  Sync.prototype.absorb = function (op, body) {
    if (op.kind === "answer" && body.answer) {
      return Store.mergeSnapshot(op.inspection_id, [body.answer], null, {
        item: op.item_id, from: op.sent_base || op.base || 0, to: body.answer.version });
    }
    if (op.kind === "dossier" && body.dossiers) {
      return Store.mergeSnapshot(op.inspection_id, [], { revision: body.revision, rows: body.dossiers });
    }
    return Promise.resolve();
  };

  /* As the page goes away: send what is waiting without waiting for the answer (the queue keeps it too,
   * and the server recognises it by its id if it arrives twice). */
  Sync.prototype.beacon = function (ops) {
    ops.forEach(function (op) {
      if (op.kind !== "answer") return;
      try {
        fetch(url("answers", op.inspection_id), {
          method: "POST", credentials: "same-origin", keepalive: true,
          headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken() },
          body: JSON.stringify({ op_id: op.op_id, item_id: op.item_id, value: op.value, note: op.note,
                                 base_version: op.base })
        }).catch(function () {});
      } catch (e) { /* nothing to do: the queue still holds it */ }
    });
  };

  global.KtcvStore = Store;
  global.KtcvSync = Sync;
})(window);
