"""Search relevance: the relevance set of ``relevance.yml`` scored on the engine as built.

The ranking is the site's own (``docs/assets/search.js``), run by node through ``rank.js`` on an
index written by :func:`coopsec.publish.search.search_files` from the texts of ``corpus/`` and of the
development set ``benchmarks/devset/`` (:data:`CORPORA`); nothing of the ranking is written again in
Python. The baseline is the same index ranked by hit count (``{ranking: "hits"}``: units holding every
word, metadata first, then documents with more hits).
"""

from __future__ import annotations

import json
import math
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RELEVANCE = HERE / "relevance.yml"
RANK_JS = HERE / "rank.js"
RANKINGS = ("bm25", "hits")
DEPTH = 10
CORPORA = ("corpus", "benchmarks/devset")  # the texts indexed, relative to the root: the seeds, then the devset
JUDGED = 44
"""The devset texts the relevance set was judged on (``d01``–``d44``): a later text is left out, its passages
unjudged would count as wrong answers."""


@dataclass
class Query:
    text: str
    kind: str
    grades: dict[tuple[str, str], int]  # (page, anchor) -> grade


def pages(path: Path = RELEVANCE) -> dict[str, str]:
    """The relevance set's documents: their page, as built, for each name the set gives them."""
    documents = yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]
    return {str(name): f"corpus/documents/{address}.html" for name, address in documents.items()}


def load_set(path: Path = RELEVANCE) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    page = pages(path)
    queries = []
    for entry in data["queries"]:
        grades = {}
        for key, grade in entry["relevant"].items():
            doc, _, anchor = str(key).partition("#")
            grades[(page[doc], anchor)] = int(grade)
        queries.append(Query(entry["query"], entry["kind"], grades))
    return queries


def write_index(root: Path, out: Path) -> Path:
    """The search index of the texts of :data:`CORPORA` under ``root``, written under ``out``; returns its
    data/search directory."""
    from coopsec.publish.search import SEARCH_DIR, search_files

    for name, content in search_files(load_documents(root)).items():
        if name.startswith(SEARCH_DIR + "/"):
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    return out / SEARCH_DIR


def load_documents(root: Path = ROOT) -> list:
    """The documents of :data:`CORPORA`, converted and at their pages' addresses: the seeds at the addresses
    recorded in ``corpus/``, the devset texts at new ones (date and title) as a first build gives them."""
    from coopsec.addresses import ADDRESSES, assign_addresses, load_addresses
    from coopsec.pipeline import Project, convert

    project = Project(root)
    record = load_addresses(project.corpus / ADDRESSES)
    docs = []
    for corpus in CORPORA:
        paths = sorted((root / corpus).glob("*.txt"))
        texts = [convert(path, project) for path in paths if corpus == "corpus" or _number(path) <= JUDGED]
        assign_addresses(texts, record)  # in memory only: the devset texts take new addresses, none taken twice
        docs += texts
    return docs


def _number(path: Path) -> int:
    """The number of a devset text: 7 for ``d07-…``, 103 for ``d103-…``."""
    return int(path.name[1:].split("-", 1)[0])


def rank(data: Path, queries: list[str], rankings: tuple[str, ...] = RANKINGS) -> dict[str, list[list[tuple]]]:
    """For each ranking, the passages shown for each query, in order, as (page, anchor)."""
    payload = {"data": str(data), "queries": queries, "rankings": list(rankings), "limit": 50}
    done = subprocess.run(
        ["node", str(RANK_JS)], input=json.dumps(payload), capture_output=True, text=True, check=True, cwd=ROOT
    )
    return {name: [_passages(found) for found in lists] for name, lists in json.loads(done.stdout).items()}


def _passages(found: list[list[str]]) -> list[tuple[str, str]]:
    """Distinct passages in order (the same paragraph shown twice counts once)."""
    return list(dict.fromkeys((page, anchor) for page, anchor in found))


def metrics(found: list[tuple[str, str]], grades: dict[tuple[str, str], int]) -> dict[str, float]:
    """Reciprocal rank of the first passage graded 2 (or 1 when none is), nDCG@10 and recall@10."""
    best = max(grades.values())
    rr = next((1 / rank for rank, hit in enumerate(found, 1) if grades.get(hit, 0) >= best), 0.0)
    gains = [grades.get(hit, 0) for hit in found[:DEPTH]]
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(grades.values(), reverse=True)[:DEPTH]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    recall = sum(1 for hit in found[:DEPTH] if hit in grades) / len(grades)
    return {"mrr": rr, "ndcg@10": dcg / idcg, "recall@10": recall}


def evaluate(data: Path | None = None, root: Path = ROOT) -> dict[str, dict]:
    """Mean figures per ranking, and per query, for the relevance set."""
    queries = load_set()
    with tempfile.TemporaryDirectory(prefix="coopsec-relevance-") as tmp:
        found = rank(data or write_index(root, Path(tmp)), [q.text for q in queries])
    out: dict[str, dict] = {}
    for name, lists in found.items():
        per_query = [metrics(hits, q.grades) for hits, q in zip(lists, queries, strict=True)]
        mean = {key: sum(m[key] for m in per_query) / len(per_query) for key in per_query[0]}
        out[name] = {"mean": mean, "queries": per_query, "found": lists}
    return out
