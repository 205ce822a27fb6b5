"""Accuracy of the chronology: extraction scored against hand-read answer keys.

    python -m benchmarks.accuracy [--set seeds|devset|holdout|all] [--misses]

Three sets of texts, each with its answer key read by hand:

- ``seeds``: the corpus's five seed texts, key in ``benchmarks/gold/seed-meetings.yml``;
- ``devset``: the annotated development texts of ``benchmarks/devset/`` (``*.txt`` with ``*.key.yml``);
- ``holdout``: texts of the same genres written apart and not read while tuning, ``benchmarks/holdout/``
  (their misses were read once, so they are no longer quite unseen);
- ``unseen``: texts written blind (by writers who read neither the code nor the other sets) after the
  rules they are scored on, ``benchmarks/unseen/``: only their figures are read, never their misses.

Each text goes through the same code as a build (:func:`coopsec.pipeline.process`). Printed per set:
meetings found with exact dates (strict) or with overlapping dates (relaxed), the same with the city
right where the key gives one, dated events that are not meetings, and the document's own date and place,
as precision, recall and F1; then, with ``--misses``, every meeting missed or listed wrongly.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

from coopsec.model import Meeting
from coopsec.pipeline import Project, Thesauri, process
from coopsec.text import fold

REPO = Path(__file__).resolve().parent.parent
SETS = {name: REPO / "benchmarks" / name for name in ("devset", "holdout", "unseen")}
SEED_KEY = REPO / "benchmarks" / "gold" / "seed-meetings.yml"
"""A copy of the shared answer key of the seeds (``shared/gold/seed-meetings.yml``), so that CI has it."""


@dataclass(frozen=True)
class Expected:
    """One meeting or event of an answer key: ISO dates at the text's precision, city if the text gives one."""

    name: str
    start: str
    end: str
    city: str | None = None
    core: bool = True


@dataclass(frozen=True)
class Found:
    """One meeting or event as extracted, reduced to what is scored."""

    name: str
    start: str
    end: str
    city: str
    country: str = ""
    quote: str = ""


@dataclass
class Text:
    """One text of a set with its answer key."""

    name: str
    path: Path
    date: str | None
    place: str | None
    meetings: list[Expected]
    events: list[Expected] = field(default_factory=list)


@dataclass
class Tally:
    """Counts for precision and recall of one field."""

    true: int = 0
    found: int = 0
    expected: int = 0

    def add(self, other: Tally) -> None:
        self.true, self.found, self.expected = (
            self.true + other.true, self.found + other.found, self.expected + other.expected)

    @property
    def precision(self) -> float:
        return self.true / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Tallies of one set, by field, with the misses."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        return self.tallies.setdefault(name, Tally())


FIELDS = {
    "meetings (strict)": "réunion trouvée, dates exactes",
    "meetings + city (strict)": "dates exactes et ville juste quand le texte en donne une",
    "meetings (relaxed)": "réunion trouvée, dates qui se recouvrent",
    "meetings + city (relaxed)": "dates qui se recouvrent, ville juste",
    "events (strict)": "autre événement daté, dates exactes",
    "document date": "date propre du document, exacte",
    "document place": "lieu propre du document (ville), exact",
}


def _iso(value: object) -> str:
    return "" if value is None else str(value)


def _week_days(value: str) -> tuple[str, str] | None:
    """The Monday and Sunday of an ISO week written ``2019-W10`` ("la semaine dernière"), else None."""
    if not (week := re.fullmatch(r"(\d{4})-W(\d{2})", value)):
        return None
    monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
    return monday.isoformat(), (monday + timedelta(6)).isoformat()


def _expected(entry: dict) -> Expected:
    start = _iso(entry.get("start", entry.get("date")))
    end = _iso(entry.get("end", start)) or start
    if (first := _week_days(start)) and (last := _week_days(end)):
        start, end = first[0], last[1]
    city = entry.get("city", entry.get("place"))
    return Expected(str(entry.get("name", entry.get("label", ""))), start, end, city, bool(entry.get("core", True)))


def load_set(directory: Path) -> list[Text]:
    """The texts of a development or held-out folder with their keys."""
    texts = []
    for path in sorted(directory.glob("*.txt")):
        key = yaml.safe_load(path.with_suffix(".key.yml").read_text(encoding="utf-8"))
        document = key.get("document") or {}
        texts.append(Text(path.stem, path, _iso(document.get("date")) or None, document.get("place"),
                          [_expected(m) for m in key.get("meetings") or []],
                          [_expected(e) for e in key.get("events") or []]))
    return texts


def load_seeds() -> list[Text]:
    """The seed texts with the meetings of the shared key (their own date and place are not in it)."""
    entries = yaml.safe_load(SEED_KEY.read_text(encoding="utf-8"))
    texts = []
    for path in sorted((REPO / "corpus").glob("*.txt")):
        prefix = path.stem.split("_")[0]
        meetings = [_expected(e) for e in entries if f"{e['source']:03}" == prefix or str(e["source"]) == prefix]
        texts.append(Text(path.stem, path, None, None, meetings))
    return texts


