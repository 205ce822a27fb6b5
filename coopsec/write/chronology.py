"""The chronology page of the meetings the texts cite, and schema.org JSON-LD.

Meetings (``kind == "meeting"``) are grouped by year; other dated events
(adoptions, signatures, publications) follow in a final section. Every entry
carries a stable anchor, the meeting id, so that the data exports can link
to it. Structured data is written as JSON-LD that can never close its
``<script>`` element, whatever the corpus text contains.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from itertools import groupby
from typing import Any

from coopsec.doctypes import schema_type
from coopsec.extract.dates import format_span_fr
from coopsec.model import PLACE_SOURCES, Document, Meeting, Place, Theme, plain
from coopsec.text import fold
from coopsec.write.markdown import (
    CHRONOLOGY,
    DATA_PAGE,
    document_path,
    escape,
    escape_attr,
    html_block,
    html_link,
    index_address,
    link,
)
from coopsec.write.paging import PAGE_SIZE, page_path, page_title, pager

OTHER_EVENTS = "Autres événements datés"
TITLE = "Chronologie des réunions"

def html_url(path: str, anchor: str = "") -> str:
    """URL of a generated page: its path under docs/ (or a relative link) with ``.html`` for ``.md``."""
    url = path.removesuffix(".md") + ".html"
    return f"{url}#{anchor}" if anchor else url


def one_line(text: str) -> str:
    """Corpus text as one line without footnote calls, for quotes and labels."""
    return " ".join(plain(text).split())


def sorted_meetings(meetings: Iterable[Meeting]) -> list[Meeting]:
    """Meetings in chronological order (start date, end date, then id)."""
    return sorted(meetings, key=lambda m: (m.span.start, m.span.end, m.id))


def jsonld_script(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` element that no string inside can close."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")  # faster than translate
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def chronology_page(meetings: list[Meeting], docs: list[Document]) -> dict[str, str]:
    """The pages of the chronology: meetings by year, then other dated events, each page with its JSON-LD."""
    titles = {doc.slug: one_line(doc.meta.title) or doc.slug for doc in docs}
    pages = _cut(meetings)
    cited = [m for page in pages for m in page if m.kind == "meeting"]
    others = [m for page in pages for m in page if m.kind != "meeting"]
    dated_years = {doc.meta.date[:4] for doc in docs if doc.meta.date}
    result = {}
    position = 1
    for number, entries in enumerate(pages, 1):
        path = page_path(CHRONOLOGY, number)
        title = page_title(TITLE, number, len(pages))
        nav = pager(CHRONOLOGY, number, len(pages))
        lines = ["---", f"title: {title}", "---", "", f"# {TITLE}", "", _intro(path, cited, others), "", *nav]
        on_page = [m for m in entries if m.kind == "meeting"]
        for year, group in groupby(on_page, key=lambda m: m.span.start.year):
            lines += [f"## {year}", ""]
            if str(year) in dated_years:  # the documents index, filtered on the texts of that year
                lines += [f"[Voir les documents de {year} dans l'index]({index_address(path, annee=str(year))})"
                          "{.coopsec-to-index}", ""]
            lines += _entries(path, list(group), titles)
        if len(on_page) < len(entries):
            lines += [f"## {OTHER_EVENTS}", ""]
            lines += _entries(path, entries[len(on_page):], titles)
        lines += [*nav, jsonld_script(_item_list(path, on_page, position, len(cited), titles))]
        if len(pages) > 1:
            lines.append(_forward(pages) if number == 1 else FOLLOW)
        result[path] = "\n".join(lines)
        position += len(on_page)
    return result


def meeting_pages(meetings: Iterable[Meeting]) -> dict[str, str]:
    """Meeting id -> the path under docs/ of the chronology page that lists it."""
    return {m.id: page_path(CHRONOLOGY, number) for number, entries in enumerate(_cut(meetings), 1) for m in entries}


def _cut(meetings: Iterable[Meeting]) -> list[list[Meeting]]:
    """The meetings in chronological order, then the other dated events, in pages of about
    :data:`~coopsec.write.paging.PAGE_SIZE` entries (at least one page), cut only between two start days or
    where the events begin: an entry's page then follows from its kind and its start date, which begins its id
    (see :data:`FORWARD`)."""
    dated = sorted_meetings(meetings)
    pages: list[list[Meeting]] = [[]]
    for meeting in [m for m in dated if m.kind == "meeting"] + [m for m in dated if m.kind != "meeting"]:
        if len(pages[-1]) >= PAGE_SIZE and not _same_day(pages[-1][-1], meeting):
            pages.append([])
        pages[-1].append(meeting)
    return pages


def _same_day(one: Meeting, other: Meeting) -> bool:
    """Both meetings, or both other events, starting the same day."""
    return (one.kind == "meeting") == (other.kind == "meeting") and one.span.start == other.span.start


FORWARD = """<script>
(function () {
  var id = decodeURIComponent(location.hash.slice(1)), day = id.slice(0, 10), found = [];
  if (!/^\\d{4}-\\d\\d-\\d\\d$/.test(day) || document.getElementById(id)) return;
  STARTS.forEach(function (starts) {
    var page = 0;
    starts.forEach(function (start) { if (start[0] <= day) page = start[1]; });
    if (page > 1) found.push("page-" + page + ".html");
  });
  if (found.length) {
    location.replace("chronologie/" + found[0] + (found[1] ? "?ailleurs=" + found[1] : "") + location.hash);
  }
})();
</script>
"""
"""The script of page 1, the chronology's address before it had pages: an anchor it does not hold
(``chronologie.html#<meeting id>``, from a document's structured data or an old link) is sent on to the page
of meetings, then of events, whose first start day comes last before the day that begins the id
(``STARTS``: the first start day of each page of meetings and of events)."""

FOLLOW = """<script>
(function () {
  var id = decodeURIComponent(location.hash.slice(1)), other = /[?&]ailleurs=(page-\\d+\\.html)/.exec(location.search);
  if (id && other && !document.getElementById(id)) location.replace(other[1] + location.hash);
})();
</script>
"""
"""The script of the other pages: an anchor sent here by page 1 but listed among the events goes on there."""


def _forward(pages: list[list[Meeting]]) -> str:
    """Page 1's :data:`FORWARD` script, with the first start day of each page of meetings and of events."""
    by_kind: list[list[list[str | int]]] = [[], []]
    for number, page in enumerate(pages, 1):
        for kind, group in groupby(page, key=lambda m: m.kind != "meeting"):
            by_kind[kind].append([next(group).span.start.isoformat(), number])
    return FORWARD.replace("STARTS", json.dumps(by_kind, separators=(",", ":")))


def _intro(page: str, cited: list[Meeting], others: list[Meeting]) -> str:
    data_link = link(page, DATA_PAGE)
    data = f"Ces données sont aussi téléchargeables en JSON, CSV et iCalendar : voir [Données]({data_link})."
    if not cited:
        return f"Aucune réunion n’est citée par les textes du corpus. {data}"
    first, last = cited[0].span.start.year, cited[-1].span.start.year
    years = f"en {first}" if first == last else f"de {first} à {last}"
    count = "la seule réunion citée" if len(cited) == 1 else f"les {len(cited)} réunions citées"
    text = (
        f"Cette chronologie rassemble {count} par les textes du corpus, {years}. "
        "Chaque entrée renvoie aux paragraphes qui la mentionnent, avec la citation exacte."
    )
    if others:
        text += (
            " Les autres événements datés (adoptions, signatures, publications) figurent à la fin de la chronologie."
        )
    return f"{text} {data}"


def _entries(page: str, meetings: list[Meeting], titles: dict[str, str]) -> list[str]:
    """The list of a section's meetings: an HTML block (see ``markdown.py``) in the common case of several
    entries each cited by a document of the corpus, else Markdown (a one-entry list or an entry without
    sub-items is written differently by Python-Markdown)."""
    if len(meetings) < 2 or not all(any(c.document in titles for c in m.sources) for m in meetings):
        return [entry for meeting in meetings for entry in _entry(page, meeting, titles)]
    items = []
    for meeting in meetings:
        cited = [citation for citation in meeting.sources if citation.document in titles]
        sub = [f'<li><a href="{escape_attr(html_link(page, document_path(c.document), c.anchor))}">'
               f"{html.escape(titles[c.document], quote=False)}</a> : "
               f"« {html.escape(one_line(c.quote), quote=False)} »</li>" for c in cited]
        items += ["<li>", f"<p>{_head(meeting, as_html=True)}</p>", "<ul>", *sub, "</ul>", "</li>"]
    return [html_block(["<ul>", *items, "</ul>"])]


def _head(meeting: Meeting, as_html: bool) -> str:
    """What a meeting's entry says, as HTML or Markdown: its anchor, its dates, its name, its place and how its
    date was inferred."""
    def escaped(text: str) -> str:
        return html.escape(text, quote=False) if as_html else escape(text)

    dates = escaped(format_span_fr(meeting.span))
    head = f'<a id="{escape_attr(meeting.id)}"></a>' + (f"<strong>{dates}</strong>" if as_html else f"**{dates}**")
    head += " — " + escaped(one_line(meeting.name))
    if where := place_text(meeting.place, meeting.name):
        head += f" ({escaped(one_line(where))})"
    if meeting.date_note:
        head += f" — date déduite : {escaped(meeting.date_note)}"
    return head


def _entry(page: str, meeting: Meeting, titles: dict[str, str]) -> list[str]:
    """A list item for one meeting (place shown unless the name says it) and one sub-item per citation."""
    lines = ["- " + _head(meeting, as_html=False)]
    for citation in meeting.sources:
        if citation.document in titles:
            target = link(page, document_path(citation.document), citation.anchor)
            title = escape(titles[citation.document])
            lines.append(f"    - [{title}]({target}) : « {escape(one_line(citation.quote))} »")
    return [*lines, ""]


def place_text(place: Place, name: str = "") -> str:
    """A meeting's place as the chronology shows it: ``La Haye, Pays-Bas``, with how it was inferred.

    A name the meeting's own name already says (``Conférence de Nouakchott``) is not repeated.
    """
    said = fold(name)
    names = ", ".join(dict.fromkeys(n for n in (place.label, place.country) if n and fold(n) not in said))
    if place.source in PLACE_SOURCES and place.source != "texte":
        how = PLACE_SOURCES[place.source]
        return f"{names or place.label} — lieu {how}" + (f" : {place.via}" if place.via else "")
    return names


def _event(meeting: Meeting) -> dict[str, Any]:
    """A meeting as a schema.org ``Event``."""
    start, end = meeting.span.iso()
    event: dict[str, Any] = {"@type": "Event", "name": one_line(meeting.name), "startDate": start, "endDate": end}
    if meeting.place:
        event["location"] = {"@type": "Place", "name": one_line(meeting.place.label)}
        if meeting.place.country:
            event["location"]["address"] = {"@type": "PostalAddress", "addressCountry": meeting.place.country}
    return event


def _item_list(page: str, cited: list[Meeting], first: int, total: int, titles: dict[str, str]) -> dict[str, Any]:
    """schema.org ``ItemList`` of the chronology's ``total`` meetings, with those of ``page`` (from position
    ``first``), each with the documents citing it."""
    items = []
    for position, meeting in enumerate(cited, start=first):
        slugs = dict.fromkeys(c.document for c in meeting.sources if c.document in titles)
        event = {**_event(meeting), "url": f"#{meeting.id}"}
        if slugs:
            event["subjectOf"] = [
                {
                    "@type": "CreativeWork",
                    "name": titles[slug],
                    "url": html_url(link(page, document_path(slug))),
                }
                for slug in slugs
            ]
        items.append({"@type": "ListItem", "position": position, "item": event})
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": "Chronologie des réunions",
        "numberOfItems": total,
        "itemListElement": items,
    }


