// The catalog in the browser: run a named query (GET /api/v1/queries/NAME) or read-only Cypher (POST /api/v1/cypher)
// and show the rows as a table. CSV comes from the server (/queries/NAME/download), written like the CLI's.
(function () {
  "use strict";
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function cell(v) {
    if (v === null || v === undefined) { return ""; }
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  }
  function table(target, body) {
    target.textContent = "";
    var wrap = el("div", { "class": "result-table", tabindex: "0", role: "region", "aria-label": "Query result" });
    var t = el("table", { "class": "result" });
    t.appendChild(el("caption", {}, body.row_count + " row" + (body.row_count === 1 ? "" : "s") + (body.truncated ? " (cut at the row cap)" : "")));
    var head = el("tr");
    body.columns.forEach(function (c) { head.appendChild(el("th", { scope: "col" }, c)); });
    t.appendChild(el("thead")).appendChild(head);
    var tb = t.appendChild(el("tbody"));
    body.rows.forEach(function (row) {
      var tr = el("tr");
      body.columns.forEach(function (c) { tr.appendChild(el("td", {}, cell(row[c]))); });
      tb.appendChild(tr);
    });
    wrap.appendChild(t);
    target.appendChild(wrap);
  }
  function answer(r) {
    return r.json().then(function (body) { if (!r.ok) { throw new Error(body.error || r.statusText); } return body; });
  }
  var form = document.getElementById("query-form");
  if (form) {
    var status = document.getElementById("query-status");
    var result = document.getElementById("query-result");
    var csv = document.getElementById("download-csv");
    var json = document.getElementById("download-json");
    var params = function () {
      var out = new URLSearchParams();
      new FormData(form).forEach(function (v, k) { if (k !== "run" && v !== "") { out.append(k, v); } });
      return out.toString();
    };
    var run = function () {
      var name = form.dataset.name;
      var qs = params();
      csv.href = "/queries/" + name + "/download?" + qs;
      json.href = "/api/v1/queries/" + name + "?" + qs;
      status.textContent = "Running…";
      form.dataset.state = "running";
      fetch("/api/v1/queries/" + name + "?" + qs).then(answer).then(function (body) {
        table(result, body);
        status.textContent = body.row_count + " rows.";
        form.dataset.state = "done";
      }).catch(function (err) {
        result.textContent = "";
        status.textContent = "Error: " + err.message;
        form.dataset.state = "error";
      });
    };
    form.addEventListener("submit", function (evt) { evt.preventDefault(); run(); });
    if (new URLSearchParams(window.location.search).get("run") === "1") { run(); } else {
      csv.href = "/queries/" + form.dataset.name + "/download?" + params();
      json.href = "/api/v1/queries/" + form.dataset.name + "?" + params();
    }
    var copy = document.getElementById("copy-cypher");
    copy.addEventListener("click", function () {
      var text = document.getElementById("cypher-text").textContent;
      if (navigator.clipboard) { navigator.clipboard.writeText(text).then(function () { copy.textContent = "Copied"; }, function () { copy.textContent = "Select the text below to copy"; }); }
    });
  }
  var box = document.getElementById("cypher-form");
  if (box) {
    var text = document.getElementById("cypher-text");
    var cstatus = document.getElementById("cypher-status");
    var cresult = document.getElementById("cypher-result");
    box.querySelectorAll(".example").forEach(function (b) {
      b.addEventListener("click", function () { text.value = b.dataset.query; });
    });
    box.addEventListener("submit", function (evt) {
      evt.preventDefault();
      cstatus.textContent = "Running…";
      box.dataset.state = "running";
      fetch("/api/v1/cypher", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ query: text.value, parameters: {} }) })
        .then(answer).then(function (body) {
          table(cresult, body);
          cstatus.textContent = body.row_count + " rows.";
          box.dataset.state = "done";
        }).catch(function (err) {
          cresult.textContent = "";
          cstatus.textContent = "Refused: " + err.message;
          box.dataset.state = "error";
        });
    });
  }
})();