def _overlaps(a: Expected, b: Found) -> bool:
    return b.start[: len(a.end)] <= a.end and a.start[: len(b.end)] <= b.end


def _exact(a: Expected, b: Found) -> bool:
    return (a.start, a.end) == (b.start, b.end)


def _city_ok(a: Expected, b: Found) -> bool:
    """The key's place is the found town, or the found country when no town is found (``Maroc``)."""
    return not a.city or fold(a.city) == fold(b.city or b.country)


def _match(
    expected: list[Expected], found: list[Found], same: Callable[[Expected, Found], bool]
) -> tuple[Tally, list[Expected], list[Found]]:
    """One-to-one matching; non-core expected entries count neither as missed nor, when found, as wrong."""
    left = list(found)
    missed: list[Expected] = []
    tally = Tally()
    for entry in sorted(expected, key=lambda e: not e.core):
        hit = next((f for f in left if same(entry, f)), None)
        if hit is not None:
            left.remove(hit)
        if entry.core:
            tally.expected += 1
            tally.true += hit is not None
            if hit is None:
                missed.append(entry)
    tally.found = tally.true + len(left)
    return tally, missed, left


def _found(meetings: Iterable[Meeting], kind: str) -> list[Found]:
    return [
        Found(m.name, *m.span.iso(), m.place.city, m.place.country, m.sources[0].quote if m.sources else "")
        for m in meetings if m.kind == kind
    ]


def score(texts: list[Text], thesauri: Thesauri, project: Project) -> Scores:
    """Extract every text as a build would and compare with its key."""
    scores = Scores()
    for text in texts:
        doc = process(text.path, project, thesauri)
        meetings, events = _found(doc.meetings, "meeting"), _found(doc.meetings, "event")
        rules = {
            "meetings (strict)": _exact,
            "meetings + city (strict)": lambda a, b: _exact(a, b) and _city_ok(a, b),
            "meetings (relaxed)": _overlaps,
            "meetings + city (relaxed)": lambda a, b: _overlaps(a, b) and _city_ok(a, b),
        }
        for name, rule in rules.items():
            tally, missed, wrong = _match(text.meetings, meetings, rule)
            scores.tally(name).add(tally)
            if name == "meetings + city (strict)":
                scores.misses += [f"{text.name}: manquée : {_describe(e)}" for e in missed]
                scores.misses += [f"{text.name}: en trop : {_describe(f)} « {f.quote[:90]} »" for f in wrong]
        if text.events:
            # a meeting listed as an event is not an event wrongly found
            key = text.events + [Expected(m.name, m.start, m.end, m.city, core=False) for m in text.meetings]
            scores.tally("events (strict)").add(_match(key, events, _exact)[0])
        if text.date is not None:
            scores.tally("document date").add(_single(text.date, doc.meta.date))
            if doc.meta.date != text.date:
                scores.misses.append(f"{text.name}: date du document : {doc.meta.date or '-'} au lieu de {text.date}")
            city, found = text.place or "", doc.meta.place
            scores.tally("document place").add(_single(fold(city), fold(found)))
            if fold(city) != fold(found):
                scores.misses.append(f"{text.name}: lieu du document : {found or '-'} au lieu de {city or '-'}")
    return scores


def _describe(entry: Expected | Found) -> str:
    return f"{entry.start}/{entry.end} {entry.city or '-'} — {entry.name}"


def _single(expected: str, found: str) -> Tally:
    """A field with one value per document: right, wrong, or left empty."""
    return Tally(true=int(bool(expected) and expected == found), found=int(bool(found)), expected=int(bool(expected)))


def run(names: Iterable[str]) -> dict[str, Scores]:
    """Scores of the named sets (empty sets skipped)."""
    project = Project(REPO)
    thesauri = Thesauri.load(project)
    loaders = {"seeds": load_seeds, **{name: (lambda d=d: load_set(d)) for name, d in SETS.items()}}
    return {name: score(texts, thesauri, project) for name in names if (texts := loaders[name]())}


def report(results: dict[str, Scores], misses: bool) -> str:
    lines = []
    for name, scores in results.items():
        lines += [f"## {name}", "", f"{'champ':28} {'P':>6} {'R':>6} {'F1':>6} {'trouvés':>8} {'attendus':>8}"]
        for field_name in FIELDS:
            if tally := scores.tallies.get(field_name):
                lines.append(f"{field_name:28} {tally.precision:6.1%} {tally.recall:6.1%} {tally.f1:6.1%}"
                             f" {tally.found:8} {tally.expected:8}")
        if misses and scores.misses and name != "unseen":  # texts written blind: their misses are never read
            lines += ["", *scores.misses]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["seeds", *SETS, "all"], default="all", help="which texts to score")
    parser.add_argument("--misses", action="store_true", help="list every meeting missed or listed wrongly")
    args = parser.parse_args(argv)
    names = ["seeds", *SETS] if args.set == "all" else [args.set]
    print(report(run(names), args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
