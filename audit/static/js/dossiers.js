/* KTCV — the dossier sample on a tablet, with or without a network.
 *
 * Adding, correcting and removing a sampled dossier go into the tablet's queue (store.js) with the
 * dossier's own id, so a dossier added offline can be corrected or removed before it has reached the
 * server. Rows the tablet holds but has not sent are shown as such; a refused change stays, marked,
 * with the server's reason. Without JavaScript the forms are sent to the server as they are.
 */
(function () {
  "use strict";
  var section = document.getElementById("sample");
  var form = document.getElementById("dossier-form");
  if (!section || !section.dataset.editable || !form || !window.KtcvStore) return;
  var Store = KtcvStore;
  var inspectionId = parseInt(section.dataset.inspection, 10);
  var userId = Store.config.user;
  var table = document.getElementById("sample-rows");
  var body = table.querySelector("tbody");
  var labels = JSON.parse(section.dataset.fieldLabels || "{}");
  var FLAGS = ["in_register", "in_system", "control_slip_complete", "apology_issued"];
  var serverRows = JSON.parse(document.getElementById("sample-data").textContent || "[]");
  var revision = parseInt(section.dataset.revision, 10) || 0;
  var editing = null;  // client id of the dossier being corrected

  function vnDate(iso) {
    if (!iso) return "";
    var parts = iso.split("-");
    return parts.length === 3 ? parts[2] + "/" + parts[1] + "/" + parts[0] : iso;
  }
  function isoDate(text) {
    var m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((text || "").trim());
    if (m) return m[3] + "-" + ("0" + m[2]).slice(-2) + "-" + ("0" + m[1]).slice(-2);
    return (text || "").trim();
  }
  function read() {
    var data = { code: form.elements.code.value.trim(), field: form.elements.field.value,
                 received: isoDate(form.elements.received_date.value), due: isoDate(form.elements.due_date.value),
                 returned: isoDate(form.elements.returned_date.value) || null };
    FLAGS.forEach(function (flag) { data[flag] = form.elements[flag].checked; });
    return data;
  }
  function fill(row) {
    form.elements.code.value = row.code;
    form.elements.field.value = row.field;
    form.elements.received_date.value = vnDate(row.received);
    form.elements.due_date.value = vnDate(row.due);
    form.elements.returned_date.value = vnDate(row.returned);
    FLAGS.forEach(function (flag) { form.elements[flag].checked = !!row[flag]; });
  }
  function reset() {
    editing = null;
    form.reset();
    var title = document.getElementById("dossier-form-title");
    title.textContent = title.dataset.title || title.textContent;
    var button = document.getElementById("dossier-submit");
    button.textContent = button.dataset.addLabel || button.textContent;
    document.getElementById("dossier-cancel").hidden = true;
  }

  /* The sample as this tablet knows it: the newest server copy, then the tablet's own changes. */
  function render() {
    return Promise.all([Store.snapshot(inspectionId), Store.ops(inspectionId, userId)]).then(function (both) {
      var snap = both[0], ops = both[1].filter(function (op) { return op.kind === "dossier"; });
      var rows = snap.sample && snap.sample.revision > revision ? snap.sample.rows : serverRows;
      var byId = {}, order = [];
      rows.forEach(function (r) { byId[r.client_id] = { row: r, state: "" }; order.push(r.client_id); });
      ops.forEach(function (op) {
        var known = byId[op.client_id];
        var state = op.state === "refused" ? "refused" : op.action === "remove" ? "removed" : "pending";
        if (op.action === "add" && !known) { byId[op.client_id] = { row: op.dossier, state: state, op: op }; order.push(op.client_id); }
        else if (known) { known.row = op.action === "remove" ? known.row : op.dossier; known.state = state; known.op = op; }
      });
      body.textContent = "";
      order.forEach(function (clientId) { body.appendChild(rowElement(clientId, byId[clientId])); });
      table.hidden = !order.length;
      document.getElementById("sample-count").textContent = String(order.filter(function (id) {
        return byId[id].state !== "removed";
      }).length);
    });
  }
  function cell(text, labelText) {
    var td = document.createElement("td");
    td.textContent = text;
    if (labelText) td.dataset.label = labelText;
    return td;
  }
  function rowElement(clientId, entry) {
    var row = entry.row, tr = document.createElement("tr");
    tr.dataset.clientId = clientId;
    if (entry.state) tr.className = entry.state + "-row";
    tr.appendChild(cell(row.code));
    tr.appendChild(cell(labels[row.field] || row.field));
    tr.appendChild(cell(vnDate(row.received)));
    tr.appendChild(cell(vnDate(row.due)));
    tr.appendChild(cell(row.returned ? vnDate(row.returned) : section.dataset.msgNotYet));
    tr.appendChild(cell(["Mẫu 06", "HT", "Mẫu 05", "Mẫu 04"].map(function (name, i) {
      return name + " " + (row[FLAGS[i]] ? "✓" : "✗"); }).join(" · ")));
    var actions = document.createElement("td");
    if (entry.state) {
      var stateLine = document.createElement("div");
      stateLine.className = "row-state";
      stateLine.textContent = entry.state === "refused" ? section.dataset.msgRefused + ": " + (entry.op.message || "")
        : entry.state === "removed" ? section.dataset.msgRemoved : section.dataset.msgPending;
      actions.appendChild(stateLine);
    }
    if (entry.state !== "removed") {
      var edit = document.createElement("button");
      edit.type = "button"; edit.className = "btn btn-small dossier-edit"; edit.textContent = form.dataset.correct || "Sửa";
      edit.addEventListener("click", function () {
        editing = clientId;
        fill(row);
        var title = document.getElementById("dossier-form-title");
        title.dataset.title = title.dataset.title || title.textContent;
        title.textContent = title.dataset.editTitle;
        var button = document.getElementById("dossier-submit");
        button.dataset.addLabel = button.dataset.addLabel || button.textContent;
        button.textContent = button.dataset.editLabel;
        document.getElementById("dossier-cancel").hidden = false;
        form.scrollIntoView({ behavior: "smooth" });
      });
      var remove = document.createElement("button");
      remove.type = "button"; remove.className = "btn btn-small dossier-remove-btn"; remove.textContent = form.dataset.remove || "Xóa";
      remove.addEventListener("click", function () {
        if (!window.confirm(form.dataset.confirmRemove.replace("%(code)s", row.code))) return;
        queue({ action: "remove", client_id: clientId, dossier: null });
      });
      actions.appendChild(edit);
      actions.appendChild(remove);
    }
    tr.appendChild(actions);
    return tr;
  }

  function queue(change) {
    return Store.add({ inspection_id: inspectionId, user_id: userId, kind: "dossier", action: change.action,
                       client_id: change.client_id, dossier: change.dossier })
      .then(render).then(function () { return sync.flush(); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = read();
    if (!data.code || !data.received || !data.due) { form.reportValidity(); return; }
    var clientId = editing;
    reset();
    if (!clientId) { queue({ action: "add", client_id: Store.uuid(), dossier: data }); return; }
    // A dossier whose addition has not reached the server (waiting, or refused) is corrected by adding it
    // again with the new values; one the server holds gets a correction.
    Store.ops(inspectionId, userId).then(function (ops) {
      var unsentAdd = ops.filter(function (op) {
        return op.kind === "dossier" && op.client_id === clientId && op.action === "add" &&
               (op.state === "queued" || op.state === "refused");
      })[0];
      if (!unsentAdd) return queue({ action: "edit", client_id: clientId, dossier: data });
      return Store.remove(unsentAdd).then(function () {
        return queue({ action: "add", client_id: clientId, dossier: data });
      });
    });
  });
  document.getElementById("dossier-cancel").addEventListener("click", reset);
  body.addEventListener("submit", function (event) { event.preventDefault(); });

  /* The sample's figures are computed by the server: once this page's changes reached it, the figures are
   * read again and only they are replaced (never the page: the inspector may be typing the next dossier). */
  var sentHere = false;
  function refreshStanding() {
    sentHere = false;
    return fetch(location.pathname, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok || response.redirected) return null;
      return response.text().then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("sample-standing");
        var shown = document.getElementById("sample-standing");
        if (fresh && shown) shown.innerHTML = fresh.innerHTML;
      });
    }).catch(function () { /* offline again: the figures wait for the next change */ });
  }
  var sync = new KtcvSync(inspectionId, userId, {
    onStatus: function (state) {
      if (sentHere && !state.pending.total) refreshStanding();
    },
    onSaved: function (op, response) {
      if (op.kind !== "dossier") return;  // this page sends the answers and photos waiting too
      sentHere = true;
      revision = response.revision;
      serverRows = response.dossiers;
      render();
    },
    onRefused: function () { render(); }
  });
  Store.onChange(function (id) { if (id === inspectionId) render(); });
  Store.mergeSnapshot(inspectionId, [], { revision: revision, rows: serverRows }).then(render).then(function () {
    return Store.adoptDrafts(inspectionId, userId);  // a note typed just before leaving the checklist
  }).then(function () { return sync.flush(); });
})();
