"""Tests of the structure stage, with expected values read from the seed texts."""

from __future__ import annotations

import pathlib
import re
from collections import Counter
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st
from support import CIMO, CORPUS, COUNCIL, FIXTURES, INTERPOL, NATO, WEB

from coopsec.extract.clean import clean
from coopsec.extract.read import read_source
from coopsec.extract.structure import anchor_for, structure
from coopsec.model import Block, Body, Line, note_call, plain

DEBRIS = {
    CIMO: "",
    COUNCIL: "",
    WEB: "Liens Bannière URL de la source (modifié le 18/06/2019 - 11:23)",  # web capture trailer
    NATO: "NATO CONFIDENTIEL",
    INTERPOL: "Déclaration finale, 83 ème session de l’Assemblée générale d’INTERPOL, Monaco, 4 novembre 2014",
}
CALLS = re.compile(r"<sup>\w+</sup>|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d+\]")


@cache
def _body(path: pathlib.Path) -> Body:
    source = read_source(path, path.parent)
    return structure(clean(source)[0], source.path)


def _seed(name: str) -> Body:
    return _body(CORPUS / name)


def _blocks(body: Body) -> list[Block]:
    return [block for part in body.parts for block in part.blocks]


def _anchors(body: Body) -> list[str]:
    return [block.anchor for block in _blocks(body) if block.number]


def _block(body: Body, anchor: str) -> Block:
    return next(block for block in _blocks(body) if block.anchor == anchor)


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text))


def _output_words(body: Body) -> Counter[str]:
    texts = [part.title for part in body.parts] + [line for part in body.parts for line in part.header]
    texts += [f"{block.number} {plain(block.text)}" for block in _blocks(body)]
    texts += [note.text for note in body.footnotes] + body.links
    return _words(" ".join(texts))


def test_no_body_word_lost() -> None:
    for name, debris in DEBRIS.items():
        source = (CORPUS / name).read_text(encoding="utf-8")
        expected = _words(CALLS.sub(" ", source)) - _words(debris)
        missing = expected - _output_words(_seed(name))
        assert not missing, (name, missing)


def test_cimo_title_header_headings_participants() -> None:
    body = _seed(CIMO)
    assert len(body.parts) == 1
    part = body.parts[0]
    assert body.title == "DECLARATION D’ALGER"
    assert part.header == [
        "15ème conférence des Ministres de l’Intérieur de la Méditerranée Occidentale",
        "Alger les 08 et 09 Avril 2013",
    ]
    assert [(b.text, b.level) for b in part.blocks if b.kind == "heading"] == [
        ("LA LUTTE CONTRE LE TERRORISME", 2),
        ("LA LUTTE CONTRE LE CRIME ORGANISE", 2),
        ("LA CIRCULATION DES PERSONNES ET LA MIGRATION IRREGULIERE", 2),
        ("COOPERATION DANS LE DOMAINE DE LA PROTECTION CIVILE", 2),
        ("COOPERATION DANS LE DOMAINE DES COLLECTIVITES LOCALES", 2),
        ("SUIVI DE LA CONFERENCE ET ASPECTS ORGANISATIONNELS", 2),
    ]
    assert len(body.participants) == 9
    assert body.participants[0] == "M. JORGE FERNANDEZ DIAZ, Ministre de l’Intérieur du Royaume d’Espagne"
    assert body.participants[-1] == "M. LOTFI BEN JEDDOU, Ministre de l’Intérieur de la République Tunisienne"
    items = [b for b in part.blocks if b.kind == "item"]
    assert items[0].text == "M. JORGE FERNANDEZ DIAZ, Ministre de l’Intérieur du Royaume d’Espagne"
    assert items[0].anchor == "a-2" and part.blocks[0].anchor == "a-1"
    assert part.blocks[-1].text == "ALGER le 09 Avril 2013"


def test_cimo_list_item_joined_across_page() -> None:
    item = next(b for b in _blocks(_seed(CIMO)) if b.text.startswith("D’intensifier la coopération en matière"))
    assert item.kind == "item" and item.level == 0
    assert "l’assistance réciproque dans les domaines techniques" in item.text


