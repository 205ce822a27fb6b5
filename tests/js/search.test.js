/* Unit tests of the query logic of docs/assets/search.js under node (run by tests/test_search_js.py,
 * which writes a small index with the build's own code and passes its directory in COOPSEC_SEARCH_DATA). */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { open } = require("../../benchmarks/search/rank.js");

const engine = open(process.env.COOPSEC_SEARCH_DATA);

async function passages(query, ranking) {
  const found = await engine.search(query, { ranking });
  return (await engine.withText(found.hits)).map((h) => h.page.split("/").pop() + "#" + h.anchor);
}

test("the analysis comes from the index and folds like the Python side", async () => {
  await engine.search("x");
  assert.equal(engine.fold("L’OTAN d'Alger Œuvre"), " otan  alger oeuvre");
  assert.deepEqual(engine.terms("la Sécurité de l’OTAN"), ["securite", "otan"]);
  assert.deepEqual(engine.terms("terroristes terrorisme"), ["terror", "terror"]);
});

test("BM25F: a title word ranks its document first, then the best paragraphs under it", async () => {
  const found = await passages("Alger");
  assert.equal(found[0], "b-declaration.html#");
});

test("an exact word ranks above another word of its stem", async () => {
  assert.equal((await passages("terroristes"))[0], "b-declaration.html#p-2");
  assert.equal((await passages("terrorisme"))[0], "b-declaration.html#p-1");
});

test("a word missing from the corpus does not empty the results; the baseline needs every word", async () => {
  assert.ok((await passages("terrorisme zzzqx")).length > 0);
  assert.deepEqual(await passages("terrorisme zzzqx", "hits"), []);
});

test("a partly typed last word stands for the words it begins, below an exact word", async () => {
  const found = await passages("coop");
  assert.equal(found[0], "a-note.html#p-1");
});

test("results are grouped by document", async () => {
  const found = await passages("terrorisme reseaux");
  const docs = found.map((f) => f.split("#")[0]);
  assert.deepEqual(docs, [...docs].sort((a, b) => docs.indexOf(a) - docs.indexOf(b)));
});

test("the query parser: words, \"phrases\", -exclusions, OU (upper case only)", async () => {
  await engine.search("x");
  const parsed = engine.parseQuery('"lutte contre le terrorisme" -OTAN réseaux OU Coopération police');
  assert.deepEqual(parsed.items.map((i) => i.alts.map((a) => a.term)),
    [["lutte"], ["contre"], ["terror"], ["reseau", "cooperation"], ["police"]]);
  assert.deepEqual(parsed.phrases, [["lutte", "contre", "terror"]]);
  assert.deepEqual(parsed.excluded, ["otan"]);
  assert.deepEqual(parsed.partial, { stem: "police", raw: "police" });
  assert.deepEqual(engine.parseQuery("otan ou alger").items.length, 2); // "ou" is a stop word
  assert.deepEqual(engine.parseQuery("-otan").items, []);
  assert.equal(engine.parseQuery('"alger"').partial, null);
  assert.deepEqual(engine.parseQuery('-"lutte contre"').excluded, ["lutte", "contre"]);
});

test("the edit distance counts one edit per insertion, deletion, substitution or swap, bounded", () => {
  assert.equal(engine.editDistance("cooperaton", "cooperation", 1), 1);
  assert.equal(engine.editDistance("terorisme", "terrorisme", 2), 1);
  assert.equal(engine.editDistance("terrorsime", "terrorisme", 2), 1); // adjacent letters swapped
  assert.equal(engine.editDistance("securtie", "securite", 1), 1);
  assert.equal(engine.editDistance("police", "police", 1), 0);
  assert.equal(engine.editDistance("abcdef", "uvwxyz", 1), 2); // beyond the bound: bound + 1
  assert.equal(engine.editDistance("otan", "otanxyz", 2), 3);
  assert.deepEqual([4, 5, 8, 9].map((n) => engine.allowedEdits("x".repeat(n))), [0, 1, 1, 2]);
});

test("a word the index lacks finds its near spellings, below nothing exact", async () => {
  assert.deepEqual(await passages("cooperaton"), ["a-note.html#p-1"]);
  assert.deepEqual(new Set(await passages("terorisme")), new Set(["b-declaration.html#p-1", "b-declaration.html#p-2"]));
  assert.deepEqual(await passages("otna"), []); // four letters: no typo allowed
  const found = await engine.search("policiere renforcee cooperaton");
  assert.ok(found.parsed.matched.includes("cooperation"));
});

test("a quoted phrase needs its words in a row; an excluded word drops its paragraphs", async () => {
  assert.deepEqual(await passages('"réseaux terroristes"'), ["b-declaration.html#p-2"]);
  assert.deepEqual(await passages('"terroristes réseaux"'), []);
  assert.deepEqual(await passages('"lutte contre le terrorisme"'), ["b-declaration.html#p-1"]);
  assert.deepEqual(await passages("terrorisme -otan"), ["b-declaration.html#p-1"]);
  assert.deepEqual(await passages("terrorisme -otan", "hits"), ["b-declaration.html#p-1"]);
});

test("OU finds either word; a filter keeps only the documents it accepts", async () => {
  const either = new Set((await passages("otan OU policiere")).map((p) => p.split("#")[0]));
  assert.deepEqual(either, new Set(["a-note.html", "b-declaration.html"]));
  assert.deepEqual(await passages("otan policiere", "hits"), []);
  const note = await engine.search("terrorisme OU policiere", { filter: (d) => d === 0 });
  const shown = await engine.withText(note.hits);
  assert.deepEqual(shown.map((h) => h.page.split("/").pop() + "#" + h.anchor), ["a-note.html#p-1"]);
});

