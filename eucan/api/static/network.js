// The cooperation network: draws GET /api/v1/network with Cytoscape.js (vendored), redraws for the as-of day and
// filters, and keeps the same content as a table. One section.network-box per page; data-network is its query.
(function () {
  "use strict";
  var box = document.querySelector(".network-box");
  if (!box || typeof cytoscape === "undefined") { return; }
  var FIRST = Date.UTC(1949, 0, 1);
  var DAY = 86400000;
  var TYPE_COLOURS = {
    State: "#1f5fa8", InternationalOrganisation: "#b3421c", EUInstitution: "#1e7a3c", EUBody: "#6b3fa0",
    GovernmentDepartment: "#a0761d", Organisation: "#b8336a", Person: "#4a4a4a"
  };
  var DOMAIN_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    "#17becf", "#ff7f0e", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];
  var slider = box.querySelector(".as-of-slider");
  var dateInput = box.querySelector(".as-of-date");
  var allDates = box.querySelector(".all-dates");
  var shown = box.querySelector(".as-of-shown");
  var status = box.querySelector(".status");
  var tableBox = box.querySelector(".net-table");
  var picture = box.querySelector(".cy");
  var legend = box.querySelector(".legend");
  var edgeInfo = box.querySelector(".edge-info");
  var fDomain = box.querySelector(".f-domain");
  var fType = box.querySelector(".f-type");
  var today = Math.floor((Date.now() - FIRST) / DAY);
  slider.max = String(today);
  var cy = null;
  var current = null;

  function dayOf(index) { return new Date(FIRST + index * DAY).toISOString().slice(0, 10); }
  function indexOf(day) { return Math.round((Date.parse(day + "T00:00:00Z") - FIRST) / DAY); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function setDay(day) {
    dateInput.value = day;
    slider.value = String(indexOf(day));
    shown.textContent = allDates.checked ? "all dates" : "as of " + day;
  }
  function query() {
    var parts = [];
    if (box.dataset.network) { parts.push(box.dataset.network); }
    if (!allDates.checked && dateInput.value) { parts.push("as_of=" + encodeURIComponent(dateInput.value)); }
    if (fDomain && fDomain.value) { parts.push("domain=" + encodeURIComponent(fDomain.value)); }
    if (fType && fType.value) { parts.push("instrument_type=" + encodeURIComponent(fType.value)); }
    return "/api/v1/network?" + parts.join("&");
  }
  function domainColour(net) {
    var ids = [];
    net.edges.forEach(function (e) { if (e.domain && ids.indexOf(e.domain) < 0) { ids.push(e.domain); } });
    ids.sort();
    var map = {};
    ids.forEach(function (d, i) { map[d] = DOMAIN_COLOURS[i % DOMAIN_COLOURS.length]; });
    return map;
  }
  function names(net) {
    var byId = {};
    net.nodes.forEach(function (n) { byId[n.id] = n.name || n.id; });
    return byId;
  }
  function showEdge(edge, byId) {
    edgeInfo.textContent = "";
    edgeInfo.appendChild(el("h3", {}, (byId[edge.source] || edge.source) + " — " + (byId[edge.target] || edge.target) + ": " + edge.instruments.length + " shared instrument" + (edge.instruments.length === 1 ? "" : "s")));
    var list = el("ul", { "class": "edge-instruments" });
    edge.instruments.forEach(function (i) {
      var item = el("li");
      item.appendChild(el("a", { href: "/page/instrument/" + i.id }, i.name || i.id));
      item.appendChild(document.createTextNode(" " + (i.type || "") + " · sources: "));
      i.sources.forEach(function (s, k) {
        var a = el("a", { href: s.url, "class": "source-link", title: s.quote }, String(k + 1));
        item.appendChild(a);
        item.appendChild(document.createTextNode(" "));
      });
      list.appendChild(item);
    });
    edgeInfo.appendChild(list);
  }
  function drawTable(net, byId) {
    tableBox.textContent = "";
    var nodes = el("table", { "class": "net-nodes" });
    nodes.appendChild(el("caption", {}, net.nodes.length + " actors"));
    var head = el("tr");
    ["Actor", "Type", "Instruments in view"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
    nodes.appendChild(el("thead")).appendChild(head);
    var body = nodes.appendChild(el("tbody"));
    net.nodes.forEach(function (n) {
      var row = el("tr", { "data-id": n.id });
      row.appendChild(el("td")).appendChild(el("a", { href: "/page/actor/" + n.id }, n.name || n.id));
      row.appendChild(el("td", {}, n.type || ""));
      row.appendChild(el("td", {}, String(n.participations)));
      body.appendChild(row);
    });
    tableBox.appendChild(nodes);
    var edges = el("table", { "class": "net-edges" });
    edges.appendChild(el("caption", {}, net.edges.length + " links (shared instruments)"));
    var eh = el("tr");
    ["Actor", "Partner", "Instruments", "Sources"].forEach(function (h) { eh.appendChild(el("th", { scope: "col" }, h)); });
    edges.appendChild(el("thead")).appendChild(eh);
    var eb = edges.appendChild(el("tbody"));
    net.edges.forEach(function (e) {
      var row = el("tr");
      row.appendChild(el("td", {}, byId[e.source] || e.source));
      row.appendChild(el("td", {}, byId[e.target] || e.target));
      row.appendChild(el("td", {}, e.instruments.map(function (i) { return i.name || i.id; }).join("; ")));
      var b = el("button", { type: "button" }, "sources");
      b.addEventListener("click", function () { showEdge(e, byId); });
      row.appendChild(el("td")).appendChild(b);
      eb.appendChild(row);
    });
    tableBox.appendChild(edges);
  }
  function drawLegend(net, colours) {
    legend.textContent = "";
    var types = {};
    net.nodes.forEach(function (n) { types[n.type || "?"] = true; });
    Object.keys(types).sort().forEach(function (t) {
      var s = el("span");
      var dot = el("i");
      dot.style.background = TYPE_COLOURS[t] || "#333";
      s.appendChild(dot);
      s.appendChild(document.createTextNode(t));
      legend.appendChild(s);
    });
    Object.keys(colours).forEach(function (d) {
      var s = el("span");
      var bar = el("i");
      bar.style.background = colours[d];
      bar.style.borderRadius = "0";
      s.appendChild(bar);
      s.appendChild(document.createTextNode(d));
      legend.appendChild(s);
    });
  }
  function draw(net) {
    current = net;
    var byId = names(net);
    var colours = domainColour(net);
    var elements = net.nodes.map(function (n) {
      return { group: "nodes", data: { id: n.id, label: n.name || n.id, type: n.type, size: 16 + 8 * Math.sqrt(n.participations) } };
    }).concat(net.edges.map(function (e, i) {
      return { group: "edges", data: { id: "e" + i, source: e.source, target: e.target, index: i, colour: colours[e.domain] || "#9a9a9a", width: 1 + Math.min(e.instruments.length, 8) } };
    }));
    if (cy) { cy.destroy(); }
    cy = cytoscape({
      container: picture,
      elements: elements,
      style: [
        { selector: "node", style: { "background-color": function (n) { return TYPE_COLOURS[n.data("type")] || "#333"; }, width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 9, color: "#1b1b1b", "text-valign": "bottom", "text-wrap": "ellipsis", "text-max-width": 110 } },
        { selector: "edge", style: { "line-color": "data(colour)", width: "data(width)", opacity: 0.7, "curve-style": "haystack" } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#f0a500", "line-color": "#f0a500" } }
      ],
      layout: { name: net.centre && box.dataset.network.indexOf("actor=") === 0 ? "concentric" : "cose", animate: false, concentric: function (n) { return n.id() === net.centre ? 2 : 1; }, levelWidth: function () { return 1; } }
    });
    cy.on("tap", "node", function (evt) { window.location.href = "/page/actor/" + encodeURIComponent(evt.target.id()); });
    cy.on("tap", "edge", function (evt) { showEdge(net.edges[evt.target.data("index")], byId); });
    drawTable(net, byId);
    drawLegend(net, colours);
    status.textContent = net.nodes.length + " actors, " + net.edges.length + " links" + (net.as_of ? " on " + net.as_of : " (all dates)") +
      (net.truncated ? ". Only the first participations are drawn: filter by area or type, or pick a day." : "");
    box.dataset.readyAt = String(Math.round(performance.now()));
    box.dataset.state = "ready";
    box.dataset.nodes = String(net.nodes.length);
  }
  var pending = 0;
  function load() {
    var ticket = ++pending;
    box.dataset.state = "loading";
    status.textContent = "Loading…";
    fetch(query(), { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) { if (!r.ok) { throw new Error(body.error || r.statusText); } return body; });
    }).then(function (net) { if (ticket === pending) { draw(net); } }).catch(function (err) {
      status.textContent = "Could not load the network: " + err.message;
      box.dataset.state = "error";
    });
  }
  slider.addEventListener("input", function () { allDates.checked = false; setDay(dayOf(Number(slider.value))); });
  slider.addEventListener("change", load);
  dateInput.addEventListener("change", function () { if (dateInput.value) { allDates.checked = false; setDay(dateInput.value); load(); } });
  allDates.addEventListener("change", function () { setDay(dateInput.value); load(); });
  [fDomain, fType].forEach(function (f) { if (f) { f.addEventListener("change", load); } });
  box.querySelector(".controls .show-table").addEventListener("click", function (evt) {
    var showTable = tableBox.hidden;
    tableBox.hidden = !showTable;
    picture.hidden = showTable;
    legend.hidden = showTable;
    evt.target.setAttribute("aria-pressed", String(showTable));
    evt.target.textContent = showTable ? "Show as picture" : "Show as table";
    if (!showTable && cy) { cy.resize(); cy.fit(); }
  });
  var start = box.dataset.asOf;
  if (start) { allDates.checked = false; }
  setDay(start || dayOf(today));
  window.eucanNetwork = {
    setDay: function (day) { allDates.checked = false; setDay(day); load(); },
    nodeIds: function () { return current ? current.nodes.map(function (n) { return n.id; }).sort() : []; },
    tapFirstEdge: function () { if (cy && cy.edges().length) { cy.edges()[0].emit("tap"); } },
    cy: function () { return cy; }
  };
  load();
})();
