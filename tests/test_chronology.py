"""The chronology page and the JSON-LD blocks, on meetings read from the seed texts."""

from __future__ import annotations

import json
import re
from datetime import date

from coopsec.model import Citation, DateSpan, Document, Meeting, Metadata, Place, Source, Theme
from coopsec.write.chronology import chronology_page, document_jsonld, meeting_pages
from coopsec.write.markdown import CHRONOLOGY
from coopsec.write.paging import PAGE_SIZE

ALGER = "000-declaration-d-alger"
CLASI = "001-declaration-conjointe-ue-clasi"
INTERPOL = "004-declaration-finale"

# Quotes copied from the seeds (joined into one line per paragraph).
QUOTE_ALGER = (
    "a eu lieu à Alger les 08 et 09 Avril 2013 la Conférence des Ministres de l’Intérieur "
    "du bassin de la Méditerranée Occidentale"
)
QUOTE_NOUAKCHOTT = (
    "De réitérer leur décision prise lors de la Conférence de Nouakchott tenue les 21 et 22 Mai 2008"
)
QUOTE_VENISE = (
    "Rappelant également les conclusions de la 14ème CIMO, tenue à Venise les 23 et 24 Novembre 2009"
)
QUOTE_TASK_FORCE = (
    "dont la première réunion opérationnelle s'est tenue en octobre 2022 à Buenos Aires (Argentine)"
)
QUOTE_INTERPOL = (
    "Le 4 novembre 2014, à l’occasion de la 83ème session de l’Assemblée générale d’INTERPOL, à Monaco"
)
QUOTE_CELAC = (
    "vu la déclaration des chefs d'État ou de gouvernement de l'Union européenne (UE) et de la Communauté "
    "des États latino-américains et des Caraïbes (CELAC) faite le 18 juillet 2023 à Bruxelles (Belgique)"
)


def day(start: date, end: date, text: str) -> DateSpan:
    return DateSpan(start, end, "day", text)


def document(slug: str, title: str, **meta: object) -> Document:
    source = Source(f"{slug}.txt", "", "0" * 64, "utf-8", 0)
    return Document(slug, source, Metadata(title=title, **meta))


def seed_documents() -> list[Document]:
    return [
        document(ALGER, "DECLARATION D’ALGER", date="2013-04-09", place="Alger"),
        document(CLASI, "Déclaration conjointe UE-CLASI", date="2023-09-15", references=["12838/23"]),
        document(INTERPOL, "DÉCLARATION FINALE", date="2014-11-04", place="Monaco"),
    ]


def seed_meetings() -> list[Meeting]:
    """Meetings of the seeds, deliberately out of order."""
    return [
        Meeting(
            "2022-10-buenos-aires-task-force",
            "Première réunion opérationnelle de la task force birégionale",
            DateSpan(date(2022, 10, 1), date(2022, 10, 31), "month", "en octobre 2022"),
            Place("Buenos Aires"),
            sources=[Citation(CLASI, "p-22", QUOTE_TASK_FORCE)],
        ),
        Meeting(
            "2013-04-08-alger-cimo",
            "15ème conférence des Ministres de l’Intérieur de la Méditerranée Occidentale",
            day(date(2013, 4, 8), date(2013, 4, 9), "les 08 et 09 Avril 2013"),
            Place("Alger"),
            sources=[Citation(ALGER, "a-1", QUOTE_ALGER)],
        ),
        Meeting(
            "2023-07-18-bruxelles-declaration-ue-celac",
            "Déclaration UE-CELAC",
            day(date(2023, 7, 18), date(2023, 7, 18), "le 18 juillet 2023"),
            Place("Bruxelles"),
            kind="event",
            sources=[Citation(CLASI, "p-14", QUOTE_CELAC)],
        ),
        Meeting(
            "2008-05-21-nouakchott-conference",
            "Conférence de Nouakchott",
            day(date(2008, 5, 21), date(2008, 5, 22), "les 21 et 22 Mai 2008"),
            Place("Nouakchott"),
            sources=[Citation(ALGER, "a-40", QUOTE_NOUAKCHOTT)],
        ),
        Meeting(
            "2014-11-04-monaco-interpol",
            "83ème session de l’Assemblée générale d’INTERPOL",
            day(date(2014, 11, 4), date(2014, 11, 4), "Le 4 novembre 2014"),
            Place("Monaco"),
            sources=[Citation(INTERPOL, "a-1", QUOTE_INTERPOL)],
        ),
        Meeting(
            "2009-11-23-venise-cimo",
            "14ème CIMO",
            day(date(2009, 11, 23), date(2009, 11, 24), "les 23 et 24 Novembre 2009"),
            Place("Venise"),
            sources=[Citation(ALGER, "a-3", QUOTE_VENISE)],
        ),
    ]


def page(meetings: list[Meeting] | None = None) -> str:
    files = chronology_page(seed_meetings() if meetings is None else meetings, seed_documents())
    assert list(files) == [CHRONOLOGY]
    return files[CHRONOLOGY]


