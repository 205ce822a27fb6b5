"""A chronology of several pages, from file://: an old link ``chronologie.html#<id>`` reaches its entry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import markdown
import pytest

from coopsec.model import Citation, DateSpan, Meeting, Place
from coopsec.write.chronology import chronology_page, meeting_pages
from coopsec.write.paging import PAGE_SIZE

PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Chronologie</title></head>
<body><main><article class="md-typeset">{body}</article></main></body></html>
"""


def _meetings(count: int, kind: str) -> list[Meeting]:
    """``count`` meetings (or events), two a day from 1 January 2020."""
    days = [date.fromordinal(date(2020, 1, 1).toordinal() + n // 2) for n in range(count)]
    return [Meeting(f"{day.isoformat()}-tunis-{kind}-{n}", f"Réunion {n}", DateSpan(day, day, "day", ""),
                    Place("Tunis"), kind=kind, sources=[Citation("doc", "a-1", "…")]) for n, day in enumerate(days)]


MEETINGS = _meetings(PAGE_SIZE + 1, "meeting") + _meetings(PAGE_SIZE + 1, "adoption")


@pytest.fixture(scope="module", name="chronology")
def fixture_chronology(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("chronology")
    for path, text in chronology_page(MEETINGS, []).items():
        body = markdown.markdown(text.split("---", 2)[2], extensions=["md_in_html", "attr_list"])
        target = site / path.replace(".md", ".html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(PAGE.format(body=body), encoding="utf-8")
    return site


def test_an_old_link_to_an_entry_reaches_the_page_that_lists_it(open_view: Callable, chronology: Path) -> None:
    view = open_view(chronology.as_uri() + "/")
    pages = meeting_pages(MEETINGS)
    assert len(set(pages.values())) == 3  # meetings, meetings then events, events
    for ident in ("2020-01-01-tunis-meeting-0", f"2020-02-20-tunis-meeting-{PAGE_SIZE}",
                  "2020-01-01-tunis-adoption-0",  # a day of page 1's meetings: the events' page
                  f"2020-02-20-tunis-adoption-{PAGE_SIZE}"):  # page 2 holds that day's meeting, not this event
        view.page.goto("about:blank")  # a link from elsewhere loads the page (a new hash alone would not)
        view.page.goto(view.url("corpus/chronologie.html#" + ident))
        expected = pages[ident].replace(".md", ".html")
        view.page.wait_for_url(lambda url, expected=expected: url.split("?")[0].split("#")[0].endswith(expected))
        assert view.page.evaluate("location.hash") == "#" + ident
        assert view.page.locator(f"[id='{ident}']").count() == 1
    assert view.external == [] and view.errors == []