def test_council_note() -> None:
    body = _seed(COUNCIL)
    assert len(body.parts) == 1
    part = body.parts[0]
    assert body.title.startswith("Déclaration conjointe des ministres de l'intérieur des États membres")
    assert body.title.endswith("(déclaration conjointe UE-CLASI)")
    for line in (
        "Bruxelles, le 15 septembre 2023",
        "12838/23",
        "JAI 1133",
        "CORDROGUE 80",
        "Origine:\tla présidence",
    ):
        assert line in part.header
    assert any(line.startswith("Objet:\tDéclaration conjointe") for line in part.header)
    assert _anchors(body) == [f"p-{n}" for n in range(1, 27)]
    assert [b.number for b in part.blocks if b.number] == [str(n) for n in range(1, 27)]
    assert _block(body, "p-1").text.startswith("Nous, ministres de l'intérieur")
    assert part.blocks[0].text.startswith("À la suite des informations communiquées au Coreper")
    heading = part.blocks[2]
    assert heading.kind == "heading" and heading.level == 2 and "**" not in heading.text
    assert heading.text.startswith("Déclaration conjointe des ministres")


def test_council_footnotes_linked() -> None:
    body = _seed(COUNCIL)
    assert [(n.label, n.text) for n in body.footnotes] == [
        ("1", "Doc. 11301/23."),
        ("2", "La future Agence européenne des drogues."),
        (
            "3",
            "La déclaration conjointe UE-CLASI (3 mars 2022) appelait à la création d'une task force sur la "
            "lutte contre le trafic de stupéfiants afin de lancer des opérations conjointes.",
        ),
    ]
    assert f"au Coreper le 12 juillet 2023{note_call('1')}, l'Espagne" in _blocks(body)[0].text
    assert f"toxicomanies (EMCDDA){note_call('2')}, Eurojust" in _block(body, "p-11").text
    assert f"trafic de stupéfiants{note_call('3')}, dont" in _block(body, "p-22").text
    assert not any(d.level == "warning" for d in body.diagnostics)
    assert not any("<sup>" in b.text for b in _blocks(body))


def test_web_article() -> None:
    body = _seed(WEB)
    part = body.parts[0]
    assert body.title == "Les coopérations entre états sont aujourd'hui devenues un véritable enjeu dans la…"
    assert any(d.level == "warning" and "titre deviné" in d.message for d in body.diagnostics)
    assert "Publié le 19 juin 2018" in part.header
    assert "Dates: Mardi 18 juin 2019 - 11:15" in part.header
    assert body.links == [
        "https://prev-radicalites.org/actualites-0/la-cooperation-entre-etats-un-enjeu-de-lutte-anti-terroriste",
        "https://www.interieur.gouv.fr/SG-CIPDR/CIPDR",
        "http://www.2m.ma/fr/news/khiame-sous-limpulsion-de-sm-le-roi-le-maroc-a-adopte-une-politique-securitaire"
        "-anticipative-20180617/",
        "https://www.gouvernement.fr/partage/10286-declaration-conjointe-des-premiers-ministres-francais-et-belge"
        "-sur-la-cooperation-en-matiere-de",
    ]
    assert [(n.label, n.text) for n in body.footnotes] == [(str(i), url) for i, url in enumerate(body.links[1:], 1)]
    texts = [b.text for b in part.blocks]
    assert len(texts) == 5
    assert f"de la radicalisation (CIPDR{note_call('1')}) signe" in texts[1]
    assert "**Murielle Domenach**" not in texts[1] and "Murielle Domenach, secrétaire" in texts[1]
    assert texts[2].endswith(f"organe dirigé par Abdelhak Khiamé{note_call('2')}.")
    assert texts[4] == f"Pour en savoir plus, consulter la déclaration conjointe{note_call('3')}"
    assert not any(word in text for text in texts for word in ("http", "Liens", "Bannière", "Publié", "](#)"))


