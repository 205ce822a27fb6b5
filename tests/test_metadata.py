"""The document's own date and place, read from the genres' datelines, bylines and formulas.

Each text below is written the way its genre opens (a Council note, a dispatch, a web article, a letter,
a communiqué); the expected values are the ones a reader takes from it.
"""

from __future__ import annotations

import pytest

from coopsec.extract.metadata import extract_metadata
from coopsec.extract.references import find_references, is_reference_line
from coopsec.extract.structure import structure
from coopsec.model import Line


def _meta(text: str):
    lines = [Line(number, line) for number, line in enumerate(text.splitlines(), 1)]
    return extract_metadata(structure(lines, "x.txt"), {})


@pytest.mark.parametrize(("text", "date", "place"), [
    ("COMMUNIQUÉ FINAL\n\nAlger, les 8 et 9 avril 2013\n\n1. Les ministres se sont réunis.\n",
     "2013-04-09", "Alger"),  # a range: the text is adopted on its last day
    ("DÉCLARATION\n\n1. Les ministres réunis le 3 mai 2010 à Tunis ont adopté ce texte.\n\n"
     "2. Ils se retrouveront en 2011.\n\nFait à Rome, le 28 novembre 2011\n",
     "2011-11-28", "Rome"),  # the closing formula dates the text, not the first date cited
    ("BAMAKO (AFP) - Les ministres de la région se sont réunis dimanche 12 mars 2017 pour évoquer la "
     "sécurité au Sahel.\n", "2017-03-12", "Bamako"),
    ("COMMUNIQUÉ DE PRESSE\n\nADDIS-ABEBA, ÉTHIOPIE\n\n20 février 2014\n\n"
     "Le Conseil de paix et de sécurité a tenu sa réunion le 18 février 2014.\n", "2014-02-20", "Addis-Abeba"),
    ("RAPPORT\n\nEnregistré à la Présidence du Sénat le 4 juillet 2019\n\n"
     "Le présent rapport examine la réunion du 2 avril 2019.\n", "2019-07-04", ""),
    ("Le 4 novembre 2014, à l’occasion de la session de l’Assemblée générale, à Monaco, les ministres se "
     "sont rencontrés.\n", "2014-11-04", "Monaco"),
    ("Communiqué de presse 014\nPublié le 9 juil. 2018\n\nCommuniqué du sommet de Bruxelles\npublié par les chefs"
     " d'État participant à la réunion tenue à Bruxelles le 9 juillet 2018\n\n1. Nous, chefs d'État, affirmons.\n",
     "2018-07-09", "Bruxelles"),
    ("CONSEIL DE PAIX ET DE SÉCURITÉ\n\nCommuniqué de la 512e réunion du CPS, Bamako (Mali), 20 mars 2015\n\n"
     "Le Conseil, en sa 512e réunion tenue le 20 mars 2015, a adopté ce qui suit.\n", "2015-03-20", "Bamako"),
    ("Communiqué de presse 088\nPublié le 5 déc. 2019\n\nRéunion des ministres de la Défense, Riga (Lettonie), "
     "4 et 5 décembre 2019\n\n1. Nous, ministres, nous sommes réunis.\n", "2019-12-05", "Riga"),
    # the town of the opening line that ends with the days of the publication line
    ("COLLOQUE\n\nRabat, Palais des congrès – 3 et 4 mai 2012\n\nMis en ligne le 2 avril 2012\n\nPrésentation du "
     "colloque.\n", "2012-04-02", ""),  # a web page is dated by its posting, not by the event it announces
    ("Question n° 12 de M. X\nQuestion publiée au JO le : 11/05/2010\nRéponse publiée au JO le : 28/09/2010\n\n"
     "Texte de la réponse.\n", "2010-09-28", ""),  # a written question is dated by its answer
    ("NOTE VERBALE\n\nL'Ambassade a l'honneur de transmettre le programme.\n\nLundi 14 octobre 2013\n\n"
     "Entretiens.\n\nTunis, le 30 septembre 2013\n", "2013-09-30", "Tunis"),  # a weekday is no town
])
def test_document_date_and_place(text, date, place):
    meta = _meta(text)
    assert (meta.date, meta.place) == (date, place)


