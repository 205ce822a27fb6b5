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

  /* ---------- analysis ----------
   * Its rules (elided words, apostrophes, ligatures, stopwords, plural and suffix rules, lengths) are
   * written once, in coopsec/text.py and coopsec/publish/search.py, and come as data in docs.js
   * (analysis()); configure() turns them into the functions below. */

  var A = null;

  function escapeClass(chars) {
    return chars.replace(/[\\\]\[^-]/g, "\\$&");
  }

  function configure(data) {
    A = {
      elision: new RegExp("(?<![\\p{L}\\p{N}_])(?:" + data.elided.join("|") + ")[" +
        escapeClass(data.apostrophes) + "]", "giu"),
      ligature: new RegExp("[" + escapeClass(Object.keys(data.ligatures).join("")) + "]", "g"),
      ligatures: data.ligatures,
      stopwords: new Set(data.stopwords),
      plural: data.plural,
      suffixes: data.suffixes,
      minStem: data.minStem,
      minTerm: data.minTerm,
      keyLength: data.keyLength,
      pairKeyLength: data.pairKeyLength
    };
  }

  function fold(text) {
    return text
      .replace(A.elision, " ")
      .replace(A.ligature, function (c) { return A.ligatures[c]; })
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
        return base.length >= A.minStem ? base + rules[i][1] : token;
      }
    }
    return token;
  }

  function stem(token) {
    if (!/^[a-z]+$/.test(token)) return token;
    return strip(strip(token, A.plural), A.suffixes);
  }

  /* The folded words of a text that give a search term (no stopword, no single character). */
  function words(text) {
    return tokens(text).filter(function (t) { return t.length >= A.minTerm && !A.stopwords.has(t); });
  }

  function terms(text) {
    return words(text).map(stem);
  }

  /* The index shard of a term: the longest shard key it begins with (coopsec/publish/search.py splits a prefix
   * whose shard would be too large by one more letter: "coo", "cop"… instead of "co"). */
  function shardKey(term) {
    for (var n = Math.min(term.length, store.keyMax); n > A.keyLength; n--) {
      if (store.shardKeys.has(term.slice(0, n))) return term.slice(0, n);
    }
    return term.slice(0, A.keyLength);
  }

  /* ---------- the index ---------- */

  var EXACT = 1; // weight of a hit on the word as typed
  var STEM = 0.5; // on another word of the same stem (« drogues » for « drogue »: the word as typed comes first)
  var PREFIX = 0.45; // on a word the last, partly typed, word begins
  var CONTEXT = 0.15; // a word missing from a paragraph but in its document's title or metadata (a paragraph
  // holding the words itself comes first)
  var SLICE_MS = 12; // ranking work between two yields to the page, at most (about)
  var SLICE_UNITS = 2000; // candidate units grouped between two looks at the clock
  var PREFIX_BYTES = 1000000; // index bytes read at most to expand a partly typed word
  var MAX_EXPANSION = 40; // words a partly typed last word may stand for, the most frequent first
  var FUZZY = 0.3; // on a word one edit away from a word the index lacks
  var FUZZY_FAR = 0.6; // times FUZZY, two edits away
  var FUZZY_ONE = 5; // letters from which a word may have one typo
  var FUZZY_TWO = 9; // and two
  var PHRASE_CHUNKS = 6; // text chunks (~48 kB each) read at most to check a phrase of three words or more
  var MAX_FUZZY = 8; // near spellings a word may stand for, the nearest and most frequent first
  var PER_DOC = 5; // passages shown under each document, at most
  var PASSAGE_FLOOR = 0.3; // a passage is shown under its document if it scores this share of its best paragraph
  var DOC_DECAY = 0.3; // a document scores its best passage, plus this times its second, its square the third…
  var META_LEADS = 0.7; // the document's own hit leads its passages when it scores this share of the best one

  var source = null; // path under data/search/ -> Promise, once the script ran
  var loaded = {};
  var store = { units: 0, first: null, rows: {}, chunks: null, shardKeys: null, shardBytes: null, keyMax: 0,
    ranking: null, index: {}, postings: {}, df: {}, forms: {}, text: {}, pairs: {}, pairUnits: {}, pairKeys: null };

  function useSource(fn) {
    source = fn;
  }

  function load(path) {
    if (!loaded[path]) loaded[path] = source(path);
    return loaded[path];
  }

  function addShard(data) {
    if (data.kind === "docs") {
      store.units = data.units;
      store.first = gaps(data.first);
      store.chunks = data.chunks;
      store.shardBytes = data.shards;
      store.shardKeys = new Set(Object.keys(data.shards));
      store.shardKeys.forEach(function (key) { store.keyMax = Math.max(store.keyMax, key.length); });
      store.pairKeys = new Set(data.pairs || []);
      store.ranking = data.ranking;
      configure(data.analysis);
    } else if (data.kind === "index") {
      store.index[data.key] = { terms: data.terms, forms: data.forms || {} };
    } else if (data.kind === "pairs") {
      store.pairs[data.key] = data.pairs;
    } else if (data.kind === "text") {
      store.text[data.id] = data;
      data.docs.forEach(function (row) { store.rows[row[0]] = row; });
    }
  }

  /* Numbers written as comma-separated base-36 gaps (the first from 0), sorted, as an Int32Array. */
  function gaps(encoded) {
    if (!encoded) return new Int32Array(0);
    var n = 1;
    for (var i = 0; i < encoded.length; i++) if (encoded.charCodeAt(i) === 44) n++;
    var out = new Int32Array(n);
    var previous = 0;
    var gap = 0;
    var k = 0;
    for (i = 0; i <= encoded.length; i++) {
      var c = i < encoded.length ? encoded.charCodeAt(i) : 44;
      if (c === 44) {
        previous += gap;
        out[k++] = previous;
        gap = 0;
      } else {
        gap = gap * 36 + (c <= 57 ? c - 48 : c - 87);
      }
    }
    return out;
  }

  function ready() {
    return load("docs.js");
  }

  function loadIndex(keys) {
    return Promise.all(keys.filter(function (k) { return store.shardKeys.has(k); })
      .map(function (k) { return load("i/" + k + ".js"); }));
  }

  /* {units: [unit numbers], weights: [BM25F term weights]} of an indexed term (typed arrays: a frequent word
   * has tens of thousands of postings at 10,000 documents). Each posting is base-36 digits, the gap from the
   * previous unit, then one capital letter, the weight. */
  function decode(term) {
    if (!store.postings[term]) {
      var encoded = store.index[shardKey(term)].terms[term];
      var units = new Int32Array(df(term));
      var weights = new Float64Array(units.length);
      var scale = (store.ranking.k1 + 1) / store.ranking.levels;
      var previous = 0;
      var gap = 0;
      var k = 0;
      for (var i = 0; i < encoded.length; i++) {
        var c = encoded.charCodeAt(i);
        if (c >= 65 && c <= 90) {
          previous += gap;
          units[k] = previous;
          weights[k++] = (c - 64) * scale;
          gap = 0;
        } else {
          gap = gap * 36 + (c <= 57 ? c - 48 : c - 87);
        }
      }
      store.postings[term] = { units: units, weights: weights };
    }
    return store.postings[term];
  }

  /* How many units hold an indexed term: its postings counted without decoding them (one capital letter each). */
  function df(term) {
    if (store.df[term] === undefined) {
      var encoded = store.index[shardKey(term)].terms[term];
      var n = 0;
      for (var i = 0; i < encoded.length; i++) {
        var c = encoded.charCodeAt(i);
        if (c >= 65 && c <= 90) n++;
      }
      store.df[term] = n;
    }
    return store.df[term];
  }

  /* The units where ``term`` is written as ``form`` (sorted), or null when all are. */
  function formUnits(term, form) {
    var forms = store.index[shardKey(term)].forms[term];
    if (!forms) return form === term ? null : [];
    var encoded = forms[form];
    if (encoded === undefined) return [];
    if (encoded === "") return null;
    var id = term + " " + form;
    if (!store.forms[id]) store.forms[id] = gaps(encoded);
    return store.forms[id];
  }

  function idf(df) {
    return Math.log(1 + (store.units - df + 0.5) / (df + 0.5));
  }

  /* ---------- query ---------- */

  /* The query language: words (all wanted, the best paragraphs holding most of them first), "phrase exacte"
   * (its words consecutive), -exclu (no paragraph holding the word), a OU b (either word; upper case only).
   * Returns {items: [{alts: [{term, form}]}], phrases: [[term, ...]], excluded: [term], partial, terms}. */
  function parseQuery(query) {
    var items = [];
    var phrases = [];
    var excluded = [];
    var seen = {};
    var or = false;
    var lastBare = null;
    function add(form) {
      var term = stem(form);
      if (or && items.length) {
        var alts = items[items.length - 1].alts;
        if (!alts.some(function (a) { return a.term === term; })) alts.push({ term: term, form: form });
      } else if (!seen[term]) {
        seen[term] = 1;
        items.push({ alts: [{ term: term, form: form }] });
      }
      or = false;
    }
    var re = /(-?)"([^"]*)"?|(\S+)/g;
    var m;
    while ((m = re.exec(query)) !== null) {
      lastBare = null;
      if (m[3] === "OU") { or = items.length > 0; continue; }
      if (m[2] !== undefined) {
        var inPhrase = words(m[2]);
        if (m[1]) { inPhrase.forEach(function (w) { excluded.push(stem(w)); }); continue; }
        or = false;
        inPhrase.forEach(add);
        if (inPhrase.length > 1) phrases.push(inPhrase.map(stem));
        continue;
      }
      var chunk = m[3];
      if (chunk.length > 1 && chunk[0] === "-") {
        words(chunk.slice(1)).forEach(function (w) { excluded.push(stem(w)); });
        or = false;
        continue;
      }
      words(chunk).forEach(add);
      lastBare = chunk;
    }
    var last = lastBare === null ? undefined : tokens(lastBare).pop();
    var open = /[\p{L}\p{N}]$/u.test(query) && last !== undefined;
    var all = [];
    items.forEach(function (i) { i.alts.forEach(function (a) { all.push(a.term); }); });
    return {
      items: items,
      phrases: phrases,
      excluded: excluded,
      terms: all,
      partial: open ? { stem: stem(last), raw: last } : null,
      matched: [],
      more: 0,
      dropped: [],
      short: null
    };
  }

  /* Edits allowed for a typed word: one from 5 letters, two from 9. */
  function allowedEdits(form) {
    return form.length >= FUZZY_TWO ? 2 : form.length >= FUZZY_ONE ? 1 : 0;
  }

  /* Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), or max + 1 when it
   * exceeds ``max``. */
  function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var before = null;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        current.push(value);
        if (value < low) low = value;
      }
      if (low > max) return max + 1;
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  /* The shard keys where a word's near spellings are looked for: its own, and its first two letters swapped. */
  function fuzzyKeys(term) {
    var keys = [shardKey(term)];
    if (term.length > A.keyLength) {
      var swapped = shardKey(term[1] + term[0] + term.slice(2));
      if (swapped !== keys[0]) keys.push(swapped);
    }
    return keys;
  }

  /* Indexed terms within the allowed edits of a word (its stem, or the word as typed against the written forms),
   * as [[term, distance]]: those of the smallest distance found, the most frequent first. */
  function fuzzy(alt) {
    var max = allowedEdits(alt.form);
    if (!max) return [];
    var found = [];
    fuzzyKeys(alt.term).forEach(function (key) {
      var shard = store.index[key];
      if (!shard) return;
      Object.keys(shard.terms).forEach(function (t) {
        var d = Math.min(editDistance(alt.term, t, max), editDistance(alt.form, t, max));
        var forms = shard.forms[t];
        if (forms) {
          Object.keys(forms).forEach(function (f) { d = Math.min(d, editDistance(alt.form, f, max)); });
        }
        if (d <= max) found.push([t, d]);
      });
    });
    found.sort(function (a, b) {
      return a[1] - b[1] || df(b[0]) - df(a[0]) || (a[0] < b[0] ? -1 : 1);
    });
    return found.filter(function (f) { return f[1] === found[0][1]; }).slice(0, MAX_FUZZY);
  }

  /* The indexed terms a query item stands for, as [[term, weight when exact, weight otherwise, typed form]]:
   * the word itself, the words a partly typed last word begins, or, for a word the index lacks, its near
   * spellings. */
  function expand(item, parsed) {
    var out = [];
    item.alts.forEach(function (alt) {
      var shard = store.index[shardKey(alt.term)];
      var found = 0;
      if (shard && shard.terms[alt.term] !== undefined) {
        out.push([alt.term, EXACT, STEM, alt.form]);
        found++;
      }
      var partial = parsed.partial;
      var keys = partial && alt.term === partial.stem ? prefixKeys(alt.term) : [];
      if (keys === null) {
        parsed.short = partial.raw;
      } else if (keys.length) {
        var longer = [];
        keys.forEach(function (key) {
          if (!store.index[key]) return;
          Object.keys(store.index[key].terms).forEach(function (t) {
            if (t !== alt.term && (t.startsWith(partial.stem) || t.startsWith(partial.raw))) longer.push(t);
          });
        });
        longer.sort(function (a, b) { return df(b) - df(a) || (a < b ? -1 : 1); });
        if (longer.length > MAX_EXPANSION) {
          parsed.more += longer.length - MAX_EXPANSION;
          parsed.dropped = parsed.dropped.concat(longer.slice(MAX_EXPANSION));
        }
        longer.slice(0, MAX_EXPANSION).forEach(function (t) { out.push([t, PREFIX, PREFIX, alt.form]); found++; });
      }
      if (!found) {
        fuzzy(alt).forEach(function (f) {
          var w = f[1] === 1 ? FUZZY : FUZZY * FUZZY_FAR;
          out.push([f[0], w, w, alt.form]);
        });
      }
    });
    return out;
  }

  /* The index shards holding the words a partly typed word begins: its own and those of longer keys beginning with
   * it ([] for a word too short to expand, or whose first letters have no shard); null when they weigh more than
   * PREFIX_BYTES (too many words begin with it: the reader types one more letter). */
  function prefixKeys(term) {
    if (term.length < A.keyLength) return [];
    var keys = [shardKey(term)].filter(function (k) { return store.shardKeys.has(k); });
    store.shardKeys.forEach(function (k) { if (k.length > term.length && k.startsWith(term)) keys.push(k); });
    var bytes = 0;
    keys.forEach(function (k) { bytes += store.shardBytes[k]; });
    return bytes > PREFIX_BYTES ? null : keys;
  }

  function docOf(unit) {
    if (!store.unitDoc) {
      store.unitDoc = new Int32Array(store.units);
      for (var d = 0; d < store.first.length; d++) {
        store.unitDoc.fill(d, store.first[d], d + 1 < store.first.length ? store.first[d + 1] : store.units);
      }
    }
    return store.unitDoc[unit];
  }

  /* Adds to ``scores`` ({score: unit -> best contribution (0: none), units: the units with one}) the BM25F
   * contribution of one expanded term of a query item (idf x stored weight x kind of hit), SLICE_UNITS postings
   * between two looks at the clock (a promise). */
  function addScores(scores, e) {
    var score = scores.score;
    var p = decode(e[0]);
    var weight = idf(p.units.length);
    var exact = e[1] === e[2] ? null : formUnits(e[0], e[3]);
    var next = 0; // walks the sorted units of the exact form beside the sorted postings
    var i = 0;
    return sliced(function () {
      for (var end = Math.min(p.units.length, i + SLICE_UNITS); i < end; i++) {
        var u = p.units[i];
        if (exact !== null) while (next < exact.length && exact[next] < u) next++;
        var kind = exact === null || exact[next] === u ? e[1] : e[2];
        var value = weight * p.weights[i] * kind;
        if (score[u] === 0) scores.units.push(u);
        if (value > score[u]) score[u] = value;
      }
      return i >= p.units.length;
    });
  }


  /* The units of the index kept for a query: none holding an excluded word, all of a phrase's words in a row
   * (checked on the unit's text, see checkPhrases), of a document the filter keeps. */
  function keeper(parsed, options) {
    var out = new Uint8Array(store.units);
    parsed.excluded.forEach(function (term) {
      var shard = store.index[shardKey(term)];
      if (shard && shard.terms[term] !== undefined) decode(term).units.forEach(function (u) { out[u] = 1; });
    });
    var filter = options && options.filter;
    return function (u) {
      if (out[u]) return false;
      if (parsed.phraseUnits && !parsed.phraseUnits[u]) return false;
      return !filter || filter(docOf(u));
    };
  }

  var slice = { start: 0, armed: false }; // when the current task's ranking work began

  /* The time the ranking work of the current task began: the first call in a task notes it, and a timeout queued
   * then, which runs once the task is over, clears it for the next. */
  function sliceStart() {
    if (!slice.armed) {
      slice.armed = true;
      slice.start = Date.now();
      setTimeout(function () { slice.armed = false; }, 0);
    }
    return slice.start;
  }

  /* Runs ``step`` (a bounded piece of work, true when all is done) again and again, yielding to the page once the
   * task has done SLICE_MS of such work: at 10,000 documents the ranking of one keystroke is tens of milliseconds
   * of work, and the page (the reader's next keystroke) must never wait for more than a slice of it. A promise of
   * when it is done. */
  function sliced(step) {
    return new Promise(function (resolve, reject) {
      (function run() {
        try {
          var start = sliceStart();
          var done = false;
          while (!done && Date.now() - start < SLICE_MS) done = step();
          if (done) resolve(); else setTimeout(run, 0);
        } catch (error) {
          reject(error);
        }
      })();
    });
  }

  /* fn(item) for each item of ``list`` in turn, SLICE_UNITS items between two looks at the clock (a promise). */
  function eachSliced(list, fn) {
    var i = 0;
    return sliced(function () {
      for (var end = Math.min(list.length, i + SLICE_UNITS); i < end; i++) fn(list[i]);
      return i >= list.length;
    });
  }

  /* fn(item) for each item of ``list`` in turn, each call's promise awaited before the next (a promise). */
  function eachInTurn(list, fn) {
    return list.reduce(function (done, item) { return done.then(function () { return fn(item); }); },
      Promise.resolve());
  }

  /* BM25F ranking (a promise): each query item's contribution in each unit, one expanded term at a time, then the
   * hits grouped by document (groupHits), then the documents in order (ordered). */
  function rankBm25(parsed, options) {
    var perItem = [];
    var work = []; // [scores of the item, expanded term]
    var keep = keeper(parsed, options);
    parsed.items.forEach(function (item) {
      var expanded = expand(item, parsed);
      if (!expanded.length) return;
      parsed.matched = parsed.matched.concat(expanded.map(function (e) { return e[0]; }));
      var scores = { score: new Float64Array(store.units), units: [] };
      perItem.push(scores);
      expanded.forEach(function (e) { work.push([scores, e]); });
    });
    if (!perItem.length) return Promise.resolve([]);
    return eachInTurn(work, function (w) { return addScores(w[0], w[1]); }).then(function () {
      return groupHits(perItem, keep);
    }).then(function (groups) {
      return new Promise(function (resolve) { setTimeout(resolve, 0); }).then(function () { return ordered(groups); });
    });
  }

  /* The hits of the query items' contributions, grouped by document (a promise of [{score, hits: its best
   * passages}]). Typed arrays and one pass over the candidates in unit order (a document's units are consecutive),
   * sliced by document, not maps: at 10,000 documents a frequent word is in tens of thousands of paragraphs. */
  function groupHits(perItem, keep) {
    var seen = new Uint8Array(store.units);
    var candidates = [];
    // per item, document -> its best contribution in the document's text: context of the metadata unit
    var inDoc = perItem.map(function () { return new Float64Array(store.first.length); });
    var groups = [];
    var topUnit = new Int32Array(PER_DOC + 1);
    var topScore = new Float64Array(PER_DOC + 1);
    var c = 0;
    return eachInTurn(perItem, function (m) {
      var best = inDoc[perItem.indexOf(m)];
      return eachSliced(m.units, function (u) {
        if (!seen[u]) { seen[u] = 1; if (keep(u)) candidates.push(u); }
        var d = docOf(u);
        if (store.first[d] !== u && m.score[u] > best[d]) best[d] = m.score[u];
      });
    }).then(function () {
      candidates = Int32Array.from(candidates).sort();
      return sliced(function () {
        for (var end = Math.min(candidates.length, c + SLICE_UNITS); c < end;) groupDoc();
        return c === candidates.length;
      });
    }).then(function () { return groups; });

    function groupDoc() {
      var d = docOf(candidates[c]);
      var meta = store.first[d];
      var kept = 0; // the document's PER_DOC best hits, best first (ties: the earlier unit)
      for (; c < candidates.length && docOf(candidates[c]) === d; c++) {
        var u = candidates[c];
        var score = 0;
        var covered = 0;
        for (var i = 0; i < perItem.length; i++) {
          var own = perItem[i].score[u];
          var context = u === meta ? inDoc[i][d] : perItem[i].score[meta];
          if (own > 0) { score += own; covered++; } else if (context > 0) {
            score += CONTEXT * context;
            covered++;
          }
        }
        score *= covered / perItem.length; // coordination: the share of the query's items the unit holds
        var at = kept;
        while (at > 0 && topScore[at - 1] < score) {
          topScore[at] = topScore[at - 1];
          topUnit[at] = topUnit[at - 1];
          at--;
        }
        if (at < PER_DOC) {
          topScore[at] = score;
          topUnit[at] = u;
          if (kept < PER_DOC) kept++;
        }
      }
      // the floor is a share of the best paragraph's score, not of the metadata hit's, whose title counts four times
      var best = topUnit[0] === meta && kept > 1 ? topScore[1] : topScore[0];
      var shown = [];
      for (var k = 0; k < kept && (!k || topScore[k] >= PASSAGE_FLOOR * best); k++) {
        shown.push({ unit: topUnit[k], doc: d, score: topScore[k], first: k === 0 });
      }
      // the document's own hit (its title and metadata: the page opened at its top) leads when it nearly ties
      k = 1;
      while (k < shown.length && shown[k].unit !== meta) k++;
      if (k < shown.length && shown[k].score >= META_LEADS * shown[0].score) {
        shown[0].first = false;
        shown.unshift(shown.splice(k, 1)[0]);
        shown[0].first = true;
      }
      // a document with several passages on the query passes one with a single passage as good as its best
      var total = 0;
      for (k = kept - 1; k >= 0; k--) total = topScore[k] + DOC_DECAY * total;
      groups.push({ score: total, hits: shown });
    }
  }

  /* The hits of the groups, documents by their best passage, each with its best passages under it. */
  function ordered(groups) {
    groups.sort(function (a, b) { return b.score - a.score || a.hits[0].unit - b.hits[0].unit; });
    var out = [];
    groups.forEach(function (g) { g.hits.forEach(function (h) { out.push(h); }); });
    return out;
  }

  /* The hit-count baseline: units holding every word, metadata first, then documents with more hits. */
  function rankHits(parsed, options) {
    var result = null;
    var keep = keeper(parsed, options);
    for (var i = 0; i < parsed.items.length; i++) {
      var expanded = expand(parsed.items[i], parsed);
      if (!expanded.length) return [];
      parsed.matched = parsed.matched.concat(expanded.map(function (e) { return e[0]; }));
      var seen = new Set();
      expanded.forEach(function (e) { decode(e[0]).units.forEach(function (u) { seen.add(u); }); });
      result = result === null ? Array.from(seen).filter(keep).sort(function (a, b) { return a - b; }) :
        result.filter(function (u) { return seen.has(u); });
    }
    var perDoc = {};
    var doc = result.map(docOf);
    doc.forEach(function (d) { perDoc[d] = (perDoc[d] || 0) + 1; });
    var order = result.map(function (u, n) {
      var meta = store.first[doc[n]] === u ? 1000000 : 0;
      return { unit: u, doc: doc[n], score: meta + perDoc[doc[n]], first: true };
    });
    order.sort(function (a, b) { return b.score - a.score || a.unit - b.unit; });
    return order;
  }

  /* The shards a query needs: those of its words and excluded words and of the words a partly typed last word
   * begins, then, for a word the index lacks, those where its near spellings are looked for. */
  function loadFor(parsed) {
    var prefix = parsed.partial && prefixKeys(parsed.partial.stem);
    return loadIndex(parsed.terms.concat(parsed.excluded).map(shardKey).concat(prefix || [])).then(function () {
      var more = [];
      parsed.items.forEach(function (item) {
        item.alts.forEach(function (alt) {
          var shard = store.index[shardKey(alt.term)];
          if (allowedEdits(alt.form) && !(shard && shard.terms[alt.term] !== undefined)) {
            more = more.concat(fuzzyKeys(alt.term));
          }
        });
      });
      return loadIndex(more);
    });
  }

  /* Does the term sequence ``seq`` hold, somewhere, one of ``sets[0]`` then one of ``sets[1]``…? */
  function holdsRun(seq, sets) {
    for (var i = 0; i + sets.length <= seq.length; i++) {
      var j = 0;
      while (j < sets.length && sets[j].has(seq[i + j])) j++;
      if (j === sets.length) return true;
    }
    return false;
  }

  function pairKey(first, second) {
    return first.slice(0, A.keyLength) + "-" + second.slice(0, A.pairKeyLength);
  }

  /* The units where ``first`` is followed by ``second`` (sorted), from the pair shards. */
  function pairUnits(first, second) {
    var id = first + " " + second;
    if (!store.pairUnits[id]) {
      var shard = store.pairs[pairKey(first, second)];
      store.pairUnits[id] = gaps(shard && shard[id] || "");
    }
    return store.pairUnits[id];
  }

  /* parsed.phraseUnits: the units holding every quoted phrase, its words in a row (as stems, each also as the
   * near spellings its word stands for). Each pair of consecutive words is looked up in the pair shards; a
   * phrase of three words or more is then checked on the text of the units holding all its pairs, when they
   * lie in at most PHRASE_CHUNKS text chunks (beyond, holding every pair in a row is taken for the phrase:
   * reading megabytes of text to drop the rare unit with "a b" and "b c" apart is not worth a slow query). */
  function checkPhrases(parsed) {
    if (!parsed.phrases.length) return Promise.resolve();
    var plain = { partial: null, more: 0, dropped: [] };
    var sets = parsed.phrases.map(function (phrase) {
      return phrase.map(function (term) {
        var item = parsed.items.find(function (i) { return i.alts.some(function (a) { return a.term === term; }); });
        return Array.from(new Set(expand(item, plain).map(function (e) { return e[0]; })));
      });
    });
    var keys = new Set();
    sets.forEach(function (phrase) {
      for (var i = 0; i + 1 < phrase.length; i++) {
        phrase[i].forEach(function (a) { phrase[i + 1].forEach(function (b) { keys.add(pairKey(a, b)); }); });
      }
    });
    var wanted = Array.from(keys).filter(function (k) { return store.pairKeys.has(k); });
    return Promise.all(wanted.map(function (k) { return load("p/" + k + ".js"); })).then(function () {
      // a unit is a candidate when it holds every pair of every phrase: held[u] is the number of the pairs, taken
      // in turn, that it holds so far (each pair counted once, whichever near spellings give it)
      var held = new Int32Array(store.units);
      var pairs = 0;
      var lists = []; // [pair number, the units of one spelling of it], pair by pair
      sets.forEach(function (phrase) {
        for (var i = 0; i + 1 < phrase.length; i++) {
          var pair = ++pairs;
          phrase[i].forEach(function (a) {
            phrase[i + 1].forEach(function (b) { lists.push([pair, pairUnits(a, b)]); });
          });
        }
      });
      return eachInTurn(lists, function (entry) {
        return eachSliced(entry[1], function (u) { if (held[u] === entry[0] - 1) held[u] = entry[0]; });
      }).then(function () { return phraseText(parsed, sets, held, pairs); });
    });
  }

  /* parsed.phraseUnits (a mark per unit) from ``held``, the number of consecutive pairs each unit holds: the units
   * holding all ``pairs``, those of a phrase of three words or more checked on their text (see checkPhrases). */
  function phraseText(parsed, sets, held, pairs) {
    var list = [];
    for (var u = 0; u < store.units; u++) if (held[u] === pairs) list.push(u);
    var long = sets.filter(function (phrase) { return phrase.length > 2; });
    var ids = new Set(list.map(chunkOf));
    parsed.phraseUnits = new Uint8Array(store.units);
    if (!long.length || !list.length || ids.size > PHRASE_CHUNKS) {
      list.forEach(function (v) { parsed.phraseUnits[v] = 1; });
      return null;
    }
    return Promise.all(Array.from(ids).map(function (id) { return load("t/" + id + ".js"); })).then(function () {
      list.forEach(function (v) {
        var chunk = store.text[chunkOf(v)];
        var seq = terms(chunk.units[v - chunk.start][1]);
        parsed.phraseUnits[v] = long.every(function (phrase) {
          return holdsRun(seq, phrase.map(function (alternatives) { return new Set(alternatives); }));
        }) ? 1 : 0;
      });
    });
  }


  /* Hits of ``query``, best first; options.ranking "hits" gives the hit-count baseline, options.filter(document
   * number) keeps only the documents it returns true for. */
  function search(query, options) {
    var ranking = (options && options.ranking) || "bm25";
    return ready().then(function () {
      var parsed = parseQuery(query);
      if (!parsed.items.length) return { parsed: parsed, hits: [] };
      return loadFor(parsed).then(function () { return checkPhrases(parsed); }).then(function () {
        return ranking === "hits" ? rankHits(parsed, options) : rankBm25(parsed, options);
      }).then(function (hits) {
        return { parsed: parsed, hits: hits };
      });
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

  /* The hits with what is shown of them: page URL (with the query, to highlight it, and the paragraph),
   * titles, text. */
  function withText(hits, root, query) {
    var ids = new Set(hits.map(function (h) { return chunkOf(h.unit); }));
    return Promise.all(Array.from(ids).map(function (id) { return load("t/" + id + ".js"); }))
      .then(function () {
        return hits.map(function (h) {
          var chunk = store.text[chunkOf(h.unit)];
          var entry = chunk.units[h.unit - chunk.start];
          var d = store.rows[h.doc]; // [number, page, title, subtitle], from the text chunk of its units
          return {
            page: d[1],
            anchor: entry[0],
            url: (root || "") + d[1] + (query ? "?q=" + encodeURIComponent(query) : "") +
              (entry[0] ? "#" + entry[0] : ""),
            title: d[2],
            subtitle: d[3],
            text: entry[1],
            meta: store.first[h.doc] === h.unit,
            first: h.first,
            score: h.score
          };
        });
      });
  }

  /* Does a word of a text stand for one of the terms a search matched? */
  function matcher(parsed) {
    var wanted = new Set(parsed.matched);
    return function (word) {
      return terms(word).some(function (t) { return wanted.has(t); });
    };
  }

  /* The [start, end] of the words of ``text`` to highlight: each word a hit, and a word written with hyphens
   * whole when it is a hit joined (the index holds « cyber-défense » also as « cyberdefense »). */
  function hitSpans(text, isHit) {
    var spans = [];
    var re = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
    var m;
    while ((m = re.exec(text)) !== null) {
      var parts = m[0].split("-");
      if (parts.length > 1 && isHit(parts.join(""))) {
        spans.push([m.index, m.index + m[0].length]);
        continue;
      }
      var at = m.index;
      parts.forEach(function (part) {
        if (isHit(part)) spans.push([at, at + part.length]);
        at += part.length + 1;
      });
    }
    return spans;
  }

  var api = {
    addShard: addShard,
    useSource: useSource,
    search: search,
    withText: withText,
    fold: fold,
    tokens: tokens,
    words: words,
    stem: stem,
    terms: terms,
    configure: configure,
    parseQuery: parseQuery,
    editDistance: editDistance,
    allowedEdits: allowedEdits,
    fuzzy: fuzzy,
    matcher: matcher,
    hitSpans: hitSpans
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  /* ---------- loading the index in the browser ---------- */

  var script = document.currentScript;
  var ROOT = script.src.replace(/assets\/search\.js(?:[?#].*)?$/, "");
  var DATA = ROOT + "data/search/";
  var SEARCH_PAGE = ROOT + "corpus/recherche.html";
  var PAGE_SIZE = 50;
  var POPUP_SIZE = 8;
  var EXCERPT = 180;

  useSource(function (path) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = DATA + path;
      tag.async = true;
      tag.onload = function () { resolve(); };
      tag.onerror = function () { reject(new Error("Chargement impossible : " + DATA + path)); };
      document.head.appendChild(tag);
    });
  });

  /* ---------- excerpts ---------- */

  /* [[text, highlighted], ...] around the first hit, at most EXCERPT characters. */
  function excerpt(text, isHit) {
    var words = hitSpans(text, isHit);
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

  var FRENCH = null; // one number format, made once (toLocaleString makes one on each call)

  function number(n) {
    if (!FRENCH) FRENCH = new Intl.NumberFormat("fr-FR");
    return FRENCH.format(n);
  }

  function countLabel(n) {
    if (n === 0) return "Aucun résultat";
    return n === 1 ? "1 résultat" : number(n) + " résultats";
  }

  /* One passage; the passages after a document's first are shown under it, its title not repeated. */
  function resultItem(hit, isHit) {
    var li = el("li", hit.first ? "coopsec-result" : "coopsec-result coopsec-result--passage");
    var a = el("a");
    a.href = hit.url;
    var title = el("span", "coopsec-result__title", hit.title);
    if (!hit.first) {
      title.hidden = true;
      li.style.marginLeft = "1.5em";
    }
    a.appendChild(title);
    if (hit.subtitle && hit.first) a.appendChild(el("span", "coopsec-result__meta", hit.subtitle));
    var p = el("span", "coopsec-result__excerpt");
    excerpt(hit.text, isHit).forEach(function (piece) {
      p.appendChild(piece[1] ? el("mark", "", piece[0]) : document.createTextNode(piece[0]));
    });
    a.appendChild(p);
    li.appendChild(a);
    return li;
  }

  /* What the status says of forms a partly typed word could not all stand for. */
  function moreLabel(parsed) {
    if (parsed.short) {
      return " — « " + parsed.short + "… » : trop de mots commencent ainsi, tapez une lettre de plus pour les chercher";
    }
    if (!parsed.more) return "";
    var raw = parsed.partial ? "« " + parsed.partial.raw + "… » : " : "";
    return " — " + raw + "les " + MAX_EXPANSION + " formes les plus fréquentes cherchées, et " +
      number(parsed.more) + (parsed.more === 1 ? " autre forme non cherchée" :
      " autres formes non cherchées");
  }

  function render(list, status, query, limit, after, options) {
    var token = {};
    list.coopsecToken = token;
    return search(query, options).then(function (found) {
      return withText(found.hits.slice(0, limit), ROOT, query).then(function (hits) {
        if (list.coopsecToken !== token) return null;
        var isHit = matcher(found.parsed);
        status.textContent = found.parsed.terms.length ? countLabel(found.hits.length) + moreLabel(found.parsed) : "";
        list.replaceChildren.apply(list, hits.map(function (h) { return resultItem(h, isHit); }));
        list.setAttribute("data-query", query);
        list.setAttribute("data-filters", (options && options.state) || "");
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
      ready().then(function () {
        if (!terms(query).length) { open(false); return; }
        open(true);
        render(list, status, query, POPUP_SIZE, function (total) {
          more.hidden = total <= POPUP_SIZE;
          more.textContent = "Voir les " + countLabel(total);
          more.href = SEARCH_PAGE + "?q=" + encodeURIComponent(query);
        });
      }).catch(function () {});
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

  /* ---------- filters of the results page ----------
   * The per-document facet data is the documents index's own (data/facets.js, coopsec/write/facets.py). */

  var FILTERS = [["type", "Tous les types"], ["emetteur", "Tous les émetteurs"], ["theme", "Tous les thèmes"],
    ["classification", "Toutes les classifications"]];
  var YEARS = [["de", "Depuis"], ["a", "Jusqu’à"]];

  function loadFacets() {
    if (window.coopsecFacetData) return Promise.resolve(window.coopsecFacetData);
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = ROOT + "data/facets.js";
      tag.async = true;
      tag.onload = function () { resolve(window.coopsecFacetData); };
      tag.onerror = function () { reject(new Error("Chargement impossible : " + tag.src)); };
      document.head.appendChild(tag);
    });
  }

  /* Per document, in the search index's numbering: {facet key: [value keys]} and the year, from the facet data
   * (multi-valued: base-36 index strings). */
  function facetTable(data) {
    var table = {};
    var slugs = [];
    data.docs.forEach(function (doc) {
      var row = { year: doc[2] ? doc[2].slice(0, 4) : "" };
      data.facets.forEach(function (facet, f) {
        var value = doc[5 + f];
        var indexes = [];
        if (facet.multi) {
          for (var i = 0; i < value.length; i += facet.multi) indexes.push(parseInt(value.substr(i, facet.multi), 36));
        } else {
          indexes.push(value);
        }
        row[facet.key] = indexes.map(function (n) { return facet.values[n][0]; });
      });
      table[doc[0]] = row;
      slugs.push(doc[0]);
    });
    // the search index numbers documents in the order of their slugs (coopsec/publish/search.py)
    return slugs.sort().map(function (slug) { return table[slug]; });
  }

  function select(name, label, empty, values) {
    var wrap = el("div", "coopsec-filter");
    var caption = el("label", "coopsec-filter__label", label);
    caption.htmlFor = "coopsec-filter-" + name;
    wrap.appendChild(caption);
    var box = el("select");
    box.name = name;
    box.id = caption.htmlFor;
    box.appendChild(el("option", "", empty));
    box.lastChild.value = "";
    values.forEach(function (v) {
      var option = el("option", "", v[1]);
      option.value = v[0];
      box.appendChild(option);
    });
    wrap.appendChild(box);
    return [wrap, box];
  }

  /* The filter controls, inside the page's form (a plain GET keeps them in the address), set from the address's
     ``params``; calls back on change. */
  function filterControls(form, data, params, changed) {
    var fieldset = el("fieldset", "coopsec-filters");
    fieldset.appendChild(el("legend", "", "Filtrer les résultats"));
    var boxes = {};
    var byKey = {};
    data.facets.forEach(function (facet) { byKey[facet.key] = facet; });
    FILTERS.forEach(function (f) {
      var facet = byKey[f[0]];
      if (!facet) return;
      var made = select(f[0], facet.label, f[1], facet.values);
      fieldset.appendChild(made[0]);
      boxes[f[0]] = made[1];
    });
    var years = byKey.annee ? byKey.annee.values.filter(function (v) { return v[0] !== "sans"; })
      .map(function (v) { return [v[0], v[0]]; }).sort() : [];
    YEARS.forEach(function (y) {
      var made = select(y[0], y[1], "toute année", y[0] === "a" ? years.slice().reverse() : years);
      fieldset.appendChild(made[0]);
      boxes[y[0]] = made[1];
    });
    Object.keys(boxes).forEach(function (name) {
      var wanted = params.get(name);
      if (wanted && Array.prototype.some.call(boxes[name].options, function (o) { return o.value === wanted; })) {
        boxes[name].value = wanted;
      }
    });
    // folded away on a phone, so that the results come first; open wide, or when the address sets a filter
    var panel = el("details", "coopsec-filters-panel");
    panel.appendChild(el("summary", "", "Filtres"));
    panel.appendChild(fieldset);
    panel.open = !window.matchMedia || window.matchMedia("(min-width: 45em)").matches ||
      Object.keys(filterState(boxes)).length > 0;
    form.appendChild(panel);
    Object.keys(boxes).forEach(function (name) { boxes[name].addEventListener("change", changed); });
    return boxes;
  }

  function filterState(boxes) {
    var state = {};
    Object.keys(boxes).forEach(function (name) { if (boxes[name].value) state[name] = boxes[name].value; });
    return state;
  }

  /* search() options for a filter state: the documents it keeps (null: all). */
  function filterOptions(state, table) {
    var names = Object.keys(state);
    if (!names.length || !table) return {};
    return {
      state: new URLSearchParams(state).toString(),
      filter: function (d) {
        var row = table[d];
        if (!row) return false;
        return names.every(function (name) {
          if (name === "de") return row.year !== "" && row.year >= state.de;
          if (name === "a") return row.year !== "" && row.year <= state.a;
          return row[name].indexOf(state[name]) !== -1;
        });
      }
    };
  }

  function installPage() {
    var input = document.getElementById("coopsec-page-q");
    var list = document.getElementById("coopsec-page-results");
    var status = document.getElementById("coopsec-page-status");
    if (!input || !list || !status) return;
    var limit = PAGE_SIZE;
    var boxes = {};
    var table = null;
    var button = el("button", "coopsec-more", "Afficher plus de résultats");
    button.type = "button";
    button.hidden = true;
    list.after(button);
    function address(state) {
      var params = new URLSearchParams(state);
      if (input.value) params.set("q", input.value);
      var text = params.toString();
      history.replaceState(null, "", window.location.pathname + (text ? "?" + text : ""));
    }
    function run() {
      var state = filterState(boxes);
      address(state);
      render(list, status, input.value, limit, function (total) { button.hidden = total <= limit; },
        filterOptions(state, table));
    }
    button.addEventListener("click", function () { limit += PAGE_SIZE; run(); });
    input.addEventListener("input", debounce(function () { limit = PAGE_SIZE; run(); }, 120));
    arrowKeys(input, list, null);
    var params = new URLSearchParams(window.location.search);
    var query = params.get("q");
    if (query) input.value = query;
    var form = input.closest("form");
    loadFacets().then(function (data) {
      if (!data || !data.docs || !form) return;
      table = facetTable(data);
      boxes = filterControls(form, data, params, function () { limit = PAGE_SIZE; run(); });
    }).catch(function () {}).then(function () { if (query) run(); });
  }

  window.coopsecSearch = api;

  /* On a document page opened from a result (?q=…), the matched words are highlighted in the text. */
  function highlightPage() {
    var query = new URLSearchParams(window.location.search).get("q");
    var article = document.querySelector("article") || document.querySelector("main");
    if (!query || !article || document.getElementById("coopsec-page-q")) return;
    search(query).then(function (found) {
      var isHit = matcher(found.parsed);
      var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          return node.parentNode.closest("script, style, mark, .coopsec-search") ?
            NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
        }
      });
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        var text = node.nodeValue;
        var pos = 0;
        var pieces = [];
        hitSpans(text, isHit).forEach(function (span) {
          if (span[0] > pos) pieces.push(document.createTextNode(text.slice(pos, span[0])));
          pieces.push(el("mark", "coopsec-mark", text.slice(span[0], span[1])));
          pos = span[1];
        });
        if (!pieces.length) return;
        if (pos < text.length) pieces.push(document.createTextNode(text.slice(pos)));
        node.replaceWith.apply(node, pieces);
      });
    }).catch(function () {});
  }

  function start() {
    installHeader();
    installPage();
    highlightPage();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