/* A fresh engine on a made-up index: docs.js with the real analysis, and the given index shards (key -> terms),
 * of the sizes given (key -> bytes; by default their JSON's), the documents' first units as base-36 gaps. */
function synthetic(shards, bytes = {}, first = "0") {
  const file = require.resolve("../../docs/assets/search.js");
  delete require.cache[file];
  const fresh = require(file);
  const fs = require("fs");
  const path = require("path");
  let analysis = null;
  globalThis.window = { coopsecSearch: { addShard: (d) => { analysis = d.analysis; } } };
  require("vm").runInThisContext(fs.readFileSync(path.join(process.env.COOPSEC_SEARCH_DATA, "docs.js"), "utf8"));
  globalThis.window = { coopsecSearch: engine };
  const loaded = [];
  fresh.useSource((file) => {
    loaded.push(file);
    if (file === "docs.js") {
      const sizes = {};
      Object.keys(shards).forEach((key) => { sizes[key] = bytes[key] || JSON.stringify(shards[key]).length; });
      fresh.addShard({ kind: "docs", units: 60, first, chunks: [0], shards: sizes,
        analysis, ranking: { k1: 1.2, b: 0.75, levels: 26 } });
    } else {
      const key = file.slice(2, -3);
      fresh.addShard({ kind: "index", key, terms: shards[key] });
    }
    return Promise.resolve();
  });
  return { fresh, loaded };
}

test("a prefix with too many forms searches the most frequent and counts the others", async () => {
  // 45 words beginning with "zz": "zzb00" in one unit, ..., each next one in one unit fewer of 50
  const terms = {};
  for (let n = 0; n < 45; n++) terms["zzb" + String(n).padStart(2, "0")] = "1A".repeat(50 - n);
  const { fresh } = synthetic({ zz: terms });
  const found = await fresh.search("zzb");
  assert.equal(found.parsed.more, 5);
  assert.deepEqual(found.parsed.dropped, ["zzb40", "zzb41", "zzb42", "zzb43", "zzb44"]); // the rarest
  assert.equal(found.parsed.matched.length, 40);
});

test("a split shard: a word is looked up under the longest key it begins with", async () => {
  // the build split "zz" by a third letter: "zz" holds the word "zz" only, "zzb" and "zzc" the longer words
  const { fresh, loaded } = synthetic({ zz: { zz: "1A" }, zzb: { zzbar: "2B", zzbis: "3C" }, zzc: { zzcol: "4D" } });
  const found = await fresh.search("zzbar zzco");
  assert.deepEqual(found.parsed.matched, ["zzbar", "zzcol"]);
  assert.deepEqual(loaded.slice(1).sort(), ["i/zzb.js", "i/zzc.js"]); // not the shard of "zz"
  // a prefix shorter than the split keys reads the shards of the keys it begins with
  assert.deepEqual((await fresh.search("zz")).parsed.matched, ["zz", "zzbar", "zzbis", "zzcol"]);
});

test("a prefix whose shards weigh more than a megabyte is not expanded, and the status says so", async () => {
  const shards = { zz: { zz: "1A" }, zzb: { zzbar: "2B", zzbis: "3C" }, zzc: { zzcol: "4D" } };
  const { fresh, loaded } = synthetic(shards, { zzb: 600000, zzc: 600000 });
  const short = await fresh.search("zz");
  assert.equal(short.parsed.short, "zz"); // the status asks for one more letter
  assert.deepEqual(short.parsed.matched, ["zz"]);
  assert.deepEqual(loaded.slice(1), ["i/zz.js"]); // the big shards are not read
  assert.deepEqual((await fresh.search("zzb")).parsed.matched, ["zzbar", "zzbis"]); // 600 kB: expanded
});

test("a document with several passages on the query passes one with a single, slightly better passage", async () => {
  // documents of units 0-9 and 10-19: "zzq" in unit 1 at weight Z (26); in units 11, 12, 13 at V (22)
  const { fresh } = synthetic({ zz: { zzq: "1ZaV1V1V" } }, {}, "0,a");
  const found = await fresh.search("zzq");
  assert.deepEqual(found.hits.map((h) => [h.doc, h.unit]), [[1, 11], [1, 12], [1, 13], [0, 1]]);
  assert.deepEqual(found.hits.map((h) => h.first), [true, false, false, true]);
});

test("the document's own hit leads its passages when it scores nearly as well as the best one", async () => {
  // unit 0 is the document's metadata: at S (19) it is 0.73 of the paragraph's Z and leads; at M (13), not
  let found = await synthetic({ zz: { zzq: "0S2Z" } }).fresh.search("zzq");
  assert.deepEqual(found.hits.map((h) => [h.unit, h.first]), [[0, true], [2, false]]);
  found = await synthetic({ zz: { zzq: "0M2Z" } }).fresh.search("zzq");
  assert.deepEqual(found.hits.map((h) => [h.unit, h.first]), [[2, true], [0, false]]);
});

test("a word written with a hyphen is found typed in one piece, and highlighted whole", async () => {
  assert.deepEqual(await passages("cyberdefense"), ["a-note.html#p-2"]);
  assert.deepEqual(await passages("cyber défense"), ["a-note.html#p-2"]); // its parts still
  assert.deepEqual(await passages('"cyber défense"'), ["a-note.html#p-2"]);
  const found = await engine.search("cyberdefense");
  const text = "La cyber-défense, la défense.";
  assert.deepEqual(engine.hitSpans(text, engine.matcher(found.parsed)), [[3, 16]]);
  const parts = await engine.search("défense");
  assert.deepEqual(engine.hitSpans(text, engine.matcher(parts.parsed)), [[9, 16], [21, 28]]);
});
