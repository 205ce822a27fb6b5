/* Offline search for the coopsec site.
 *
 * Works from file:// : the index is a set of plain scripts (data/search/…js)
 * that call window.coopsecSearch.addShard(...), loaded lazily with <script>
 * tags whose URLs are computed from this script's own src. No fetch(), no
 * worker, no module. Corpus text is only ever inserted with textContent.
 *
 * fold/stem/terms must stay identical to coopsec/text.py and
 * coopsec/publish/search.py (tests/test_search.py checks it with node).
 */
(function () {
  "use strict";

  var ELISION = /(?<![\p{L}\p{N}_])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ‘`´]/giu;
  var STOPWORDS = new Set(
    ("au aux avec ce ces cet cette dans de des du elle elles en est et etre il ils " +
      "la le les leur leurs lui mais ne nous on ont ou par pas pour qu que qui sa sans se ses " +
      "son sont sur un une vous the of and to in").split(" ")
  );
  var PLURAL = [["ss", "ss"], ["eaux", "eau"], ["aux", "al"], ["s", ""]];
  var SUFFIXES = [
    ["isme", ""], ["iste", ""], ["ee", "e"], ["ere", "er"], ["elle", "el"], ["enne", "en"],
    ["ive", "if"], ["euse", "eux"], ["ale", "al"], ["ie", "i"], ["ue", "u"]
  ];
  var MIN_STEM = 3;

  function fold(text) {
    return text
      .replace(ELISION, " ")
      .replace(/œ/g, "oe").replace(/Œ/g, "oe").replace(/æ/g, "ae").replace(/Æ/g, "ae")
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase();
  }

  function tokens(text) {
    return fold(text).match(/[0-9a-z]+/g) || [];
  }

  function strip(token, rules) {
    for (var i = 0; i < rules.length; i++) {
      var suffix = rules[i][0];
      if (token.endsWith(suffix)) {
        var base = token.slice(0, token.length - suffix.length);
        return base.length >= MIN_STEM ? base + rules[i][1] : token;
      }
    }
    return token;
  }

  function stem(token) {
    if (!/^[a-z]+$/.test(token)) return token;
    return strip(strip(token, PLURAL), SUFFIXES);
  }

  function terms(text) {
    return tokens(text)
      .filter(function (t) { return t.length > 1 && !STOPWORDS.has(t); })
      .map(stem);
  }

  var analysis = { fold: fold, tokens: tokens, stem: stem, terms: terms };
  if (typeof module !== "undefined" && module.exports) module.exports = analysis;
  if (typeof document === "undefined") return;

  /* ---------- loading the index ---------- */

  var script = document.currentScript;
  var ROOT = script.src.replace(/assets\/search\.js(?:[?#].*)?$/, "");
  var DATA = ROOT + "data/search/";
  var SEARCH_PAGE = ROOT + "corpus/recherche.html";
  var PAGE_SIZE = 50;
  var POPUP_SIZE = 8;
  var EXCERPT = 180;
  var MAX_EXPANSION = 40; // words a partly typed last word may stand for

  var loaded = {};
  var store = { units: 0, docs: null, chunks: null, shardKeys: null, index: {}, postings: {}, text: {} };

  function load(url) {
    if (!loaded[url]) {
      loaded[url] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = url;
        tag.async = true;
        tag.onload = function () { resolve(); };
        tag.onerror = function () { reject(new Error("Chargement impossible : " + url)); };
        document.head.appendChild(tag);
      });
    }
    return loaded[url];
  }

  function addShard(data) {
    if (data.kind === "docs") {
      store.units = data.units;
      store.docs = data.docs;
      store.chunks = data.chunks;
      store.shardKeys = new Set(data.shards);
    } else if (data.kind === "index") {
      store.index[data.key] = data.terms;
    } else if (data.kind === "text") {
      store.text[data.id] = data;
    }
  }

  function ready() {
    return load(DATA + "docs.js");
  }

  function loadIndex(keys) {
    return Promise.all(keys.filter(function (k) { return store.shardKeys.has(k); })
      .map(function (k) { return load(DATA + "i/" + k + ".js"); }));
  }

  function decode(term, key) {
    if (!store.postings[term]) {
      var numbers = [];
      var previous = 0;
      store.index[key][term].split(",").forEach(function (gap) {
        previous += parseInt(gap, 36);
        numbers.push(previous);
      });
      store.postings[term] = numbers;
    }
    return store.postings[term];
  }

  /* ---------- query ---------- */

  function parseQuery(query) {
    var list = terms(query);
    var unique = list.filter(function (t, i) { return list.indexOf(t) === i; });
    var last = tokens(query).pop();
    var open = /[\p{L}\p{N}]$/u.test(query) && last !== undefined;
    return { terms: unique, partial: open ? { stem: stem(last), raw: last } : null, matched: [] };
  }

  /* Terms of the index that a query term stands for: itself, or the words it begins when typed last. */
  function expand(term, partial) {
    var key = term.slice(0, 2);
    var shard = store.index[key];
    if (!shard) return [];
    if (shard[term] !== undefined) return [term];
    if (!partial || term !== partial.stem) return [];
    return Object.keys(shard)
      .filter(function (t) { return t.startsWith(partial.stem) || t.startsWith(partial.raw); })
      .sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); })
      .slice(0, MAX_EXPANSION);
  }

  function union(lists) {
    if (lists.length === 1) return lists[0];
    var seen = new Uint8Array(store.units);
    lists.forEach(function (l) { l.forEach(function (n) { seen[n] = 1; }); });
    var out = [];
    for (var n = 0; n < seen.length; n++) if (seen[n]) out.push(n);
    return out;
  }

  function intersect(a, b) {
    var out = [];
    var i = 0;
    var j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  function docOf(unit) {
    var lo = 0;
    var hi = store.docs.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (store.docs[mid][3] <= unit) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /* Matching units, best first: document metadata, then documents with more matching paragraphs. */
  function rank(units) {
    var perDoc = {};
    var doc = units.map(docOf);
    doc.forEach(function (d) { perDoc[d] = (perDoc[d] || 0) + 1; });
    var order = units.map(function (u, i) {
      var meta = store.docs[doc[i]][3] === u ? 1000000 : 0;
      return { unit: u, doc: doc[i], score: meta + perDoc[doc[i]] };
    });
    order.sort(function (a, b) { return b.score - a.score || a.unit - b.unit; });
    return order;
  }

  function search(query) {
    var parsed = parseQuery(query);
    if (!parsed.terms.length) return Promise.resolve({ parsed: parsed, hits: [] });
    return ready().then(function () {
      var keys = parsed.terms.map(function (t) { return t.slice(0, 2); });
      return loadIndex(keys);
    }).then(function () {
      var result = null;
      for (var i = 0; i < parsed.terms.length; i++) {
        var expanded = expand(parsed.terms[i], parsed.partial);
        if (!expanded.length) return { parsed: parsed, hits: [] };
        parsed.matched = parsed.matched.concat(expanded);
        var key = expanded[0].slice(0, 2);
        var list = union(expanded.map(function (t) { return decode(t, key); }));
        result = result === null ? list : intersect(result, list);
      }
      return { parsed: parsed, hits: rank(result) };
    });
  }

  function chunkOf(unit) {
    var lo = 0;
    var hi = store.chunks.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (store.chunks[mid] <= unit) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function withText(hits) {
    var ids = new Set(hits.map(function (h) { return chunkOf(h.unit); }));
    return Promise.all(Array.from(ids).map(function (id) { return load(DATA + "t/" + id + ".js"); }))
      .then(function () {
        return hits.map(function (h) {
          var chunk = store.text[chunkOf(h.unit)];
          var entry = chunk.units[h.unit - chunk.start];
          var d = store.docs[h.doc];
          return {
            url: ROOT + d[0] + (entry[0] ? "#" + entry[0] : ""),
            title: d[1],
            subtitle: d[2],
            text: entry[1],
            meta: d[3] === h.unit
          };
        });
      });
  }

  /* ---------- excerpts ---------- */

  function matcher(parsed) {
    var wanted = new Set(parsed.matched);
    return function (word) {
      return terms(word).some(function (t) { return wanted.has(t); });
    };
  }

  /* [[text, highlighted], ...] around the first hit, at most EXCERPT characters. */
  function excerpt(text, isHit) {
    var words = [];
    var re = /[\p{L}\p{N}]+/gu;
    var m;
    while ((m = re.exec(text)) !== null) {
      if (isHit(m[0])) words.push([m.index, m.index + m[0].length]);
    }
    var start = 0;
    if (words.length && words[0][0] > EXCERPT / 3) {
      start = text.lastIndexOf(" ", words[0][0] - EXCERPT / 3) + 1;
    }
    var end = Math.min(text.length, start + EXCERPT);
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), words.length ? words[0][1] : end);
    var pieces = [];
    var pos = start;
    words.forEach(function (w) {
      if (w[0] < pos || w[1] > end) return;
      if (w[0] > pos) pieces.push([text.slice(pos, w[0]), false]);
      pieces.push([text.slice(w[0], w[1]), true]);
      pos = w[1];
    });
    if (pos < end) pieces.push([text.slice(pos, end), false]);
    if (start > 0) pieces.unshift(["… ", false]);
    if (end < text.length) pieces.push([" …", false]);
    return pieces;
  }

  /* ---------- rendering ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function countLabel(n) {
    if (n === 0) return "Aucun résultat";
    return n === 1 ? "1 résultat" : n.toLocaleString("fr-FR") + " résultats";
  }

  function resultItem(hit, isHit) {
    var li = el("li", "coopsec-result");
    var a = el("a");
    a.href = hit.url;
    a.appendChild(el("span", "coopsec-result__title", hit.title));
    if (hit.subtitle) a.appendChild(el("span", "coopsec-result__meta", hit.subtitle));
    var p = el("span", "coopsec-result__excerpt");
    excerpt(hit.text, isHit).forEach(function (piece) {
      p.appendChild(piece[1] ? el("mark", "", piece[0]) : document.createTextNode(piece[0]));
    });
    a.appendChild(p);
    li.appendChild(a);
    return li;
  }

  function render(list, status, query, limit, after) {
    var token = {};
    list.coopsecToken = token;
    return search(query).then(function (found) {
      return withText(found.hits.slice(0, limit)).then(function (hits) {
        if (list.coopsecToken !== token) return null;
        var isHit = matcher(found.parsed);
        status.textContent = found.parsed.terms.length ? countLabel(found.hits.length) : "";
        list.replaceChildren.apply(list, hits.map(function (h) { return resultItem(h, isHit); }));
        list.setAttribute("data-query", query);
        if (after) after(found.hits.length);
        return found.hits.length;
      });
    }).catch(function (error) {
      status.textContent = "La recherche est indisponible : " + error.message;
    });
  }

  function debounce(fn, delay) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, delay);
    };
  }

  function focusable(list) {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function arrowKeys(input, list, close) {
    list.addEventListener("keydown", function (event) {
      var links = focusable(list);
      var i = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && i < links.length - 1) links[i + 1].focus();
      else if (event.key === "ArrowUp") (i > 0 ? links[i - 1] : input).focus();
      else if (event.key === "Escape" && close) { close(); input.focus(); }
      else return;
      event.preventDefault();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && focusable(list).length) {
        focusable(list)[0].focus();
        event.preventDefault();
      } else if (event.key === "Escape" && close) {
        close();
        event.preventDefault();
      }
    });
  }

  function headerBox() {
    var form = el("form", "coopsec-search");
    form.setAttribute("role", "search");
    form.action = SEARCH_PAGE;
    form.method = "get";
    var label = el("label", "coopsec-search__label", "Rechercher");
    label.htmlFor = "coopsec-q";
    var input = el("input", "coopsec-search__input");
    input.id = "coopsec-q";
    input.name = "q";
    input.type = "search";
    input.placeholder = "Rechercher";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("aria-controls", "coopsec-popup");
    var popup = el("div", "coopsec-popup");
    popup.id = "coopsec-popup";
    popup.hidden = true;
    var status = el("p", "coopsec-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var list = el("ul", "coopsec-results");
    var more = el("a", "coopsec-more");
    more.hidden = true;
    popup.append(status, list, more);
    form.append(label, input, popup);

    function open(flag) {
      popup.hidden = !flag;
    }
    function run() {
      var query = input.value;
      if (!terms(query).length) { open(false); return; }
      open(true);
      render(list, status, query, POPUP_SIZE, function (total) {
        more.hidden = total <= POPUP_SIZE;
        more.textContent = "Voir les " + countLabel(total);
        more.href = SEARCH_PAGE + "?q=" + encodeURIComponent(query);
      });
    }
    input.addEventListener("focus", function () { ready().catch(function () {}); });
    input.addEventListener("input", debounce(run, 120));
    arrowKeys(input, popup, function () { open(false); });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) open(false);
    });
    form.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !form.contains(event.relatedTarget)) open(false);
    });
    return form;
  }

  function installHeader() {
    var header = document.querySelector(".md-header__inner");
    var box = headerBox();
    if (header) {
      var source = header.querySelector(".md-header__source");
      header.insertBefore(box, source);
    } else {
      document.body.insertBefore(box, document.body.firstChild);
    }
  }

  function installPage() {
    var input = document.getElementById("coopsec-page-q");
    var list = document.getElementById("coopsec-page-results");
    var status = document.getElementById("coopsec-page-status");
    if (!input || !list || !status) return;
    var limit = PAGE_SIZE;
    var button = el("button", "coopsec-more", "Afficher plus de résultats");
    button.type = "button";
    button.hidden = true;
    list.after(button);
    function run() {
      render(list, status, input.value, limit, function (total) { button.hidden = total <= limit; });
    }
    button.addEventListener("click", function () { limit += PAGE_SIZE; run(); });
    input.addEventListener("input", debounce(function () { limit = PAGE_SIZE; run(); }, 120));
    arrowKeys(input, list, null);
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      input.value = query;
      run();
    }
  }

  window.coopsecSearch = {
    addShard: addShard,
    search: search,
    fold: fold,
    tokens: tokens,
    stem: stem,
    terms: terms
  };

  function start() {
    installHeader();
    installPage();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