def jsonld(text: str) -> dict:
    script = text[text.index("<script") :]
    match = re.fullmatch(r'<script type="application/ld\+json">\n(.*)\n</script>\n', script)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def hostile_meeting() -> Meeting:
    return Meeting(
        "2015-06-30-x-reunion",
        "Réunion </script><script>alert(1)</script> & <b>gras</b>",
        DateSpan(date(2015, 6, 30), date(2015, 7, 2), "day", "du 30 juin au 2 juillet 2015"),
        Place("Tunis <img src=x onerror=alert(2)>"),
        sources=[Citation(ALGER, "a-9", "texte </SCRIPT><script>alert(3)</script> [lien](javascript:x)")],
    )


def test_front_matter_and_title():
    assert page().startswith("---\ntitle: Chronologie des réunions\n---\n")


def test_intro_counts_meetings_and_years_only():
    text = page()
    assert "rassemble les 5 réunions citées" in text
    assert "de 2008 à 2022" in text


def test_intro_with_one_meeting():
    text = page([seed_meetings()[1]])
    assert "rassemble la seule réunion citée par les textes du corpus, en 2013." in text
    assert "Autres événements" not in text


def test_intro_without_meetings():
    assert "Aucune réunion" in page([])


def test_years_in_ascending_order_then_other_events():
    headings = re.findall(r"^## (.+)$", page(), re.MULTILINE)
    assert headings == ["2008", "2009", "2013", "2014", "2022", "Autres événements datés"]


def test_entries_in_chronological_order_and_events_last():
    anchors = re.findall(r'<a id="([^"]+)"></a>', page())
    assert anchors == [
        "2008-05-21-nouakchott-conference",
        "2009-11-23-venise-cimo",
        "2013-04-08-alger-cimo",
        "2014-11-04-monaco-interpol",
        "2022-10-buenos-aires-task-force",
        "2023-07-18-bruxelles-declaration-ue-celac",
    ]


def test_french_dates_places_and_names():
    text = page()
    assert "**8–9 avril 2013** — 15ème conférence des Ministres de l’Intérieur" in text
    assert "**21–22 mai 2008** — Conférence de Nouakchott\n" in text
    assert "**23–24 novembre 2009** — 14ème CIMO (Venise)\n" in text
    assert "**octobre 2022**" in text
    assert "**4 novembre 2014**" in text


def test_citations_link_to_the_paragraph_with_the_document_title_and_exact_quote():
    text = page()
    assert f"[DECLARATION D’ALGER](documents/{ALGER}.md#a-1) : « {QUOTE_ALGER} »" in text
    assert f"(documents/{CLASI}.md#p-22) : « dont la première réunion opérationnelle" in text


def test_citation_of_an_unknown_document_is_not_linked():
    meeting = seed_meetings()[1]
    meeting.sources.append(Citation("absent", "p-1", "citation"))
    text = page([meeting])
    assert "absent" not in text


def test_corpus_text_is_escaped_in_markdown():
    text = page([hostile_meeting()])
    body = text[: text.index('<script type="application/ld+json">')]
    assert "<script" not in body.lower()
    assert "</script" not in body.lower()
    assert "<img" not in body and "<b>" not in body
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "\\[lien\\](javascript:x)" in body
    assert "30 juin–2 juillet 2015" in body


def test_jsonld_cannot_be_closed_by_corpus_text():
    text = page([hostile_meeting()])
    assert text.lower().count("<script") == 1
    assert text.lower().count("</script") == 1
    assert text.rstrip().endswith("</script>")
    event = jsonld(text)["itemListElement"][0]["item"]
    assert event["name"] == "Réunion </script><script>alert(1)</script> & <b>gras</b>"
    assert event["location"]["name"] == "Tunis <img src=x onerror=alert(2)>"


def test_jsonld_item_list_of_meetings():
    data = jsonld(page())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ItemList"
    events = [item["item"] for item in data["itemListElement"]]
    assert [item["position"] for item in data["itemListElement"]] == [1, 2, 3, 4, 5]
    assert all(event["@type"] == "Event" for event in events)
    assert "Déclaration UE-CELAC" not in [event["name"] for event in events]
    alger = events[2]
    assert (alger["startDate"], alger["endDate"]) == ("2013-04-08", "2013-04-09")
    assert alger["location"] == {"@type": "Place", "name": "Alger"}
    assert alger["subjectOf"] == [
        {"@type": "CreativeWork", "name": "DECLARATION D’ALGER", "url": f"documents/{ALGER}.html"}
    ]
    assert alger["url"] == "#2013-04-08-alger-cimo"
    assert (events[4]["startDate"], events[4]["endDate"]) == ("2022-10", "2022-10")


def test_chronology_is_deterministic():
    assert page() == page()


def interpol_document() -> Document:
    doc = document(
        INTERPOL,
        "DÉCLARATION FINALE",
        doc_type="déclaration",
        date="2014-11-04",
        place="Monaco",
        issuing_body="Assemblée générale d’INTERPOL",
        references=["AG-2014"],
    )
    doc.themes = {"terrorisme": [], "cooperation-policiere": []}
    doc.meetings = [seed_meetings()[4]]
    return doc


