"""Tests of the clean stage, with expected values read from the seed texts."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from support import CIMO, CORPUS, COUNCIL, FIXTURES, INTERPOL, NATO, SEEDS, WEB

from coopsec.extract.clean import clean
from coopsec.extract.read import read_source
from coopsec.model import Line, Source

DEBRIS = {  # what a reader of each seed sees as page furniture, not text
    CIMO: "",
    COUNCIL: "",
    WEB: "",
    NATO: "NATO CONFIDENTIEL",
    INTERPOL: "Déclaration finale, 83 ème session de l’Assemblée générale d’INTERPOL, Monaco, 4 novembre 2014",
}


def _seed(name: str) -> Source:
    return read_source(CORPUS / name, CORPUS)


def _sixth() -> Source:
    return read_source(FIXTURES / "extract_sixth.txt", FIXTURES)


def _texts(source: Source) -> list[str]:
    return [line.text for line in clean(source)[0]]


def _text(body: str) -> list[str]:
    return _texts(Source("essai.txt", body, "", "utf-8", len(body)))


def _line_starting(lines: list[Line], start: str) -> Line:
    return next(line for line in lines if line.text.startswith(start))


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text))


def test_no_word_lost_in_seeds() -> None:
    for name in SEEDS:
        source = _seed(name)
        expected = _words(source.text) - _words(DEBRIS[name])
        assert _words(" ".join(_texts(source))) == expected, name


def test_cimo_item_continued_across_page_break() -> None:
    lines, _ = clean(_seed(CIMO))
    item = _line_starting(lines, "- D’intensifier la coopération en matière de sécurisation des frontières")
    assert item.number == 109
    assert "l’assistance réciproque dans les domaines techniques, le transfert de technologies" in item.text
    assert item.text.endswith("la sécurité des documents de voyage ;")


def test_cimo_header_heading_and_participants_lines() -> None:
    texts = _texts(_seed(CIMO))
    assert texts[:3] == [
        "15ème conférence des Ministres de l’Intérieur de la Méditerranée Occidentale",
        "DECLARATION D’ALGER",
        "Alger les 08 et 09 Avril 2013",
    ]
    assert texts[4] == "- M. JORGE FERNANDEZ DIAZ, Ministre de l’Intérieur du Royaume d’Espagne"
    heading = texts.index("LA LUTTE CONTRE LE TERRORISME")
    assert texts[heading + 1].startswith("Demeurant conscients que le terrorisme")
    assert texts[13].startswith("Rappelant la Déclaration de Malte ayant sanctionné le deuxième (2ème) Sommet")
    assert any("travaux de la (XVIème) Conférence Ministérielle." in text for text in texts)
    assert texts[-1] == "ALGER le 09 Avril 2013"


def test_cimo_wrapped_paragraph_is_one_line() -> None:
    lines, _ = clean(_seed(CIMO))
    line = _line_starting(lines, "Sous la présidence de Monsieur Dahou OULD KABLIA")
    assert line.number == 15
    assert line.text.endswith("Méditerranée Occidentale avec la participation de :")
    assert "de la République Algérienne" in line.text


def test_nato_paragraphs_joined_and_footnote_kept_apart() -> None:
    lines, diagnostics = clean(_seed(NATO))
    texts = [line.text for line in lines]
    record = _line_starting(lines, "- 1.3 prend note avec intérêt")
    assert "mais qu'au diversité et de l'ampleur de la menace terroriste" in record.text
    assert record.text.endswith("pour combattre efficacement ce fléau ;")
    assert "que l'échange d'informations reste limité à ce jour" in _line_starting(lines, "- 1.9").text
    assert texts[texts.index(record.text) + 1] == "¹ C-M(2010)0019"
    assert texts.count("NATO CONFIDENTIEL") == 1  # the header of the record, not the page banner
    assert "  - les relations/liens entre AQMI et le mouvement séparatiste touareg ;" in texts
    assert any("classification" in str(d) and d.level == "info" for d in diagnostics)


def test_nato_letter_address_lines_stay_separate() -> None:
    texts = _texts(_seed(NATO))
    start = texts.index("L'AMBASSADEUR DE SA MAJESTE LE ROI")
    assert texts[start : start + 4] == [
        "L'AMBASSADEUR DE SA MAJESTE LE ROI",
        "A",
        "MONSIEUR LE MINISTRE DES AFFAIRES ETRANGERES",
        "ET DE LA COOPERATION",
    ]
    assert "**Réunion avec le Maroc tenue au siège de l'OTAN le mardi 7 février 2012 à 14h30**" in texts


def test_interpol_running_footer_removed_and_numbers_split() -> None:
    lines, diagnostics = clean(_seed(INTERPOL))
    assert not any("Déclaration finale, 83" in line.text or line.text == "ème" for line in lines)
    assert _line_starting(lines, "P2G:").number == 63
    assert _line_starting(lines, "P3I:").number == 182
    assert _line_starting(lines, "P2F:").text.endswith("dans diverses régions du monde ;")
    assert "renforcer la capacité de celle-ci à coopérer" in _line_starting(lines, "P3B:").text
    assert "3 lignes d'en-tête/pied de page retirées" in [d.message for d in diagnostics]


def test_council_note_lines() -> None:
    texts = _texts(_seed(COUNCIL))
    assert "Origine:\tla présidence" in texts
    assert not any(text.strip("-") == "" for text in texts)
    first = next(index for index, text in enumerate(texts) if text.startswith("À la suite des informations"))
    assert texts[first + 1 : first + 3] == ["<sup>1</sup> Doc. 11301/23.", texts[first + 2]]
    assert texts[first + 2].startswith("Sur la base des observations reçues")
    numbered = [text for text in texts if re.match(r"\d+\. ", text)]
    assert [text.split(".")[0] for text in numbered] == [str(n) for n in range(1, 27)]


def test_sixth_text_cleaned_without_code_change() -> None:
    lines, diagnostics = clean(_sixth())
    texts = [line.text for line in lines]
    assert not any("page" in text and "sur 3" in text for text in texts)
    assert "renforcer la coopération entre les unités spécialisées" in _line_starting(lines, "3. ").text
    assert "dispositif anti-terroriste commun" in _line_starting(lines, "4. ").text
    assert "dans le cadre des instruments existants, et de désigner" in _line_starting(lines, "7. ").text
    assert (
        "- l'échange de renseignements sur les combattants terroristes étrangers et sur leurs déplacements ;" in texts
    )
    assert "¹ Déclaration d'Alger du 9 avril 2013." in texts
    assert texts[-1] == "Fait à Lisbonne, le 12 mai 2016"
    assert [text.split(".")[0] for text in texts if re.match(r"\d+\. ", text)] == [str(n) for n in range(1, 13)]
    messages = {d.message for d in diagnostics}
    assert "3 lignes d'en-tête/pied de page retirées" in messages
    assert "1 mot coupé en fin de ligne rejoint" in messages


def test_page_numbers_removed_at_page_breaks() -> None:
    body = "Premier paragraphe du texte.\n\n- 1 -\n\fSecond paragraphe.\n\nPage 2 sur 3\n\n\n\n3\nTroisième paragraphe."
    assert _text(body) == ["Premier paragraphe du texte.", "Second paragraphe.", "Troisième paragraphe."]


def test_running_lines_removed_but_repeated_text_kept() -> None:
    page = "Ministère de l'Intérieur\nLes Ministres décident :\n- point {n} ;\n\nFin de la page {n}.\n"
    page += "RÉPUBLIQUE – page {n}"
    body = "\n\n\n\n".join(page.format(n=n) for n in (1, 2))
    assert _text(body) == [
        "Ministère de l'Intérieur",  # the top of the first page is kept: it holds the title
        "Les Ministres décident :",
        "- point 1 ;",
        "Fin de la page 1.",
        "Les Ministres décident :",
        "- point 2 ;",
        "Fin de la page 2.",
    ]


def test_running_header_kept_on_title_page() -> None:
    body = "DÉCLARATION DE LISBONNE\n\nLe texte commence ici.\n\n\n\nDéclaration de Lisbonne\nEt il continue là."
    assert _text(body) == ["DÉCLARATION DE LISBONNE", "Le texte commence ici.", "Et il continue là."]


def test_markdown_separator_is_a_page_break() -> None:
    assert _text("Un texte coupé par\n\n---\n\nune page.\n") == ["Un texte coupé par une page."]


def test_a_line_drawn_apart_by_rules_is_no_wrapped_line() -> None:
    # A programme's day between two rules, after a long item line that does not end a sentence: the rules say
    # where the lines part, as a page break alone would not ("Lieu : … (salle 12) Jeudi 4 juin 2020").
    long = "Lieu : Assemblée nationale, 126 rue de l'Université, Paris, salle des commissions (salle 12)"
    text = f"{long}\n{long}\n\n------------\nJeudi 4 juin 2020\n------------\n10 h 00 Réunion de bilan\n"
    assert _text(text)[-2:] == ["Jeudi 4 juin 2020", "10 h 00 Réunion de bilan"]


def test_hyphenation_rule() -> None:
    wrapped = "{}\nLa coopé-\nration des États.\n"
    assert _text(wrapped.format("Une coopération."))[1] == "La coopération des États."
    assert _text("La démocra-\ntie des États.")[0] == "La démocratie des États."
    assert _text("Le renforcement de celle-\nci est utile.")[0] == "Le renforcement de celle-ci est utile."
    assert _text("La lutte anti-\nterroriste.")[0] == "La lutte anti-terroriste."
    assert _text("Lutte antiterroriste.\n\nLa lutte anti-\nterroriste.")[1] == "La lutte antiterroriste."
    # a pronoun tail follows a verb, not a town's name cut in two
    assert _text("Donnez-\nles aux délégations.")[0] == "Donnez-les aux délégations."
    assert _text("Tenue à Bruxel-\nles le 23 février.")[0] == "Tenue à Bruxelles le 23 février."


def test_bullets_normalised_with_depth() -> None:
    body = "Liste :\n• premier\n    ▪ sous-point\n– second\n* troisième\n\uf0a7 quatrième\n● cinquième\n"
    assert _text(body) == [
        "Liste :",
        "- premier",
        "  - sous-point",
        "- second",
        "- troisième",
        "- quatrième",
        "- cinquième",
    ]


def test_spaces_ordinals_and_numbered_starts() -> None:
    body = "À l’occasion de la 83\nème session,   à  Monaco ;\n 12. Suite du texte (2ème ) ici ;\n13. Fin."
    assert _text(body) == [
        "À l’occasion de la 83ème session, à Monaco ;",
        "12. Suite du texte (2ème) ici ;",
        "13. Fin.",
    ]


def test_idempotent_on_seeds_and_sixth() -> None:
    for source in [*(_seed(name) for name in SEEDS), _sixth()]:
        texts = _texts(source)
        again = "\n\n".join(texts)
        assert _text(again) == texts, source.path


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    lines, _ = clean(Source("x.txt", text, "", "utf-8", 0))
    assert all(line.text == line.text.rstrip() and line.text.strip() for line in lines)
    assert all(line.number >= 1 for line in lines)


def test_a_programmes_hour_opens_a_line_of_its_own() -> None:
    body = ("Mercredi 16 octobre 2013\n  10 h 00 : réunion de synthèse au Ministère\n            de l'Intérieur\n"
            "  13 h 00 : départ de la délégation\n")
    assert _text(body)[1:] == ["10 h 00 : réunion de synthèse au Ministère de l'Intérieur",
                               "13 h 00 : départ de la délégation"]


def test_an_hour_without_a_colon_opens_a_line_too() -> None:
    body = "Mardi 23 mai 2006\n07h00  Vol vers Kisangani\n10h00  Visite du centre de formation\n"
    assert _text(body)[1:] == ["07h00 Vol vers Kisangani", "10h00 Visite du centre de formation"]


def test_a_page_number_alone_marks_a_page_when_no_break_was_kept() -> None:
    # an extraction that kept neither form feeds nor blank lines between pages: the footer and header lines
    # around each "Page N sur M" repeat on every page, and a sentence cut there goes on
    footer, header = "OBSERVATOIRE – 12, rue des Lilas, Tunis – www.observatoire.tn", "Bilan 2019 Document interne"
    body = (f"{header}\n\nPremier paragraphe du bilan.\n\nLa réunion s'est tenue à Sfax les\n\n{footer}\n"
            f"Page 1 sur 3\n\n{header}\n\n3 et 4 mai 2019.\n\nDeuxième paragraphe.\n\n{footer}\nPage 2 sur 3\n\n"
            f"{header}\n\nDernier paragraphe.\n\n{footer}\nPage 3 sur 3")
    assert _text(body) == [header, "Premier paragraphe du bilan.", "La réunion s'est tenue à Sfax les 3 et 4 mai 2019.",
                           "Deuxième paragraphe.", "Dernier paragraphe."]