def test_a_dateline_without_its_year_takes_the_first_year_after_every_date_the_text_writes_in_full():
    body = structure([Line(n, line) for n, line in enumerate((
        "DAKAR, 3 février (AFP) - Les ministres se sont réunis hier à Dakar.", "",
        "Le président a été élu le 24 mars 2024 et a nommé son gouvernement le 5 avril 2024.",
    ), 1)], "dépêche.txt")
    meta = extract_metadata(body, {}, "dépêche.txt")
    assert (meta.date, meta.place, meta.date_text) == ("2025-02-03", "Dakar", "3 février")
    (note,) = [d for d in body.diagnostics if d.field == "date"]
    assert note.file == "dépêche.txt" and "sans année" in note.message and "2025" in note.message
    body = structure([Line(1, "DAKAR, 3 février (AFP) - Les ministres se sont réunis hier.")], "x.txt")
    assert extract_metadata(body, {}).date == ""  # no date written in full: no year to go by


def test_a_dateline_without_its_year_comes_after_the_years_the_text_recounts():
    body = structure([Line(n, line) for n, line in enumerate((
        "TUNIS, 9 avril (MAP) - Le ministre a reçu son homologue, arrivé hier à Tunis.", "",
        "La réunion de Nice des 4 et 5 mai 2017 avait lancé ce dialogue.", "",
        "Le programme a permis de former 300 agents en 2019, a-t-il indiqué.",
    ), 1)], "dépêche.txt")
    assert extract_metadata(body, {}, "dépêche.txt").date == "2020-04-09"  # after « en 2019 »
    body = structure([Line(n, line) for n, line in enumerate((
        "TUNIS, 9 avril (MAP) - La réunion de Nice des 4 et 5 mai 2017 avait lancé ce dialogue.", "",
        "Il vise une réduction de moitié à l'horizon 2030.",
    ), 1)], "dépêche.txt")
    assert extract_metadata(body, {}, "dépêche.txt").date == "2018-04-09"  # a year not « en » says nothing


def test_a_place_the_reference_data_does_not_know_as_a_town_is_not_taken():
    meta = _meta("NOTE\n\nPublié le 19 juin 2018\n\nLe ministre a rappelé la déclaration du 3 mai.\n")
    assert meta.date == "2018-06-19"
    assert meta.place == ""  # « Publié » is no town


@pytest.mark.parametrize(("line", "codes", "alone"), [
    ("12838/23", ["12838/23"], True),  # a Council note
    ("12517/1/23 REV 1", ["12517/1/23 REV 1"], True),
    ("PPC-DS(2012)0009", ["PPC-DS(2012)0009"], True),  # a NATO record
    ("JAI 1133", ["JAI 1133"], True),  # a Council distribution code
    ("Lettre n°. 143/4 P/2012/CRY", ["143/4 P/2012/CRY"], False),  # a letter's number, in a sentence
    ("ST 12838 2023 INIT", ["ST 12838 2023 INIT"], False),  # the register's form, cited in a text
])
def test_one_table_of_reference_codes_reads_the_field_and_the_lines_that_are_a_code(line, codes, alone):
    assert find_references(line) == codes
    assert is_reference_line(line) is alone


def test_a_city_a_heading_in_capitals_names_keeps_its_capital_when_the_text_never_writes_it_otherwise():
    body = structure([Line(n, line) for n, line in enumerate((
        "RAPPORT", "", "I. DÉPLACEMENT DE LA DÉLÉGATION À NAIROBI", "",
        "La délégation a rencontré à cette occasion les autorités kényanes et les représentants de la délégation.",
    ), 1)], "rapport.txt")
    extract_metadata(body, {})
    (heading,) = [block.text for part in body.parts for block in part.blocks if block.kind == "heading"]
    assert heading == "I. Déplacement de la délégation à Nairobi"
