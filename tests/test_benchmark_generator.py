"""The benchmark's synthetic corpus (deterministic, varied, shaped like the seed texts) and its pure helpers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.builds import edit_text
from benchmarks.generate import MAX_BYTES, MIN_BYTES, generate_corpus
from benchmarks.report import memory_growth, targets

N = 20
MONTH = r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
DATE_FORMS = {
    "one day": rf"\ble \d{{1,2}} {MONTH} \d{{4}}",
    "two days": rf"\bles \d{{1,2}} et \d{{1,2}} {MONTH} \d{{4}}",
    "range": rf"\bdu \d{{1,2}}(?: {MONTH})? au \d{{1,2}} {MONTH} \d{{4}}",
    "month": rf"\ben {MONTH} \d{{4}}",
}
PAGE_BREAK = re.compile(r"\n(?:[ \t\f]*\n){3,}")
PAGE_NUMBER = re.compile(r"^(?:- \d+ -|Page \d+ sur \d+|\d+/\d+|\d+)$", re.MULTILINE)


@pytest.fixture(name="corpus", scope="module")
def fixture_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate_corpus(N, tmp_path_factory.mktemp("corpus"), seed=7)


def texts(paths: list[Path]) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in paths]


def test_same_seed_same_files(corpus: list[Path], tmp_path: Path) -> None:
    again = generate_corpus(N, tmp_path, seed=7)
    assert [p.name for p in again] == [p.name for p in corpus]
    assert texts(again) == texts(corpus)


def test_other_seed_other_texts(corpus: list[Path], tmp_path: Path) -> None:
    other = generate_corpus(N, tmp_path, seed=8)
    assert not set(texts(other)) & set(texts(corpus))


def test_text_does_not_depend_on_corpus_size(corpus: list[Path], tmp_path: Path) -> None:
    prefix = generate_corpus(5, tmp_path, seed=7)
    assert texts(prefix) == texts(corpus[:5])


def test_file_names_sorted_and_unique(corpus: list[Path]) -> None:
    names = [p.name for p in corpus]
    assert names == sorted(names) and len(set(names)) == N
    assert all(re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", name) for name in names)


def test_texts_all_different(corpus: list[Path]) -> None:
    assert len(set(texts(corpus))) == N


def test_sizes_in_range_with_realistic_mean(corpus: list[Path]) -> None:
    sizes = [p.stat().st_size for p in corpus]
    assert all(MIN_BYTES <= size <= MAX_BYTES for size in sizes)
    assert 6_000 <= sum(sizes) / N <= 14_000
    assert max(sizes) - min(sizes) > 8_000


def test_several_kinds_of_text(corpus: list[Path]) -> None:
    all_texts = texts(corpus)
    council = [t for t in all_texts if re.search(r"^Objet:\t", t, re.MULTILINE) and "**NOTE" in t]
    letters = [t for t in all_texts if "COMPTE RENDU DE DÉCISIONS" in t and "L'Ambassadeur" in t]
    web = [t for t in all_texts if "URL de la source" in t and t.rstrip().endswith("Bannière:")]
    declarations = [t for t in all_texts if re.search(r"^ ?D[ÉE]CLARATION ", t, re.MULTILINE)]
    assert council and letters and web and declarations


def test_pdf_extractions_have_page_breaks_footers_and_wraps(corpus: list[Path]) -> None:
    pdf = [t for t in texts(corpus) if re.search(r"^ ?D[ÉE]CLARATION ", t, re.MULTILINE)]
    assert all(PAGE_BREAK.search(t) for t in pdf)
    assert any(len(PAGE_NUMBER.findall(t)) >= 2 for t in pdf)
    footers = [
        line
        for t in pdf
        for line in set(t.splitlines())
        if line.startswith("Déclaration ") and t.count(line + "\n") >= 2
    ]
    assert footers, "a running footer repeated on several pages"
    lines = [line.rstrip() for t in pdf for line in t.splitlines() if line.strip()]
    assert sum(len(line) <= 112 for line in lines) > 0.95 * len(lines), "hard-wrapped"
    assert sum(85 <= len(line) <= 112 for line in lines) > len(lines) / 3


def test_hyphenated_line_ends_and_bullets(corpus: list[Path]) -> None:
    joined = "\n".join(texts(corpus))
    assert re.search(r"[a-zé]{3,}-[ ]?\n[a-zéè]{3,}", joined)
    assert re.search(r"^(?:•|▪|\uf0b7|–|-     )", joined, re.MULTILINE)


def test_numbered_paragraph_styles(corpus: list[Path]) -> None:
    joined = "\n".join(texts(corpus))
    assert re.search(r"^\d{1,2}\. \w", joined, re.MULTILINE)
    assert re.search(r"^- \d\.\d{1,2} prend note", joined, re.MULTILINE)
    assert re.search(r"^P\d+[A-Z]?: ", joined, re.MULTILINE)


def test_uppercase_headings(corpus: list[Path]) -> None:
    joined = "\n".join(texts(corpus))
    assert re.search(
        r"^(?:[IVX]+\. )?(?:LA LUTTE CONTRE|COOPERATION DANS|COOPÉRATION DANS)[A-ZÉÈÊ' ]+$", joined, re.MULTILINE
    )


def test_footnotes_both_styles(corpus: list[Path]) -> None:
    joined = "\n".join(texts(corpus))
    assert re.search(r"\w<sup>1</sup>", joined) and re.search(r"^<sup>1</sup> \S", joined, re.MULTILINE)
    assert re.search(r"\w¹", joined) and re.search(r"^¹ \S", joined, re.MULTILINE)


def test_dates_in_several_forms(corpus: list[Path]) -> None:
    joined = "\n".join(texts(corpus))
    for form, pattern in DATE_FORMS.items():
        assert re.search(pattern, joined, re.IGNORECASE), form


def test_places_organisations_and_meetings(corpus: list[Path]) -> None:
    joined = "\n".join(texts(corpus))
    places = {
        "Alger",
        "Rabat",
        "Tunis",
        "Madrid",
        "Rome",
        "Lisbonne",
        "La Valette",
        "Nouakchott",
        "Tripoli",
        "Paris",
        "Bruxelles",
        "Monaco",
    }
    assert len({p for p in places if f"à {p}" in joined}) >= 8
    assert all(organisation in joined for organisation in ("INTERPOL", "Europol", "l'OTAN"))
    for meeting in ("Conférence", "réunion", "Sommet", "atelier"):
        assert re.search(rf"{meeting}\b[^.;]*, (?:tenue?|organisée?) à ", joined), meeting


def test_french_contractions_applied(corpus: list[Path]) -> None:
    joined = "\n".join(texts(corpus))
    assert not re.search(r"\b(?:de le|de les|à le|à les) ", joined)
    assert not re.search(r"\bde [aeiouéè]", joined)


# ---------- pure helpers of the benchmark harness ----------


def test_edit_text_adds_one_word_to_the_longest_line(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Titre\n\nUne ligne de texte plus longue que les autres.\nFin\n", encoding="utf-8")
    edit_text(path)
    assert path.read_text(encoding="utf-8") == ("Titre\n\nUne ligne de texte plus longue que les autres. révisé\nFin\n")


def test_memory_growth_per_document() -> None:
    # 40 MiB with no text, +10 MiB for 100 texts, +100 MiB for 1000: linear, ratio 1.
    results = {"docs": 1000, "conversion": {"memory_mb": {"0": 40.0, "n/10": 50.0, "n": 140.0}}}
    assert memory_growth(results) == pytest.approx(1.0)
    results["conversion"]["memory_mb"]["n"] = 240.0
    assert memory_growth(results) == pytest.approx(2.0)


def test_targets_verdicts() -> None:
    results = {
        "docs": 1000,
        "conversion": {"single": {"docs_per_s": 650.0}},
        "build": {"wall_s": 30.0},
        "mkdocs": {"wall_s": 20.0},
        "plain": {"wall_s": 10.0, "pages": 1000},
        "incremental": {"noop_wall_s": 1.2, "wall_s": 4.5},
    }
    verdicts = {target.name: target.passed for target in targets(results)}
    assert verdicts["conversion, 1 cœur"] is True
    assert verdicts["build complet / mkdocs nu"] is False  # x1.5
    assert verdicts["build complet / pages simples"] is False  # x3
    assert verdicts["sans changement / build complet"] is True  # 4 %
    assert verdicts["1 texte modifié / build complet"] is False  # 15 %
    assert verdicts["recherche hors ligne"] is None
