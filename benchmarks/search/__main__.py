"""``python -m benchmarks.search [--data DIR] [--misses] [--per-query]``: relevance figures of the search, engine vs
baseline."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import RANKINGS, Query, evaluate, load_set, pages

LABELS = {"bm25": "moteur (BM25F)", "hits": "référence (nombre de hits)"}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, help="a built data/search directory (default: index the corpus)")
    parser.add_argument("--misses", action="store_true", help="list the queries whose first hit is not an answer")
    parser.add_argument("--per-query", action="store_true",
                        help="each query's reciprocal rank and nDCG@10, engine then baseline, and the first passages "
                             "of each with their grades")
    args = parser.parse_args(argv)
    results = evaluate(args.data)
    queries = load_set()
    print(f"{len(queries)} requêtes, {sum(len(q.grades) for q in queries)} passages jugés")
    print(f"{'':28}{'MRR':>8}{'nDCG@10':>10}{'rappel@10':>11}")
    for name in RANKINGS:
        mean = results[name]["mean"]
        print(f"{LABELS[name]:28}{mean['mrr']:8.3f}{mean['ndcg@10']:10.3f}{mean['recall@10']:11.3f}")
    engine, base = results["bm25"]["mean"], results["hits"]["mean"]
    print(f"{'écart':28}{engine['mrr'] - base['mrr']:+8.3f}{engine['ndcg@10'] - base['ndcg@10']:+10.3f}"
          f"{engine['recall@10'] - base['recall@10']:+11.3f}")
    if args.misses:
        names = {page: name for name, page in pages().items()}
        for query, scores, found in zip(queries, results["bm25"]["queries"], results["bm25"]["found"], strict=True):
            if scores["mrr"] < 1:
                top = [f"{names.get(page, page)}#{anchor}" for page, anchor in found[:4]]
                print(f"  {query.text!r} ({query.kind}): RR {scores['mrr']:.2f}, nDCG {scores['ndcg@10']:.2f}; "
                      f"en tête : {', '.join(top) or 'rien'}")
    if args.per_query:
        per_query(queries, results)


def per_query(queries: list[Query], results: dict[str, dict], shown: int = 5) -> None:
    """Each query: its kind, RR and nDCG@10 of the engine and of the baseline, and the first passages of each
    as ``document#anchor:grade`` (``=`` when both rankings score the query alike)."""
    names = {page: name for name, page in pages().items()}
    for n, query in enumerate(queries):
        engine, base = results["bm25"]["queries"][n], results["hits"]["queries"][n]
        mark = "=" if (engine["mrr"], engine["ndcg@10"]) == (base["mrr"], base["ndcg@10"]) else (
            "+" if engine["mrr"] + engine["ndcg@10"] > base["mrr"] + base["ndcg@10"] else "-")
        print(f"{mark} {query.text!r} ({query.kind}): moteur RR {engine['mrr']:.2f} nDCG {engine['ndcg@10']:.2f}, "
              f"référence RR {base['mrr']:.2f} nDCG {base['ndcg@10']:.2f}")
        for name in RANKINGS:
            top = [f"{names.get(page, page)}#{anchor}:{query.grades.get((page, anchor), 0)}"
                   for page, anchor in results[name]["found"][n][:shown]]
            print(f"    {name:5} {' '.join(top) or 'rien'}")


if __name__ == "__main__":
    main()