def test_nato_letter_and_record_are_two_parts() -> None:
    body = _seed(NATO)
    assert len(body.parts) == 2
    letter, record = body.parts
    assert letter.title == (
        "Compte rendu de la visite de la délégation du CSDN au Quartier Général de l'OTAN, "
        "Bruxelles, le 07 février 2012"
    )
    assert letter.header[:3] == [
        "Service Politique / YB / n°. 143/4 P/2012/CRY",
        "19 avril 2012",
        "L'AMBASSADEUR DE SA MAJESTE LE ROI",
    ]
    assert "Diffusion : **Confidentiel**" in letter.header
    assert [b.text for b in letter.blocks[-2:]] == ["L'Ambassadeur", "Menouar ALEM"]
    assert all(b.kind == "paragraph" for b in letter.blocks)
    assert letter.blocks[0].text.startswith("Faisant suite à mon courrier cité en référence")
    assert record.title == "COMPTE RENDU DE DÉCISIONS"
    assert record.header[:4] == [
        "NATO CONFIDENTIEL",
        "Communicable au Maroc",
        "9 mars 2012",
        "PPC-DS(2012)0009",
    ]
    assert [b.text for b in record.blocks if b.kind == "heading"] == [
        "I. ÉCHANGE DE VUES SUR LA LUTTE CONTRE LE TERRORISME",
        "II. QUESTIONS DIVERSES",
    ]
    assert _anchors(body) == [f"p-1-{n}" for n in range(1, 12)]
    assert not any("NATO CONFIDENTIEL" in b.text for b in _blocks(body))


def test_nato_record_blocks() -> None:
    body = _seed(NATO)
    record = body.parts[1]
    first = _block(body, "p-1-1")
    assert first.number == "1.1" and first.kind == "paragraph"
    assert first.text.startswith("prend note de la déclaration liminaire du président")
    assert "mais qu'au diversité et de l'ampleur" in _block(body, "p-1-3").text
    assert "que l'échange d'informations reste limité" in _block(body, "p-1-9").text
    assert "coopération multilatérale avec" in _block(body, "p-1-8").text
    sub_items = [b for b in record.blocks if b.kind == "item"]
    assert [b.level for b in sub_items] == [1, 1, 1, 1]
    assert sub_items[1].text == "les relations/liens entre AQMI et le mouvement séparatiste touareg ;"
    assert [(n.label, n.text) for n in body.footnotes] == [("1", "C-M(2010)0019")]
    assert f"individuel (ICP){note_call('1')}, en souscrivant" in _block(body, "p-1-2").text
    assert not any(d.level == "warning" for d in body.diagnostics)


def test_interpol_declaration() -> None:
    body = _seed(INTERPOL)
    assert len(body.parts) == 1
    assert body.title == "DÉCLARATION FINALE"
    letters = "ABCDEFGHIJK"
    expected = [
        "p-1",
        "p-2",
        *(f"p-2{c}" for c in letters.lower()),
        "p-3",
        *(f"p-3{c}" for c in letters[:10].lower()),
    ]
    assert _anchors(body) == expected
    numbers = ["P1", "P2", *(f"P2{c}" for c in letters), "P3", *(f"P3{c}" for c in letters[:10])]
    assert [b.number for b in _blocks(body) if b.number] == numbers
    assert _block(body, "p-2g").text.startswith("Soulignant qu’en dépit des immenses progrès")
    assert _block(body, "p-3").text == "Convenons :"
    assert _block(body, "p-3b").text.endswith("la sécurité physique des personnes et des lieux ;")
    assert _blocks(body)[0].text.startswith("INTRO : Le 4 novembre 2014")
    assert not any("Déclaration finale" in b.text or b.text == "ème" for b in _blocks(body))


def test_sixth_text_structured_without_code_change() -> None:
    body = _body(FIXTURES / "extract_sixth.txt")
    assert len(body.parts) == 1
    part = body.parts[0]
    assert body.title == "DÉCLARATION DE LISBONNE"
    assert part.header == [
        "MINISTÈRE DE L'INTÉRIEUR",
        "Lisbonne, le 12 mai 2016",
        "sur la coopération policière en Méditerranée occidentale",
    ]
    assert _anchors(body) == [f"p-{n}" for n in range(1, 13)]
    assert [b.text for b in part.blocks if b.kind == "heading"] == [
        "LA LUTTE CONTRE LE TERRORISME",
        "LA CRIMINALITÉ ORGANISÉE",
    ]
    items = [b for b in part.blocks if b.kind == "item"]
    assert [b.text for b in items] == [
        "l'échange de renseignements sur les combattants terroristes étrangers et sur leurs déplacements ;",
        "la lutte contre le financement du terrorisme ;",
        "la prévention de la radicalisation en prison et sur internet.",
    ]
    assert f"lors de la Conférence d'Alger{note_call('1')} et saluent" in _block(body, "p-2").text
    assert [(n.label, n.text) for n in body.footnotes] == [("1", "Déclaration d'Alger du 9 avril 2013.")]
    assert "renforcer la coopération entre les unités" in _block(body, "p-3").text
    assert "dans le cadre des instruments existants" in _block(body, "p-7").text
    assert not any("page" in b.text for b in part.blocks)
    assert part.blocks[-1].text == "Fait à Lisbonne, le 12 mai 2016"
    assert not any(d.level == "warning" for d in body.diagnostics)


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, 1)]


