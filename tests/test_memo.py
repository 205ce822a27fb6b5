"""The memo of generated pieces: a piece is made again when a value it is made from changes, the next build gets
only what this one used, and a memo left by other code (or unreadable) is not trusted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from coopsec import memo as memo_module
from coopsec.memo import Memo
from coopsec.model import DateSpan


def test_a_piece_is_made_again_only_when_its_values_change() -> None:
    made: list[str] = []

    def make(text: str) -> str:
        made.append(text)
        return text.upper()

    first = Memo()
    assert first.get(("a", DateSpan(date(2013, 4, 9), date(2013, 4, 9), "day", "9 avril")), lambda: make("a")) == "A"
    assert first.get("b", lambda: make("b")) == "B"
    second = Memo(first.used)
    span = DateSpan(date(2013, 4, 9), date(2013, 4, 9), "day", "9 avril")
    assert second.get(("a", span), lambda: make("other")) == "A"  # the same values: the piece of the last build
    later = DateSpan(date(2013, 4, 9), date(2013, 4, 10), "day", "9 avril")
    assert second.get(("a", later), lambda: make("a2")) == "A2"  # one date changed: made again
    assert made == ["a", "b", "a2"]
    assert sorted(second.used.values()) == ["A", "A2"]  # "b" was not asked for: the next build does not get it


def test_a_memo_is_kept_for_the_same_code_only(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / ".cache" / "memo.pickle"
    assert Memo.load(path) == Memo()  # none yet
    memo = Memo()
    memo.get("a", lambda: "A")
    memo.save(path)
    assert Memo.load(path) == Memo(memo.used)
    assert [p.name for p in path.parent.iterdir()] == ["memo.pickle"]  # nothing left aside
    monkeypatch.setattr(memo_module, "CODE_FINGERPRINT", "other code")
    assert Memo.load(path) == Memo()
    path.write_bytes(b"\x80\x05truncated")
    assert Memo.load(path) == Memo()
