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