def test_document_jsonld_fields():
    themes = [Theme("terrorisme", "Terrorisme"), Theme("cooperation-policiere", "Coopération policière")]
    data = jsonld(document_jsonld(interpol_document(), themes))
    assert data["@type"] == "CreativeWork"
    assert data["genre"] == "déclaration"
    assert data["name"] == "DÉCLARATION FINALE"
    assert data["datePublished"] == "2014-11-04"
    assert data["inLanguage"] == ["fr"]
    assert data["locationCreated"] == {"@type": "Place", "name": "Monaco"}
    assert data["publisher"] == {"@type": "Organization", "name": "Assemblée générale d’INTERPOL"}
    assert data["identifier"] == ["AG-2014"]
    assert data["about"] == [
        {"@type": "DefinedTerm", "name": "Coopération policière", "termCode": "cooperation-policiere"},
        {"@type": "DefinedTerm", "name": "Terrorisme", "termCode": "terrorisme"},
    ]
    [event] = data["mentions"]
    assert event["@type"] == "Event"
    assert event["startDate"] == "2014-11-04"
    assert event["url"] == "../chronologie.html#2014-11-04-monaco-interpol"


def test_document_jsonld_type_refined_and_empty_fields_left_out():
    doc = document(CLASI, "Article </script>", doc_type="article")
    text = document_jsonld(doc)
    assert text.lower().count("</script") == 1
    data = jsonld(text)
    assert data["@type"] == "Article"
    assert data["name"] == "Article </script>"
    assert not {"datePublished", "locationCreated", "publisher", "about", "mentions"} & set(data)


def test_document_jsonld_theme_ids_without_labels():
    about = jsonld(document_jsonld(interpol_document()))["about"]
    assert [term["name"] for term in about] == ["cooperation-policiere", "terrorisme"]


def test_a_date_not_written_in_full_says_how_it_was_inferred() -> None:
    inferred = Meeting(
        "2019-03-19-rabat-reunion",
        "Réunion des ministres",
        day(date(2019, 3, 19), date(2019, 3, 19), "mardi"),
        Place("Rabat", "Maroc", "texte"),
        sources=[Citation(ALGER, "a-1", "Les ministres se réuniront mardi à Rabat.")],
        date_note="relative à la date du texte, verbe au futur",
    )
    assert ("**19 mars 2019** — Réunion des ministres (Rabat, Maroc) — date déduite : relative à la date du texte,"
            " verbe au futur\n") in page([inferred])


def many_meetings(count: int, kind: str = "meeting") -> list[Meeting]:
    """``count`` meetings (or events), two a day from 1 January 2020, each cited by the Algiers declaration."""
    result = []
    for n in range(count):
        when = date.fromordinal(date(2020, 1, 1).toordinal() + n // 2)
        ident = f"{when.isoformat()}-tunis-{kind}-{n}"
        result.append(Meeting(ident, f"Réunion {n}", DateSpan(when, when, "day", ""), Place("Tunis"), kind=kind,
                              sources=[Citation(ALGER, "a-1", QUOTE_VENISE)]))
    return result


def test_a_long_chronology_is_cut_into_pages_between_two_days():
    meetings = many_meetings(PAGE_SIZE + 1) + many_meetings(3, kind="adoption")
    files = chronology_page(meetings, seed_documents())
    assert list(files) == [CHRONOLOGY, "corpus/chronologie/page-2.md"]
    first, second = files.values()
    # PAGE_SIZE (even) meetings fill page 1; the next one starts a new day, so it opens page 2, then the events
    assert first.count('<a id="') == PAGE_SIZE
    assert second.count('<a id="') == 1 + 3
    events = second.index("## Autres événements datés")
    assert second.index(f"-meeting-{PAGE_SIZE}") < events < second.index("-adoption-0")
    assert "title: Chronologie des réunions — page 2 sur 2\n" in second
    for text in (first, second):  # the counts are the chronology's
        assert f"les {PAGE_SIZE + 1} réunions citées" in text
    assert "../../corpus/documents/" not in second and f"../documents/{ALGER}.html#a-1" in second
    pages = meeting_pages(meetings)
    assert pages["2020-01-01-tunis-meeting-0"] == CHRONOLOGY
    assert pages[f"2020-02-20-tunis-meeting-{PAGE_SIZE}"] == "corpus/chronologie/page-2.md"  # day 51 of 2020
    assert pages["2020-01-01-tunis-adoption-0"] == "corpus/chronologie/page-2.md"
    # old links chronologie.html#<id> are sent on from page 1: first day of each page of meetings, of events
    assert '[[["2020-01-01",1],["2020-02-20",2]],[["2020-01-01",2]]]' in first
    assert "ailleurs=" in second and "ailleurs=" in first


def test_meetings_of_one_day_stay_on_one_page():
    meetings = many_meetings(PAGE_SIZE)
    meetings.append(many_meetings(PAGE_SIZE)[-1])  # a third meeting on the last day
    meetings[-1].id += "-bis"
    pages = meeting_pages(meetings)
    assert set(pages.values()) == {CHRONOLOGY}