def test_letter_with_annex_gives_two_parts() -> None:
    lines = _lines(
        "Objet : Transmission du relevé de conclusions.",
        "J'ai l'honneur de vous transmettre ci-joint le relevé de conclusions de la réunion tenue à Rabat.",
        "Le Ministre",
        "Jean DUPONT",
        "RESTREINT UE",
        "12 mars 2015",
        "RELEVÉ DE CONCLUSIONS",
        "1. Les participants ont examiné la coopération en matière de lutte contre le terrorisme dans la région.",
    )
    body = structure(lines, "essai.txt")
    assert [part.title for part in body.parts] == ["Transmission du relevé de conclusions", "RELEVÉ DE CONCLUSIONS"]
    assert [b.text for b in body.parts[0].blocks[1:]] == ["Le Ministre", "Jean DUPONT"]
    assert body.parts[1].header == ["RESTREINT UE", "12 mars 2015"]
    assert [b.anchor for b in body.parts[1].blocks] == ["p-1"]


def test_heading_levels_and_nested_items() -> None:
    lines = _lines(
        "Un paragraphe de texte courant, assez long pour ne pas passer pour une ligne d'en-tête, qui ouvre le corps.",
        "II. COOPÉRATION",
        "A. COOPÉRATION POLICIÈRE",
        "- premier point ;",
        "  - sous-point ;",
        "**Titre en gras**",
    )
    blocks = _blocks(structure(lines, "essai.txt"))
    assert [(b.kind, b.text, b.level) for b in blocks[1:]] == [
        ("heading", "II. COOPÉRATION", 2),
        ("heading", "A. COOPÉRATION POLICIÈRE", 3),
        ("item", "premier point ;", 0),
        ("item", "sous-point ;", 1),
        ("heading", "Titre en gras", 2),
    ]
    assert [b.anchor for b in blocks] == ["a-1", "", "", "a-2", "a-3", ""]


def test_anchor_rules() -> None:
    assert [anchor_for(n) for n in ("P2A", "1.11", "26", "P1")] == ["p-2a", "p-1-11", "p-26", "p-1"]


def test_anchors_unique_and_stable() -> None:
    lines = _lines(
        "TITRE PREMIER",
        "Un paragraphe de texte courant qui est assez long pour ne pas passer pour une ligne d'en-tête du tout.",
        "1. Premier.",
        "2. Deuxième.",
        "- un point",
        "1. Encore un.",
        "Une fin de texte.",
    )
    body = structure(lines, "essai.txt")
    assert [b.anchor for b in _blocks(body)] == ["a-1", "p-1", "p-2", "a-2", "p-1-2", "a-3"]
    assert [b.anchor for b in _blocks(structure(lines, "essai.txt"))] == [b.anchor for b in _blocks(body)]


def test_footnote_mismatches_are_warned() -> None:
    lines = _lines(
        "Un paragraphe assez long pour ne pas être pris pour une ligne d'en-tête du document, "
        "avec un appel³ sans note.",
        "¹ Une note jamais appelée.",
    )
    body = structure(lines, "essai.txt")
    warnings = [(d.message, d.line) for d in body.diagnostics if d.level == "warning" and "note" in d.message]
    assert warnings == [
        ("appel de note « 3 » sans définition", 1),
        ("note « 1 » définie mais jamais appelée", 2),
    ]


def test_emphasis_links_and_sup_tags_removed() -> None:
    lines = _lines(
        "Un paragraphe assez long pour ne pas être pris pour une ligne d'en-tête : **gras**, *italique*, "
        "[lien](#) et note<sup>1</sup>.",
        "<sup>1</sup> La note.",
    )
    block = _blocks(structure(lines, "essai.txt"))[0]
    assert block.text.endswith(f": gras, italique, lien et note{note_call('1')}.")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120), max_size=12))
def test_never_crashes_and_anchors_unique(texts: list[str]) -> None:
    lines = [Line(number, text) for number, text in enumerate(texts, 1) if text.strip()]
    body = structure(lines, "x.txt")
    anchors = [block.anchor for block in _blocks(body) if block.kind != "heading"]
    assert len(anchors) == len(set(anchors)) and all(anchors)