def document_jsonld(doc: Document, themes: Iterable[Theme] = ()) -> str:
    """The JSON-LD block of a document page; ``themes`` gives labels to the document's theme ids; the texts it
    cites are its ``citation`` (the page of one of the corpus, the wording of one outside)."""
    meta = doc.meta
    labels = {theme.id: theme.label for theme in themes}
    page = document_path(doc.slug)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": schema_type(meta.doc_type),
        "name": one_line(meta.title),
    }
    optional = {
        "genre": meta.doc_type,
        "datePublished": meta.date,
        "inLanguage": meta.languages,
        "identifier": meta.references,
        "about": [
            {"@type": "DefinedTerm", "name": labels.get(theme_id, theme_id), "termCode": theme_id}
            for theme_id in sorted(doc.themes)
        ],
    }
    data |= {key: value for key, value in optional.items() if value}
    if meta.place:
        data["locationCreated"] = {"@type": "Place", "name": meta.place}
    if meta.issuing_body:
        data["author"] = data["publisher"] = {"@type": "Organization", "name": meta.issuing_body}
    if doc.meetings:
        data["mentions"] = [
            {**_event(m), "url": html_url(link(page, CHRONOLOGY), m.id)}
            for m in sorted_meetings(doc.meetings)
        ]
    cited = dict.fromkeys((c.target, c.target_anchor) if c.target else ("", " ".join(c.wording.split()))
                          for c in doc.cites)
    if cited:
        data["citation"] = [{"@type": "CreativeWork", "url": html_url(link(page, document_path(target)), detail)}
                            if target else {"@type": "CreativeWork", "name": detail} for target, detail in cited]
    return jsonld_script(data)
