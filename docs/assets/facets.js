/* The documents index as a filterable list: facets with counts, sort, pages, state in the address.
 *
 * Plain script, no module, no fetch(): on the documents index (the page holding #coopsec-facets),
 * it loads data/facets.js (written by coopsec/write/facets.py) with a <script> tag whose URL is
 * computed from this script's own src, so it works from file:// too. The address holds the state
 * (corpus/index.html#type=note,lettre&annee=2023&tri=titre&page=2): AND across facets, OR within
 * one. Only one page of results is drawn at a time. Without JavaScript, the plain table stays, cut into pages
 * of its own (coopsec/write/paging.py).
 */
(function () {
  "use strict";

  var PAGE_SIZE = 50;
  var SHOWN_VALUES = 6; // values of a facet shown before "Afficher les N autres"
  var SORTS = [["recent", "Date, du plus récent au plus ancien"], ["ancien", "Date, du plus ancien au plus récent"],
    ["titre", "Titre, de A à Z"]];
  var FIELDS = 5; // slug, title, iso date, French date, place; then one entry per facet

  var script = document.currentScript;
  var root = document.getElementById("coopsec-facets");
  if (!root || !script) return;
  var DATA = script.src.replace(/assets\/facets\.js(?:[?#].*)?$/, "") + "data/facets.js";

  var data = null;
  var state = null; // {filters: {key: [value keys]}, sort: "recent", page: 1}
  var titleOrder = null;
  var nodes = {};

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function plural(n, one, many) {
    return (n === 1 ? "1 " + one : n.toLocaleString("fr-FR") + " " + many);
  }

  /* ---------- the address ---------- */

  function parseAddress() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    var next = {filters: {}, sort: "recent", page: 1};
    data.facets.forEach(function (facet) {
      var raw = params.get(facet.key);
      if (!raw) return;
      var known = raw.split(",").filter(function (key) { return facet.index.hasOwnProperty(key); });
      if (known.length) next.filters[facet.key] = known;
    });
    var sort = params.get("tri");
    if (SORTS.some(function (s) { return s[0] === sort; })) next.sort = sort;
    var page = parseInt(params.get("page"), 10);
    if (page > 1) next.page = page;
    return next;
  }

  function address() {
    var parts = [];
    data.facets.forEach(function (facet) {
      var chosen = state.filters[facet.key];
      if (chosen && chosen.length) parts.push(facet.key + "=" + chosen.map(encodeURIComponent).join(","));
    });
    if (state.sort !== "recent") parts.push("tri=" + state.sort);
    if (state.page > 1) parts.push("page=" + state.page);
    return parts.join("&");
  }

  var writing = false;

  function writeAddress() {
    var hash = address();
    var url = window.location.href.split("#")[0] + (hash ? "#" + hash : "");
    if (url === window.location.href) return;
    try {
      window.history.replaceState(null, "", url);
    } catch (error) { // some file:// views refuse it: set the hash itself, without reacting to it
      writing = true;
      window.location.hash = hash;
    }
  }

  /* ---------- filtering and counting ---------- */

  function has(doc, facet, wanted) {
    var value = doc[FIELDS + facet.position];
    if (typeof value === "number") return wanted[value] === true;
    for (var i = 0; i < value.length; i++) if (wanted[value[i]] === true) return true;
    return false;
  }

  /* The documents matching every facet, and per facet the counts of its values among the documents
   * matching every other facet (so each count says what ticking the value would add). */
  function compute() {
    var active = [];
    data.facets.forEach(function (facet) {
      var chosen = state.filters[facet.key];
      if (!chosen || !chosen.length) return;
      var wanted = {};
      chosen.forEach(function (key) { wanted[facet.index[key]] = true; });
      active.push([facet, wanted]);
    });
    var counts = data.facets.map(function (facet) { return new Array(facet.values.length).fill(0); });
    var matched = [];
    function add(doc, only) {
      for (var f = 0; f < data.facets.length; f++) {
        if (only !== undefined && only !== f) continue;
        var value = doc[FIELDS + f];
        if (typeof value === "number") counts[f][value]++;
        else for (var i = 0; i < value.length; i++) counts[f][value[i]]++;
      }
    }
    for (var d = 0; d < data.docs.length; d++) {
      var doc = data.docs[d];
      var failed = -1;
      var failures = 0;
      for (var a = 0; a < active.length && failures < 2; a++) {
        if (!has(doc, active[a][0], active[a][1])) {
          failures++;
          failed = active[a][0].position;
        }
      }
      if (failures === 0) {
        matched.push(d);
        add(doc);
      } else if (failures === 1) {
        add(doc, failed);
      }
    }
    return {matched: matched, counts: counts};
  }

  function sorted(matched) {
    if (state.sort === "ancien") return matched.slice().reverse();
    if (state.sort !== "titre") return matched; // the data is newest first
    if (!titleOrder) {
      var collator = new Intl.Collator("fr", {sensitivity: "base", numeric: true});
      var order = data.docs.map(function (_, i) { return i; });
      order.sort(function (a, b) { return collator.compare(data.docs[a][1], data.docs[b][1]) || a - b; });
      titleOrder = new Int32Array(data.docs.length);
      order.forEach(function (doc, rank) { titleOrder[doc] = rank; });
    }
    return matched.slice().sort(function (a, b) { return titleOrder[a] - titleOrder[b]; });
  }

  /* ---------- drawing ---------- */

  function valueLabel(facet, index) {
    return facet.values[index][1];
  }

  function buildForm() {
    var form = el("form", "coopsec-facets__form");
    form.setAttribute("aria-label", "Filtrer les documents");
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    var bar = el("div", "coopsec-facets__bar");
    var sortLabel = el("label", "coopsec-facets__sort", "Trier par ");
    var select = el("select");
    select.id = "coopsec-facets-tri";
    SORTS.forEach(function (s) {
      var option = el("option", "", s[1]);
      option.value = s[0];
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      state.sort = select.value;
      state.page = 1;
      update();
    });
    sortLabel.htmlFor = select.id;
    bar.appendChild(sortLabel);
    bar.appendChild(select);
    var reset = el("button", "coopsec-facets__reset", "Effacer les filtres");
    reset.type = "button";
    reset.addEventListener("click", function () {
      state.filters = {};
      state.page = 1;
      update();
    });
    bar.appendChild(reset);
    nodes.select = select;
    nodes.reset = reset;

    var groups = el("div", "coopsec-facets__groups");
    nodes.boxes = [];
    nodes.counts = [];
    nodes.items = [];
    data.facets.forEach(function (facet, f) {
      nodes.boxes.push([]);
      nodes.counts.push([]);
      nodes.items.push([]);
      if (facet.hidden) return; // filterable from the address only (years when shown by decade)
      var fieldset = el("fieldset", "coopsec-facet");
      fieldset.appendChild(el("legend", "coopsec-facet__legend", facet.label));
      var list = el("ul", "coopsec-facet__values");
      facet.values.forEach(function (value, v) {
        var item = el("li", "coopsec-facet__value");
        var box = el("input");
        box.type = "checkbox";
        box.id = "coopsec-f-" + facet.key + "-" + v;
        box.value = value[0];
        box.addEventListener("change", function () {
          var chosen = (state.filters[facet.key] || []).filter(function (key) { return key !== value[0]; });
          if (box.checked) chosen.push(value[0]);
          if (chosen.length) state.filters[facet.key] = chosen;
          else delete state.filters[facet.key];
          state.page = 1;
          update();
        });
        var label = el("label", "", value[1] + " ");
        label.htmlFor = box.id;
        var count = el("span", "coopsec-facet__count");
        label.appendChild(count);
        item.appendChild(box);
        item.appendChild(label);
        list.appendChild(item);
        nodes.boxes[f].push(box);
        nodes.counts[f].push(count);
        nodes.items[f].push(item);
      });
      fieldset.appendChild(list);
      if (facet.values.length > SHOWN_VALUES) {
        var more = el("button", "coopsec-facet__more");
        more.type = "button";
        more.setAttribute("aria-expanded", "false");
        more.addEventListener("click", function () {
          facet.expanded = !facet.expanded;
          update(true);
        });
        fieldset.appendChild(more);
        facet.moreButton = more;
      }
      groups.appendChild(fieldset);
    });
    var panel = el("details", "coopsec-facets__panel");
    // on a phone the filters start folded: the list comes first
    panel.open = !window.matchMedia || window.matchMedia("(min-width: 45em)").matches;
    panel.appendChild(el("summary", "", "Filtres"));
    panel.appendChild(groups);
    form.appendChild(bar);
    form.appendChild(panel);

    var status = el("p", "coopsec-facets__status");
    status.id = "coopsec-facets-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    nodes.status = status;
    nodes.active = el("p", "coopsec-facets__active");

    var table = el("table"); // no class: Material styles it as the plain table it replaces
    var head = el("thead");
    var row = el("tr");
    ["Date", "Type", "Titre", "Lieu", "Émetteur"].forEach(function (name) {
      var th = el("th", "", name);
      th.scope = "col";
      row.appendChild(th);
    });
    head.appendChild(row);
    table.appendChild(head);
    nodes.body = el("tbody");
    table.appendChild(nodes.body);
    var wrapper = el("div", "md-typeset__scrollwrap coopsec-facets__results");
    var inner = el("div", "md-typeset__table");
    inner.appendChild(table);
    wrapper.appendChild(inner);

    var pager = el("nav", "coopsec-facets__pager");
    pager.setAttribute("aria-label", "Pages de résultats");
    nodes.previous = el("button", "coopsec-facets__previous", "Précédents");
    nodes.next = el("button", "coopsec-facets__next", "Suivants");
    nodes.position = el("span", "coopsec-facets__position");
    [nodes.previous, nodes.next].forEach(function (button, n) {
      button.type = "button";
      button.addEventListener("click", function () {
        state.page += n === 0 ? -1 : 1;
        update();
        nodes.status.scrollIntoView({block: "nearest"});
      });
    });
    pager.appendChild(nodes.previous);
    pager.appendChild(nodes.position);
    pager.appendChild(nodes.next);

    root.appendChild(form);
    root.appendChild(nodes.status);
    root.appendChild(nodes.active);
    root.appendChild(wrapper);
    root.appendChild(pager);
  }

  function drawFacets(counts) {
    data.facets.forEach(function (facet, f) {
      if (facet.hidden) return;
      var chosen = state.filters[facet.key] || [];
      var hiddenCount = 0;
      facet.values.forEach(function (value, v) {
        var checked = chosen.indexOf(value[0]) >= 0;
        nodes.boxes[f][v].checked = checked;
        nodes.counts[f][v].textContent = "(" + counts[f][v].toLocaleString("fr-FR") + ")";
        var shown = facet.expanded || v < SHOWN_VALUES || checked;
        nodes.items[f][v].hidden = !shown;
        if (!shown) hiddenCount++;
      });
      if (facet.moreButton) {
        var others = facet.values.length - SHOWN_VALUES;
        facet.moreButton.textContent = facet.expanded ? "Afficher moins" :
          "Afficher " + (others === 1 ? "l’autre valeur" : "les " + others + " autres valeurs");
        facet.moreButton.setAttribute("aria-expanded", facet.expanded ? "true" : "false");
        facet.moreButton.hidden = !facet.expanded && hiddenCount === 0;
      }
    });
  }

  function cell(row, text) {
    var td = el("td", "", text || "—");
    row.appendChild(td);
    return td;
  }

  function drawRows(order) {
    var start = (state.page - 1) * PAGE_SIZE;
    var fragment = document.createDocumentFragment();
    var typeFacet = data.facets[0];
    var bodyFacet = data.byKey.emetteur;
    order.slice(start, start + PAGE_SIZE).forEach(function (d) {
      var doc = data.docs[d];
      var row = el("tr");
      var when = cell(row, "");
      if (doc[2]) {
        when.textContent = "";
        var time = el("time", "", doc[3]);
        time.dateTime = doc[2];
        when.appendChild(time);
      }
      cell(row, valueLabel(typeFacet, doc[FIELDS + typeFacet.position]));
      var titleCell = cell(row, "");
      titleCell.textContent = "";
      var a = el("a", "", doc[1]);
      a.href = data.base + doc[0] + data.ext;
      titleCell.appendChild(a);
      cell(row, doc[4]);
      var body = bodyFacet ? doc[FIELDS + bodyFacet.position] : null;
      cell(row, body === null || bodyFacet.values[body][0] === "sans" ? "" : valueLabel(bodyFacet, body));
      fragment.appendChild(row);
    });
    nodes.body.textContent = "";
    nodes.body.appendChild(fragment);
  }

  function describeFilters() {
    var parts = [];
    data.facets.forEach(function (facet) {
      var chosen = state.filters[facet.key];
      if (!chosen) return;
      parts.push(facet.label + " : " + chosen.map(function (key) {
        return valueLabel(facet, facet.index[key]);
      }).join(" ou "));
    });
    return parts.join(" ; ");
  }

  function update(facetsOnly) {
    var result = compute();
    var order = sorted(result.matched);
    var pages = Math.max(1, Math.ceil(order.length / PAGE_SIZE));
    if (state.page > pages) state.page = pages;
    drawFacets(result.counts);
    if (facetsOnly === true) return;
    drawRows(order);
    nodes.select.value = state.sort;
    var filtered = Object.keys(state.filters).length > 0;
    nodes.reset.disabled = !filtered;
    var shown = order.length === 0 ? "Aucun document ne correspond à ces filtres." :
      plural(order.length, "document", "documents") + (filtered ? " sur " + data.total.toLocaleString("fr-FR") : "") +
      (pages > 1 ? ", page " + state.page + " sur " + pages : "") + ".";
    nodes.status.textContent = shown;
    nodes.status.dataset.count = String(order.length);
    nodes.active.textContent = filtered ? "Filtres : " + describeFilters() + "." : "";
    nodes.active.hidden = !filtered;
    var first = (state.page - 1) * PAGE_SIZE;
    nodes.position.textContent = order.length ? (first + 1) + "–" + Math.min(order.length, first + PAGE_SIZE) +
      " sur " + order.length.toLocaleString("fr-FR") : "";
    nodes.previous.disabled = state.page <= 1;
    nodes.next.disabled = state.page >= pages;
    nodes.previous.parentNode.hidden = pages <= 1;
    writeAddress();
    root.dataset.state = address();
  }

  function start() {
    data = window.coopsecFacetData;
    if (!data || !data.docs) return;
    data.byKey = {};
    data.facets.forEach(function (facet, f) {
      if (facet.multi) { // a string of fixed-width base-36 indexes -> an array of indexes
        data.docs.forEach(function (doc) {
          var text = doc[FIELDS + f];
          var values = [];
          for (var i = 0; i < text.length; i += facet.multi) values.push(parseInt(text.substr(i, facet.multi), 36));
          doc[FIELDS + f] = values;
        });
      }
      facet.position = f;
      facet.index = {};
      facet.values.forEach(function (value, v) { facet.index[value[0]] = v; });
      data.byKey[facet.key] = facet;
    });
    state = parseAddress();
    buildForm();
    update();
    root.hidden = false;
    var plain = document.querySelectorAll(".coopsec-doclist, .coopsec-pager"); // the plain table and its pages
    for (var i = 0; i < plain.length; i++) plain[i].hidden = true;
    root.dataset.ready = "true";
    window.addEventListener("hashchange", function () {
      if (writing) {
        writing = false;
        return;
      }
      state = parseAddress();
      update();
    });
  }

  var tag = document.createElement("script");
  tag.src = DATA;
  tag.async = true;
  tag.onload = start;
  tag.onerror = function () { // the plain table stays
    root.hidden = false;
    root.textContent = "Les filtres n’ont pas pu être chargés (" + DATA + ") : la liste complète est affichée ci-dessous.";
  };
  document.head.appendChild(tag);
})();
