"""The query logic of search.js, tested by ``node --test`` on an index the build's code writes, and the
relevance set's floors (benchmarks/search)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from benchmarks.search import evaluate, load_set, metrics
from benchmarks.search.__main__ import per_query
from coopsec.publish.search import search_files
from tests.test_search import make_doc

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node absent")


def test_node_unit_tests(tmp_path: Path) -> None:
    docs = [
        make_doc("b-declaration", "Déclaration d’Alger",
                 ["La lutte contre le terrorisme et la sécurité.", "Les réseaux terroristes et l'OTAN."],
                 place="Alger"),
        make_doc("a-note", "Note du Conseil", ["Coopération policière renforcée.", "La cyber-défense du réseau."],
                 references=["12838/23"]),
    ]
    for name, content in search_files(docs).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    done = subprocess.run(
        ["node", "--test", str(ROOT / "tests" / "js")],
        env={**os.environ, "COOPSEC_SEARCH_DATA": str(tmp_path / "data" / "search")},
        capture_output=True, text=True, cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_relevance_floors() -> None:
    """MRR, nDCG@10 and recall@10 of the engine on the relevance set, and their lead over the hit count.

    The set is judged on the seeds and the 44 devset texts, indexed together (benchmarks.search.CORPORA).
    The baseline matches as the engine does (typos, phrases, exclusions, OU, hyphenated words joined) and differs
    only in ranking: its lead (0.082 and 0.113) is below the issue's 0.15, which is not met yet."""
    results = evaluate()
    engine, base = results["bm25"]["mean"], results["hits"]["mean"]
    assert engine["mrr"] >= 0.92
    assert engine["ndcg@10"] >= 0.84
    assert engine["recall@10"] >= 0.79
    assert engine["mrr"] - base["mrr"] >= 0.08
    assert engine["ndcg@10"] - base["ndcg@10"] >= 0.11


def test_per_query_shows_each_query_for_both_rankings(capsys: pytest.CaptureFixture[str]) -> None:
    """``--per-query``: each query's figures, engine and baseline, and the first passages of each with their grades."""
    queries = load_set()[:2]
    answer = next(iter(queries[0].grades))
    found = {"bm25": [[answer], [("elsewhere.html", "p-1")]], "hits": [[], [("elsewhere.html", "p-1")]]}
    results = {name: {"found": lists,
                      "queries": [metrics(hits, q.grades) for hits, q in zip(lists, queries, strict=True)]}
               for name, lists in found.items()}
    per_query(queries, results)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (f"+ {queries[0].text!r} ({queries[0].kind}): moteur RR 1.00 nDCG 1.00, "
                        "référence RR 0.00 nDCG 0.00")
    assert lines[1].split() == ["bm25", "001#:2"] and lines[2].split() == ["hits", "rien"]
    assert lines[3].startswith(f"= {queries[1].text!r}") and lines[4].split() == ["bm25", "elsewhere.html#p-1:0"]
