"""Site builds of a benchmark project: full, bare MkDocs, plain pages, Zensical, incremental, and output sizes."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from coopsec.addresses import ADDRESSES, load_addresses
from coopsec.project import BUNDLE_NAME
from coopsec.write.indexes import OVERVIEW
from coopsec.write.markdown import (
    ACTORS_INDEX,
    CHRONOLOGY,
    DATA_PAGE,
    DOCUMENTS_INDEX,
    GENERATED_DIRS,
    SEARCH_PAGE,
    THEMES_INDEX,
    document_path,
)

from .generate import generate_corpus
from .project import Run, python, run, tree_size

BENCH_DIR = ".bench"  # scratch outputs inside the benchmark project
ZENSICAL_VENV = Path("/tmp/coopsec-bench-zensical")
EDIT_MARK = " révisé"
ADDED_SEED = 10_000
"""Seed of the text the added-text rebuild adds (the corpus's own seeds are small)."""
INDEX_PAGES = frozenset((DOCUMENTS_INDEX, THEMES_INDEX, ACTORS_INDEX, CHRONOLOGY, DATA_PAGE, SEARCH_PAGE, OVERVIEW))
"""Corpus-wide pages: they may change whenever any document does."""
MEETING_LINK = re.compile(r"chronologie\.html#([\w-]+)")
"""A link to a meeting of the chronology, from a generated page."""


class BenchmarkError(RuntimeError):
    """A measured command failed; the message ends with its error output."""


def worker(task: str, root: Path) -> dict[str, Any]:
    """Run ``python -m benchmarks.worker TASK ROOT``; its JSON plus the wall time of the child."""
    done = run(python("-m", "benchmarks.worker", task, str(root)), root)
    _check(done, f"benchmarks.worker {task}")
    result = json.loads(done.stdout)
    result["wall_s"] = done.seconds
    return result


def _check(done: Run, what: str) -> None:
    if done.returncode:
        raise BenchmarkError(f"{what} a échoué (code {done.returncode}) :\n{done.stderr[-3000:]}")


def full_build(root: Path) -> dict[str, Any]:
    """``build(root)`` from a cold conversion cache, in a child process."""
    shutil.rmtree(root / ".cache", ignore_errors=True)
    return worker("build", root)


def bare_mkdocs(root: Path) -> dict[str, Any]:
    """``python -m mkdocs build -q`` on the Markdown the full build left in docs/."""
    done = run(python("-m", "mkdocs", "build", "-q", "-d", str(root / BENCH_DIR / "mkdocs-site")), root)
    _check(done, "mkdocs build")
    return {"wall_s": done.seconds}


def plain_mkdocs(root: Path) -> dict[str, Any]:
    """``python -m mkdocs build -q`` on plain pages of the same texts (``benchmarks.worker plain_pages``)."""
    pages = worker("plain_pages", root)
    plain_root = Path(pages["root"])
    done = run(python("-m", "mkdocs", "build", "-q"), plain_root)
    _check(done, "mkdocs build (pages simples)")
    return {"wall_s": done.seconds, "pages": pages["pages"]}


def zensical_build(root: Path) -> dict[str, Any]:
    """Zensical on a copy of the same Markdown and configuration (without the MkDocs hook), from a clean cache.

    It runs in a copy because ``zensical build --clean`` empties the project's ``.cache/``, where coopsec
    keeps its conversion cache too."""
    binary = ZENSICAL_VENV / "bin" / "zensical"
    if not binary.exists():
        note = _install_zensical()
        if note:
            return {"skipped": note}
    copy = root / BENCH_DIR / "zensical-project"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root / "docs", copy / "docs")
    shutil.copytree(root / "overrides", copy / "overrides")
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    (copy / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    done = run([str(binary), "build", "--clean", "-f", "mkdocs.yml"], copy)
    if done.returncode:
        return {"skipped": f"échec de zensical build : {(done.stderr.strip().splitlines() or [''])[-1][:400]}"}
    return {"wall_s": done.seconds, "pages": len(list((copy / "site").rglob("*.html")))}


def _install_zensical() -> str:
    """Install Zensical from PyPI into its own venv under /tmp; a note saying why not, or ""."""
    for command in (
        python("-m", "venv", str(ZENSICAL_VENV)),
        [str(ZENSICAL_VENV / "bin" / "pip"), "install", "-q", "zensical"],
    ):
        done = run(command, Path("/tmp"))
        if done.returncode:
            shutil.rmtree(ZENSICAL_VENV, ignore_errors=True)
            return f"Zensical non installable depuis PyPI : {done.stderr.strip()[-300:]}"
    return ""


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime) of every generated file under docs/, by path relative to docs/."""
    docs = root / "docs"
    return {
        path.relative_to(docs).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
        for name in GENERATED_DIRS
        for path in (docs / name).rglob("*")
        if path.is_file()
    }


def edit_text(path: Path) -> None:
    """Change one word of a text: its longest line (body text) gets one more word."""
    lines = path.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] = lines[longest].rstrip() + EDIT_MARK
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")


def rebuild(root: Path) -> tuple[dict[str, Any], list[str]]:
    """``build(root)`` with a warm cache; its figures and the generated files it rewrote or removed."""
    before = snapshot(root)
    result = worker("build", root)
    after = snapshot(root)
    changed = sorted(rel for rel, stamp in after.items() if before.get(rel) != stamp)
    return result, changed + sorted(set(before) - set(after))


def add_text(root: Path) -> Path:
    """A new text in the corpus: one more generated text, from a seed of its own."""
    new = generate_corpus(1, root / BENCH_DIR / "added", seed=ADDED_SEED)[0]
    return new.rename(root / "corpus" / f"added_{new.name}")


def rebuild_with(root: Path, change: Callable[[], object]) -> tuple[dict[str, Any], list[str]]:
    """``change()``, then :func:`rebuild`."""
    change()
    return rebuild(root)


def incremental(root: Path, text: Path) -> dict[str, Any]:
    """A rebuild with nothing changed, then one after editing ``text``, then one after adding a text: time and
    generated files rewritten.

    A page rewritten under docs/corpus/ after the edit is expected when it is the text's own page, a
    corpus-wide index page, a page that links to the text, or a page citing a meeting that the text cites
    too (meetings are merged across texts); any other is reported as unrelated.
    """
    noop, noop_changed = rebuild(root)
    edit_text(text)
    result, changed = rebuild(root)
    slug = load_addresses(root / "corpus" / ADDRESSES)[text.name].current  # the page's address
    page = document_path(slug)
    docs = root / "docs"
    meetings = set(MEETING_LINK.findall((docs / page).read_text(encoding="utf-8")))
    reasons: dict[str, list[str]] = {"links": [], "meetings": [], "unrelated": []}
    for rel in changed:
        if rel.startswith("corpus/") and rel != page and rel not in INDEX_PAGES:
            content = (docs / rel).read_text(encoding="utf-8") if (docs / rel).exists() else ""
            reason = "links" if slug in content else "unrelated"
            if reason == "unrelated" and meetings & set(MEETING_LINK.findall(content)):
                reason = "meetings"
            reasons[reason].append(rel)
    added, added_changed = rebuild_with(root, lambda: add_text(root))
    return result | {
        "document": text.name,
        "added_wall_s": added["wall_s"],
        "added_reconverted": added["reconverted"],
        "added_changed": len(added_changed),
        "noop_wall_s": noop["wall_s"],
        "noop_changed": noop_changed,
        "generated_files": len(snapshot(root)),
        "changed": changed,
        "changed_corpus": sum(rel.startswith("corpus/") for rel in changed),
        "changed_data": sum(rel.startswith("data/") for rel in changed),
        "page_changed": page in changed,
        "linking_pages": reasons["links"],
        "shared_meeting_pages": reasons["meetings"],
        "unrelated_corpus_pages": reasons["unrelated"],
    }


def sizes(root: Path) -> dict[str, Any]:
    """Bytes of site/, of the offline bundle, of the search files the site ships and of the facet data."""
    site = root / "site"
    search = [p for p in site.rglob("*") if p.is_file() and "search" in p.relative_to(site).as_posix()]
    bundle = root / "dist" / BUNDLE_NAME
    return {
        "site_bytes": tree_size(site),
        "site_files": sum(1 for p in site.rglob("*") if p.is_file()),
        "bundle_bytes": bundle.stat().st_size if bundle.exists() else 0,
        "search_bytes": sum(p.stat().st_size for p in search),
        "search_files": len(search),
        "search_largest_bytes": max((p.stat().st_size for p in search), default=0),
        "facets_bytes": (site / "data" / "facets.js").stat().st_size if (site / "data" / "facets.js").exists() else 0,
    }
