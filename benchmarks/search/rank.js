/* Runs the site's own query logic (docs/assets/search.js) under node on a built index.
 *
 * stdin: {"data": "<dir of data/search>", "queries": [...], "rankings": ["bm25", "hits"], "limit": 20}
 * stdout: {"<ranking>": [[[page, anchor], ...] per query]}, the passages in the order the reader sees them.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const engine = require(path.join(__dirname, "..", "..", "docs", "assets", "search.js"));

function open(dir) {
  globalThis.window = { coopsecSearch: engine };
  engine.useSource((file) => {
    vm.runInThisContext(fs.readFileSync(path.join(dir, file), "utf8"), { filename: file });
    return Promise.resolve();
  });
  return engine;
}

async function main() {
  const input = JSON.parse(fs.readFileSync(0, "utf8"));
  open(input.data);
  const out = {};
  for (const ranking of input.rankings) {
    out[ranking] = [];
    for (const query of input.queries) {
      const found = await engine.search(query, { ranking });
      const shown = await engine.withText(found.hits.slice(0, input.limit || 20));
      out[ranking].push(shown.map((hit) => [hit.page, hit.anchor]));
    }
  }
  process.stdout.write(JSON.stringify(out));
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
    process.exit(1);
  });
}

module.exports = { open };
