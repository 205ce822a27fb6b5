"""Meetings cited by the seed texts, read by hand from corpus/*.txt.

The documents are built directly from paragraphs copied from the seed files
(one line per paragraph), so these tests do not depend on the structure stage.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from slugify import slugify

from coopsec.enrich.actors import load_actors
from coopsec.enrich.meetings import _sentence_starts, find_meetings
from coopsec.enrich.merging import merge_meetings
from coopsec.extract.timex import NOTE_FUTURE
from coopsec.gazetteer import Gazetteer
from coopsec.model import Block, Citation, DateSpan, Document, Meeting, Metadata, Part, Place, Source, note_call

FIXTURES = Path(__file__).parent / "fixtures"
PLACES = Gazetteer(load_actors(Path(__file__).parent.parent / "corpus" / "actors.yml"))


def make_doc(slug: str, parts: list[Part], doc_date: str = "") -> Document:
    source = Source(path=f"{slug}.txt", text="", sha256="", encoding="utf-8", size=0)
    return Document(slug=slug, source=source, meta=Metadata(date=doc_date), parts=parts)


def paragraphs(*texts: str, prefix: str = "p") -> list[Block]:
    return [Block("paragraph", text, anchor=f"{prefix}-{i}") for i, text in enumerate(texts, 1)]


def days(start: str, end: str | None = None) -> tuple[date, date]:
    return date.fromisoformat(start), date.fromisoformat(end or start)


def by_kind(meetings: list[Meeting], kind: str) -> dict[tuple[date, date], Meeting]:
    found = {(m.span.start, m.span.end): m for m in meetings if m.kind == kind}
    assert kind != "meeting" or len(found) == len([m for m in meetings if m.kind == kind]), "meeting not merged"
    return found


SEED_000 = make_doc(
    "000",
    [
        Part(
            "DECLARATION D’ALGER",
            header=[
                "15ème conférence des Ministres de l’Intérieur de la Méditerranée Occidentale",
                "DECLARATION D’ALGER",
                "Alger les 08 et 09 Avril 2013",
            ],
            blocks=paragraphs(
                "Sous la présidence de Monsieur Dahou OULD KABLIA, Ministre de l’Intérieur et des "
                "Collectivités Locales de la République Algérienne Démocratique et Populaire, a eu lieu à "
                "Alger les 08 et 09 Avril 2013 la Conférence des Ministres de l’Intérieur du bassin de la "
                "Méditerranée Occidentale avec la participation de :",
                "M. MARIO CARUANA Chef de la délégation de la République de Malte.",
                "Rappelant la Déclaration de Malte ayant sanctionné le deuxième (2ème ) Sommet des Chefs "
                "d’Etat et de Gouvernement des Etats membres de la Conférence des Ministres de l’Intérieur "
                "du bassin de la Méditerranée Occidentale, tenue les 5 et 6 Octobre 2012 à la Valette ;",
                "Rappelant également les conclusions de la 14ème CIMO, tenue à Venise les 23 et 24 Novembre 2009 ;",
                "Prenant note de la tenue de la Conférence d’Alger de Partenariat et de Sécurité des pays "
                "du Champ, tenue les 7 et 8 Septembre 2011;",
                "Prenant note de la Conférence Ministérielle régionale sur la sécurité des frontières, "
                "tenue à Tripoli, les 11 et 12 Mars 2012 ;",
                "Prenant également note de la réunion des Ministres des Affaires Etrangères de l’UMA "
                "concernant la coopération en matière de sécurité tenue à Alger le 09 Juillet 2012 ;",
                "Prenant note de la Conférence internationale sur la « coopération en matière de contrôle "
                "des frontières au Maghreb et au Sahel », organisée à Rabat du 13 au 15 mars 2013 en "
                "partenariat avec le Comité des Nations Unies Contre le Terrorisme ;",
                "Prenant note de l’atelier sur les « menaces et défis transnationaux dans l’Atlantique sud "
                "», organisé à Rabat le 17 et 18 octobre 2012 dans le cadre du Forum Global de Lutte "
                "contre le Terrorisme ;",
                "Rappelant la tenue de la réunion de Ghadamès sur la sécurité des frontières, tenue le 12 "
                "Janvier 2013 ;",
                "De réitérer leur décision prise lors de la Conférence de Nouakchott tenue les 21 et 22 "
                "Mai 2008, visant la mise en place d’une stratégie commune de lutte contre le terrorisme ;",
                "Ils insistent sur la régularité des réunions du groupe de Suivi de la CIMO et encouragent "
                "l’organisation des rencontres entre experts, autour des thématiques découlant des enjeux "
                "et des défis, auxquels font face les pays de la Méditerranée Occidentale.",
                "Les Ministres acceptent avec plaisir l’invitation de leur homologue du Portugal à "
                "accueillir dans son pays les travaux de la (XVIème) Conférence Ministérielle.",
                "ALGER le 09 Avril 2013",
            ),
        )
    ],
    "2013-04-09",
)

SEED_001 = make_doc(
    "001",
    [
        Part(
            "NOTE POINT « I/A »",
            header=["Bruxelles, le 15 septembre 2023", "(OR. en, es)", "12838/23"],
            blocks=paragraphs(
                "À la suite des informations communiquées au Coreper le 12 juillet 2023"
                + note_call("1")
                + ", l'Espagne, en sa qualité d'État membre exerçant la présidence, s'est adressée aux "
                "pays tiers partenaires concernés pour discuter avec eux d'un texte commun en vue de la "
                "déclaration conjointe des ministres de l'intérieur des États membres de l'Union "
                "européenne et des ministres chargés de la sécurité des États membres du Comité "
                "latino-américain de sécurité intérieure (déclaration conjointe UE-CLASI), sur la base "
                "du projet de déclaration conjointe UE-CLASI élaboré par l'Espagne, lequel tient compte "
                "des contributions écrites des délégations du groupe de soutien COSI.",
                "Sur la base des observations reçues des pays tiers partenaires concernés et d'une autre "
                "série de consultations menées en septembre 2023 avec les délégations du groupe de soutien "
                "COSI, l'Espagne informe le Coreper et le Conseil du texte de la déclaration conjointe "
                "UE-CLASI finale, en vue du déjeuner ministériel avec les pays du CLASI organisé en "
                'parallèle de la session du Conseil "Justice et affaires intérieures" qui se tiendra à '
                "Bruxelles le 28 septembre 2023.",
                "vu la déclaration des chefs d'État ou de gouvernement de l'Union européenne (UE) et de la "
                "Communauté des États latino-américains et des Caraïbes (CELAC) faite le 18 juillet 2023 à "
                "Bruxelles (Belgique);",
                "nous nous félicitons de la création de la task force birégionale sur la lutte contre le "
                "trafic de stupéfiants"
                + note_call("3")
                + ", dont la première réunion opérationnelle s'est tenue en octobre 2022 à Buenos Aires "
                "(Argentine), ce qui montre que les engagements politiques pris au niveau stratégique "
                "aboutissent à des résultats opérationnels concrets, et nous invitons la task force à "
                "lancer des opérations conjointes, en tenant compte des conclusions de la SOCTA et de "
                "l'IDEAL; nous rappelons que cette task force a vocation à devenir un réseau d'experts "
                "et nous invitons les États membres à y participer;",
            ),
        )
    ],
    "2023-09-15",
)

SEED_002 = make_doc(
    "002",
    [
        Part(
            "La coopération entre états, un enjeu de lutte anti-terroriste",
            blocks=paragraphs(
                "Depuis plusieurs mois, des rencontres, des accords s'organisent entre différents pays et "
                "notamment avec ceux du Maghreb. En mai 2018, **Murielle Domenach**, secrétaire générale "
                "du Comité interministériel de prévention de la délinquance et de la radicalisation "
                "([CIPDR](#) [1]) signe en mai 2018 avec, **Hedi Mekni**, Président de la Commission "
                "nationale de lutte contre le terrorisme en Tunisie, un mémorandum d'entente qui vise, "
                "selon le communiqué « de planifier les activités à mener en coopération entre les deux "
                "parties pour l'année à venir et d'échanger sur les expériences respectives dans le "
                "domaine de la prévention de la radicalisation ».",
                "Le 11 juin 2018, à Paris, les premiers ministres français et belge, Edouard Philippe et "
                "Charles Michel conviennent d'étendre leur coopération en associant le Maroc et l'Espagne "
                'par la mise en place d\'une "quadripartite ministérielle" pour lutter efficacement contre '
                "le terrorisme.",
                "Dates: Mardi 18 juin 2019 - 11:15",
                "Publié le 19 juin 2018",
                "URL de la source (modifié le 18/06/2019 - 11:23): "
                "<https://prev-radicalites.org/actualites-0/la-cooperation-entre-etats-un-enjeu-de-lutte-anti-terroriste>",
            ),
        )
    ],
)

SEED_003 = make_doc(
    "003",
    [
        Part(
            "Compte rendu de la visite de la délégation du CSDN",
            header=[
                "Service Politique / YB / n°. 143/4 P/2012/CRY",
                "19 avril 2012",
                "Référence : M/L en date du 08 février 2012",
                "Objet : Compte rendu de la visite de la délégation du CSDN au Quartier Général de l'OTAN, "
                "Bruxelles, le 07 février 2012.",
            ],
            blocks=paragraphs(
                "Faisant suite à mon courrier cité en référence, j'ai l'honneur de vous faire parvenir, "
                "ci-joint, le compte rendu de la réunion du Comité Politique et des Partenariats de l'OTAN "
                "en configuration PPC+Maroc consacrée l'examen à la situation sécuritaire dans la région "
                "du Sahel et dans la façade atlantique ainsi que sur les moyens à même de renforcer la "
                "coopération bilatérale entre le Maroc et l'OTAN dans ce domaine.",
                "A cet égard, il y a lieu de préciser qu'une délégation de l'OTAN se rendra au Maroc, du "
                "22 au 24 mai 2012, pour examiner avec les autorités marocaines compétentes les "
                "possibilités de coopération dans le domaine de la recherche scientifique, la "
                "cyber-défense et la lutte contre le terrorisme.",
            ),
        ),
        Part(
            "COMPTE RENDU DE DÉCISIONS",
            header=[
                "NATO CONFIDENTIEL",
                "Communicable au Maroc",
                "9 mars 2012",
                "PPC-DS(2012)0009",
                "COMITÉ POLITIQUE ET DES PARTENARIATS (PPC)",
            ],
            blocks=[
                Block(
                    "heading",
                    "Réunion avec le Maroc tenue au siège de l'OTAN le mardi 7 février 2012 à 14h30",
                ),
                *paragraphs(
                    "prend note de la suite de la déclaration du président, qui indique que le Maroc a "
                    "déjà montré de l'intérêt pour une coopération avec l'OTAN, qui permettrait aux deux "
                    "parties prenantes d'améliorer leur capacité à faire face à la menace terroriste ; le "
                    "président rappelle l'importance que le pays a donnée à la lutte contre le terrorisme "
                    "en l'intégrant dans son programme de coopération individuel (ICP)"
                    + note_call("1")
                    + ", en souscrivant au plan d'action du Partenariat contre le terrorisme (PAP-T) en 2011 "
                    "et en mettant en place une coopération opérationnelle avec l'OTAN, qui a notamment "
                    "pris la forme d'un appui à l'opération Unified Protector et à l'opération Active "
                    "Endeavour ;",
                    "prend note également de la déclaration de la délégation des États-Unis, qui remercie "
                    "le Maroc de coorganiser la réunion du groupe de travail sur l'état de droit du Forum "
                    "mondial de lutte contre le terrorisme, se tenant à Rabat les 7 et 8 février ;",
                    prefix="p-1",
                ),
            ],
        ),
    ],
    "2012-04-19",
)

SEED_004 = make_doc(
    "004",
    [
        Part(
            "DÉCLARATION FINALE",
            blocks=paragraphs(
                "INTRO : Le 4 novembre 2014, à l’occasion de la 83ème session de l’Assemblée générale "
                "d’INTERPOL, à Monaco, les Ministres des États membres participants se sont rencontrés "
                "afin de tenir une réunion à haut niveau sur le thème « Turn Back Crime (Agir contre le "
                "crime) : 100 ans de coopération policière internationale ». Les débats ont porté sur les "
                "progrès et les réalisations, les grands défis auxquels sont confrontés la police et les "
                "gouvernements du monde entier, ainsi que sur les possibilités, les politiques et les "
                "partenariats stratégiques pour un autre centenaire de coopération policière "
                "internationale fructueux.",
                "À l’issue de la Réunion ministérielle, qui avait pour thème «Turn Back Crime : 100 ans de "
                "coopération policière internationale », la Déclaration suivante a été adoptée par les "
                "Ministres présents :",
                "Déclaration finale, 83 ème session de l’Assemblée générale d’INTERPOL, Monaco, 4 novembre 2014",
                "Rappelant la résolution 2178 (2014) du Conseil de sécurité des Nations Unies, condamnant "
                "l’extrémisme violent, de nous efforcer de veiller au respect des mesures contenues dans "
                "cette résolution, notamment par une action multilatérale visant à étudier les facteurs à "
                "l’origine de la menace terroriste actuelle, et de soutenir, lorsqu’il y a lieu, le "
                "travail d’INTERPOL visant à promouvoir la coopération policière internationale afin de "
                "lutter contre le terrorisme, en particulier grâce à son programme innovant axé sur "
                "l’identification et la localisation des combattants terroristes étrangers, et la "
                "limitation de leurs déplacements ;",
            ),
        )
    ],
    "2014-11-04",
)

# (start, end) -> place, for every meeting each seed cites.
EXPECTED = {
    "000": {
        days("2008-05-21", "2008-05-22"): "Nouakchott",
        days("2009-11-23", "2009-11-24"): "Venise",
        days("2011-09-07", "2011-09-08"): "Alger",
        days("2012-03-11", "2012-03-12"): "Tripoli",
        days("2012-07-09"): "Alger",
        days("2012-10-05", "2012-10-06"): "La Valette",
        days("2012-10-17", "2012-10-18"): "Rabat",
        days("2013-01-12"): "Ghadamès",
        days("2013-03-13", "2013-03-15"): "Rabat",
        days("2013-04-08", "2013-04-09"): "Alger",
    },
    "001": {
        days("2022-10-01", "2022-10-31"): "Buenos Aires",
        days("2023-07-12"): "",
        days("2023-07-18"): "Bruxelles",  # the EU-CELAC leaders' declaration "faite le 18 juillet 2023 à Bruxelles"
        days("2023-09-01", "2023-09-30"): "",
        days("2023-09-28"): "Bruxelles",
    },
    "002": {days("2018-06-11"): "Paris"},
    "003": {
        days("2012-02-07"): "Bruxelles",  # "au siège de l'OTAN": its seat, from corpus/actors.yml
        days("2012-02-07", "2012-02-08"): "Rabat",
        days("2012-05-22", "2012-05-24"): "Maroc",
    },
    "004": {days("2014-11-04"): "Monaco"},
}

# (start, end) of the dated events that are not meetings.
EXPECTED_EVENTS = {
    "000": {days("2013-04-09")},
    "001": {days("2023-07-18"), days("2023-09-15")},
    "002": {days("2018-05-01", "2018-05-31"), days("2018-06-19"), days("2019-06-18")},
    "003": {days("2012-04-19"), days("2012-02-08"), days("2012-03-09")},
    "004": set(),
}

SEEDS = {doc.slug: doc for doc in (SEED_000, SEED_001, SEED_002, SEED_003, SEED_004)}


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_every_meeting_of_each_seed_with_its_dates_and_place(slug: str) -> None:
    meetings = by_kind(find_meetings(SEEDS[slug], PLACES), "meeting")
    assert {key: m.place.label for key, m in meetings.items()} == EXPECTED[slug]


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_other_dated_events_are_kept_apart_from_meetings(slug: str) -> None:
    assert set(by_kind(find_meetings(SEEDS[slug], PLACES), "event")) == EXPECTED_EVENTS[slug]


def test_names_are_built_from_the_wording() -> None:
    names = {key: m.name for key, m in by_kind(find_meetings(SEED_000, PLACES), "meeting").items()}
    assert names[days("2009-11-23", "2009-11-24")] == "14ème CIMO"
    assert names[days("2008-05-21", "2008-05-22")] == "Conférence de Nouakchott"
    assert names[days("2012-03-11", "2012-03-12")] == (
        "Conférence Ministérielle régionale sur la sécurité des frontières"
    )
    assert names[days("2012-10-05", "2012-10-06")].startswith("2ème Sommet des Chefs d’Etat")
    assert names[days("2013-04-08", "2013-04-09")].startswith("Conférence des Ministres de l’Intérieur")
    assert names[days("2012-10-17", "2012-10-18")] == (
        "Atelier sur les « menaces et défis transnationaux dans l’Atlantique sud »"
    )
    session = by_kind(find_meetings(SEED_004, PLACES), "meeting")[days("2014-11-04")]
    assert session.name == "83ème session de l’Assemblée générale d’INTERPOL"
    jha = by_kind(find_meetings(SEED_001, PLACES), "meeting")
    assert jha[days("2023-09-28")].name == 'Session du Conseil "Justice et affaires intérieures"'
    assert jha[days("2023-07-12")].name == "Coreper"
    assert jha[days("2022-10-01", "2022-10-31")].name == "Première réunion opérationnelle"
    consultations = jha[days("2023-09-01", "2023-09-30")]
    assert consultations.name == "Consultations avec les délégations du groupe de soutien COSI"
    visit = by_kind(find_meetings(SEED_003, PLACES), "meeting")[days("2012-05-22", "2012-05-24")]
    assert visit.name == "Visite d’une délégation de l'OTAN"
    paris = by_kind(find_meetings(SEED_002, PLACES), "meeting")[days("2018-06-11")]
    assert paris.name == "Rencontre des premiers ministres français et belge"


def test_event_names_say_what_happened() -> None:
    events = by_kind(find_meetings(SEED_001, PLACES), "event")
    assert events[days("2023-07-18")].name.startswith("Déclaration des chefs d'État")
    assert events[days("2023-07-18")].place.label == "Bruxelles"
    assert by_kind(find_meetings(SEED_000, PLACES), "event")[days("2013-04-09")].place.label == "Alger"
    web = by_kind(find_meetings(SEED_002, PLACES), "event")
    assert web[days("2018-05-01", "2018-05-31")].name == "Mémorandum d'entente"
    assert web[days("2018-06-19")].name == "Publication"


def test_citations_quote_the_clause_with_the_date() -> None:
    meetings = by_kind(find_meetings(SEED_000, PLACES), "meeting")
    venice = meetings[days("2009-11-23", "2009-11-24")]
    assert [(c.document, c.anchor) for c in venice.sources] == [("000", "p-4")]
    assert venice.sources[0].quote == (
        "Rappelant également les conclusions de la 14ème CIMO, tenue à Venise les 23 et 24 Novembre 2009 ;"
    )
    coreper = by_kind(find_meetings(SEED_001, PLACES), "meeting")[days("2023-07-12")]
    quote = coreper.sources[0].quote
    assert "au Coreper le 12 juillet 2023" in quote and len(quote) <= 300 and "\ue000" not in quote


def test_the_dateline_of_a_meeting_is_cited_by_that_meeting() -> None:
    cimo = by_kind(find_meetings(SEED_000, PLACES), "meeting")[days("2013-04-08", "2013-04-09")]
    quotes = {c.anchor: c.quote for c in cimo.sources}
    assert quotes.keys() == {"", "p-1"}
    assert quotes[""] == "Alger les 08 et 09 Avril 2013"
    assert quotes["p-1"] in SEED_000.parts[0].blocks[0].text and len(quotes["p-1"]) <= 300
    assert "a eu lieu à Alger les 08 et 09 Avril 2013 la Conférence des Ministres" in quotes["p-1"]


def test_same_meeting_in_two_paragraphs_is_one_entry() -> None:
    session = by_kind(find_meetings(SEED_004, PLACES), "meeting")[days("2014-11-04")]
    assert [c.anchor for c in session.sources] == ["p-1", "p-3"]
    visit = by_kind(find_meetings(SEED_003, PLACES), "meeting")[days("2012-02-07")]
    assert [c.anchor for c in visit.sources] == ["", ""]
    assert visit.name == "Visite de la délégation du CSDN au Quartier Général de l'OTAN"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Rappelant les conclusions du Conseil européen des 25 et 26 juin 2015 ;",
            ("meeting", days("2015-06-25", "2015-06-26"), "", "Conseil européen"),
        ),
        (
            "Lors du sommet UE-Afrique de La Valette des 11 et 12 novembre 2015, les dirigeants ont parlé.",
            ("meeting", days("2015-11-11", "2015-11-12"), "La Valette", "Sommet UE-Afrique de La Valette"),
        ),
        (
            "Le Conseil JAI du 8 octobre 2015 a examiné la question.",
            ("meeting", days("2015-10-08"), "", "Conseil JAI"),
        ),
        (
            "Le COSI s'est réuni le 5 mai 2015.",
            ("meeting", days("2015-05-05"), "Bruxelles", "Réunion du COSI"),  # the COSI sits in Brussels
        ),
        (
            "Les travaux de la (XVIème) Conférence Ministérielle, tenue à Lisbonne les 3 et 4 juin 2016, ont "
            "porté sur la migration.",
            ("meeting", days("2016-06-03", "2016-06-04"), "Lisbonne", "XVIème Conférence Ministérielle"),
        ),
        (
            "La 84e Assemblée générale d'INTERPOL, tenue à Kigali du 3 au 6 novembre 2015, a voté.",
            ("meeting", days("2015-11-03", "2015-11-06"), "Kigali", "84e Assemblée générale d'INTERPOL"),
        ),
        (
            "Le séminaire de Madrid, organisé fin octobre 2015, a réuni cinquante experts.",
            ("meeting", days("2015-10-01", "2015-10-31"), "Madrid", "Séminaire de Madrid"),
        ),
        (
            "Une réunion de coordination aura lieu les 1er et 2 février à Tunis.",
            ("meeting", days("2016-02-01", "2016-02-02"), "Tunis", "Réunion de coordination"),
        ),
        (
            "La déclaration commune signée à Paris le 11 juin 2018 prévoit un suivi.",
            ("event", days("2018-06-11"), "Paris", "Déclaration commune"),
        ),
        (
            "Le Conseil de sécurité a adopté, le 24 septembre 2014, la résolution 2178.",
            ("event", days("2014-09-24"), "", "Résolution 2178"),
        ),
        ("Rabat, le 5 mai 2015", ("event", days("2015-05-05"), "Rabat", "Date du texte")),
        (
            "Le rapport de la réunion tenue le 5 mai 2015 a été remis à M. Dupont.",
            ("meeting", days("2015-05-05"), "", "Réunion"),
        ),
        (
            "Le compte rendu de la rencontre du 5 mai 2015 a été transmis au Président de la Commission.",
            ("meeting", days("2015-05-05"), "", "Rencontre"),
        ),
        (
            "Déclaration finale, 83 ème session de l’Assemblée générale d’INTERPOL, Monaco, 4 novembre 2014",
            ("meeting", days("2014-11-04"), "Monaco", "83ème session de l’Assemblée générale d’INTERPOL"),
        ),
    ],
)
def test_other_wordings(sentence: str, expected: tuple) -> None:
    doc = make_doc("z", [Part("z", blocks=paragraphs(sentence))], "2016-01-01")
    (found,) = find_meetings(doc, PLACES)
    assert (found.kind, (found.span.start, found.span.end), found.place.label, found.name) == expected


def test_title_is_scanned_unless_a_header_line_holds_it() -> None:
    part = Part("Réunion du groupe Terrorisme, Bruxelles, le 5 juin 2015", blocks=paragraphs("Texte."))
    (meeting,) = find_meetings(make_doc("t", [part]), PLACES)
    assert (meeting.name, meeting.place.label, meeting.sources[0].anchor) == (
        "Réunion du groupe Terrorisme",
        "Bruxelles",
        "",
    )
    part.header = ["Objet : " + part.title]
    assert len(find_meetings(make_doc("t", [part]), PLACES)[0].sources) == 1


def test_year_taken_from_the_part_when_the_document_has_no_date() -> None:
    undated = make_doc("003b", SEED_003.parts)
    meetings = by_kind(find_meetings(undated, PLACES), "meeting")
    assert days("2012-02-07", "2012-02-08") in meetings


def test_year_taken_from_the_same_block_first() -> None:
    block = "La réunion tenue à Rabat le 5 mai 2012 a préparé celle tenue à Tunis le 7 juin ;"
    undated = make_doc("b", [Part("b", header=["9 mars 2011"], blocks=paragraphs(block))])
    meetings = by_kind(find_meetings(undated, PLACES), "meeting")
    assert meetings.keys() == {days("2012-05-05"), days("2012-06-07")}
    assert meetings[days("2012-06-07")].place.label == "Tunis"


def test_date_without_year_and_no_context_is_dropped() -> None:
    doc = make_doc("x", [Part("x", blocks=paragraphs("La réunion se tiendra à Rabat les 7 et 8 février ;"))])
    assert find_meetings(doc, PLACES) == []


def test_ids_are_slugs_of_the_first_day_the_town_and_the_name() -> None:
    # As the text writes them: « la 14ème CIMO, tenue à Venise les 23 et 24 Novembre 2009 », « la Conférence de
    # Nouakchott tenue les 21 et 22 Mai 2008 »; an id starts with the first day, the town, then the name's words.
    read = {
        days("2009-11-23", "2009-11-24"): "Venise 14ème CIMO",
        days("2008-05-21", "2008-05-22"): "Nouakchott Conférence",
    }
    found = find_meetings(SEED_000, PLACES)
    meetings = by_kind(found, "meeting")
    for span, words in read.items():
        assert f"{meetings[span].id}-".startswith(slugify(f"{span[0].isoformat()} {words}") + "-")
    assert len({m.id for m in found}) == len(found)
    assert [m.id for m in find_meetings(SEED_000, PLACES)] == [m.id for m in found]  # the same on every run


def sixth_document() -> Document:
    title, *lines = (FIXTURES / "meetings_sixth.txt").read_text(encoding="utf-8").splitlines()
    header, *body = lines
    return make_doc("sixth", [Part(title, header=[title, header], blocks=paragraphs(*body))])


def test_sixth_text_in_other_date_forms() -> None:
    meetings = by_kind(find_meetings(sixth_document(), PLACES), "meeting")
    assert {key: m.place.label for key, m in meetings.items()} == {
        days("2008-05-21", "2008-05-22"): "Nouakchott",
        days("2014-11-04"): "Monaco",
        days("2015-06-19"): "Madrid",
        days("2015-06-30", "2015-07-02"): "Tunis",
        days("2015-11-01", "2015-11-30"): "Nouakchott",
        days("2015-12-28", "2016-01-03"): "Rome",
        days("2016-03-01"): "Lisbonne",
    }
    assert meetings[days("2015-11-01", "2015-11-30")].span.precision == "month"
    assert meetings[days("2014-11-04")].name == "83e session de l'Assemblée générale d'INTERPOL"


def test_sixth_text_events() -> None:
    events = by_kind(find_meetings(sixth_document(), PLACES), "event")
    assert set(events) == {days("2016-01-15"), days("2016-03-02")}
    assert events[days("2016-03-02")].place.label == "Lisbonne"


def test_merge_across_documents() -> None:
    documents = [SEED_000, SEED_004, sixth_document()]
    merged = merge_meetings([find_meetings(doc, PLACES) for doc in documents])
    nouakchott = [m for m in merged if m.span.start == date(2008, 5, 21)]
    assert len(nouakchott) == 1
    assert {c.document for c in nouakchott[0].sources} == {"000", "sixth"}
    session = [m for m in merged if m.span.start == date(2014, 11, 4)]
    assert len(session) == 1
    assert [c.document for c in session[0].sources] == ["004", "004", "sixth"]
    assert len({m.id for m in merged}) == len(merged)
    keys = [(m.span.start, m.name) for m in merged]
    assert keys == sorted(keys)


def test_merge_keeps_the_most_specific_name_and_place() -> None:
    first, second = find_meetings(SEED_000, PLACES), find_meetings(SEED_000, PLACES)
    short = next(m for m in first if m.span.start == date(2013, 1, 12))
    short.name, short.place = "Réunion de Ghadamès", Place()
    merged = merge_meetings([first, second])
    ghadames = [m for m in merged if m.span.start == date(2013, 1, 12)]
    assert len(ghadames) == 1
    assert (ghadames[0].name, ghadames[0].place.city) == (
        "Réunion de Ghadamès sur la sécurité des frontières",
        "Ghadamès",
    )


def test_different_meetings_on_the_same_day_stay_apart() -> None:
    doc = make_doc(
        "y",
        [
            Part(
                "y",
                blocks=paragraphs(
                    "Le Coreper s'est réuni le 5 mai 2015 ;",
                    "Le séminaire sur la traite des êtres humains s'est tenu à Vienne le 5 mai 2015 ;",
                ),
            )
        ],
    )
    assert len(merge_meetings([find_meetings(doc, PLACES)])) == 2


def test_chronology_of_the_initial_corpus() -> None:
    merged = merge_meetings([find_meetings(doc, PLACES) for doc in SEEDS.values()])
    meetings = [m for m in merged if m.kind == "meeting"]
    assert meetings[0].span.start == date(2008, 5, 21) and meetings[0].place.label == "Nouakchott"
    assert meetings[-1].span.start == date(2023, 9, 28) and meetings[-1].place.label == "Bruxelles"
    assert len(meetings) == sum(len(expected) for expected in EXPECTED.values())


def test_meetings_on_the_same_days_in_two_towns_stay_apart():
    def meeting(slug: str, place: str) -> Meeting:
        span = DateSpan(date(2005, 1, 20), date(2005, 1, 20), "day", "le 20 janvier 2005")
        name = "Réunion des Ministres des Affaires étrangères"
        return Meeting("", name, span, Place(place), sources=[Citation(slug, "a-1", f"{name} tenue à {place}")])

    merged = merge_meetings([[meeting("a", "Tunis")], [meeting("b", "Marrakech")], [meeting("c", "Tunis")]])
    assert sorted((m.place.city, len(m.sources)) for m in merged) == [("Marrakech", 1), ("Tunis", 2)]


def test_a_venue_written_just_before_the_date_gives_its_seat() -> None:
    text = "Lors de notre sommet extraordinaire, tenu au siège de l'OTAN le 24 mars 2022, nous avions décidé."
    (meeting,) = find_meetings(make_doc("v", [Part("v", blocks=paragraphs(text))], "2022-06-29"), PLACES)
    assert (meeting.name, meeting.place.city, meeting.place.via) == (
        "Sommet extraordinaire", "Bruxelles", "siège de l'OTAN")


@pytest.mark.parametrize(
    ("sentence", "city"),
    [
        ("La réunion ministérielle tenue dans la capitale mauritanienne le 17 mars 2013 a lancé le processus.",
         "Nouakchott"),
        ("Le sommet réuni dans la capitale du Niger le 6 février 2017 a adopté le texte.", "Niamey"),
        ("Les ministres se sont retrouvés le 9 avril 2013 dans la capitale algérienne.", "Alger"),
    ],
)
def test_a_capital_named_after_its_country_is_the_place(sentence: str, city: str) -> None:
    (meeting,) = find_meetings(make_doc("c", [Part("c", blocks=paragraphs(sentence))], "2017-06-01"), PLACES)
    assert (meeting.place.city, meeting.place.source) == (city, "capitale")


def test_a_capital_said_with_more_than_its_country_is_not_guessed() -> None:
    text = "Le sommet s'est achevé le 30 novembre 2017 dans la capitale économique ivoirienne."
    (meeting,) = find_meetings(make_doc("c", [Part("c", blocks=paragraphs(text))], "2018-01-10"), PLACES)
    assert not meeting.place.city  # Abidjan is no capital, and "économique" says it is not Yamoussoukro


def test_words_that_refer_to_a_town_named_before_or_to_the_texts_own() -> None:
    same = ("La Conférence de Marrakech sera précédée, du 5 au 7 décembre 2018, dans la même ville, par le"
            " Sommet du Forum mondial.")
    here = "Le huitième Forum régional, tenu ici même le 27 novembre 2023, a évoqué la situation à Gaza."
    doc = make_doc("r", [Part("r", blocks=paragraphs(same, here))], "2023-11-28")
    doc.meta.place = "Barcelone"
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    assert (meetings[days("2018-12-05", "2018-12-07")].place.city,
            meetings[days("2018-12-05", "2018-12-07")].place.source) == ("Marrakech", "renvoi")
    assert (meetings[days("2023-11-27")].place.city, meetings[days("2023-11-27")].place.via) == (
        "Barcelone", "ici même")


def test_a_town_written_earlier_in_the_clause_places_a_meeting_that_names_none() -> None:
    text = ("C'est à Vienne qu'a été créée, le 7 septembre 1923, la Commission internationale de police"
            " criminelle, à l'issue du Congrès international réuni du 3 au 7 septembre 1923.")
    doc = make_doc("v", [Part("v", blocks=paragraphs(text))], "2023-11-30")
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    assert meetings[days("1923-09-03", "1923-09-07")].place.city == "Vienne"


def test_a_meeting_named_only_by_the_heading_is_held_on_the_texts_days_where_it_is_dated() -> None:
    header = ["INITIATIVE UE – CORNE DE L'AFRIQUE", "DÉCLARATION DE LA CONFÉRENCE MINISTÉRIELLE DU PROCESSUS DE ROME"]
    body = paragraphs("Nous, ministres réunis à l'invitation de l'Italie, lançons le Processus de Rome.",
                      "Fait à Rome, les 27 et 28 novembre 2014")
    doc = make_doc("h", [Part("DÉCLARATION", header=header, blocks=body)], "2014-11-28")
    doc.meta.place, doc.meta.date_text = "Rome", "les 27 et 28 novembre 2014"
    meeting = by_kind(find_meetings(doc, PLACES), "meeting")[days("2014-11-27", "2014-11-28")]
    assert (meeting.name, meeting.place.city) == ("Conférence ministérielle du Processus de Rome", "Rome")
    assert meeting.sources[0].anchor == ""  # cited by the heading, which has no paragraph anchor


def test_a_heading_meeting_already_dated_by_the_text_is_not_added_twice() -> None:
    header = ["COMMUNIQUÉ FINAL DU SOMMET DES CHEFS D'ÉTAT"]
    body = paragraphs("Le sommet des chefs d'État s'est tenu à Niamey le 6 février 2018.")
    doc = make_doc("h", [Part("COMMUNIQUÉ", header=header, blocks=body)], "2018-02-06")
    doc.meta.place = "Niamey"
    assert [m.name for m in find_meetings(doc, PLACES) if m.kind == "meeting"] == ["Sommet des chefs d'État"]


def test_a_parliaments_session_of_two_years_in_the_heading_is_no_meeting() -> None:
    header = ["SÉNAT", "SESSION ORDINAIRE DE 2019-2020"]
    body = paragraphs("Le présent rapport dresse le bilan de la coopération.")
    doc = make_doc("h", [Part("RAPPORT", header=header, blocks=body)], "2020-03-04")
    assert [m for m in find_meetings(doc, PLACES) if m.kind == "meeting"] == []


def test_a_town_between_a_dash_and_the_date_of_a_heading_line_is_the_meetings_place() -> None:
    line = "12e session du Comité exécutif – Nairobi (Kenya), 4-6 mars 2019"
    doc = make_doc("d", [Part("d", blocks=paragraphs(line))], "2019-03-06")
    meeting = by_kind(find_meetings(doc, PLACES), "meeting")[days("2019-03-04", "2019-03-06")]
    assert (meeting.place.city, meeting.place.country) == ("Nairobi", "Kenya")


def test_a_calendar_gives_each_item_the_year_of_the_items_before_and_the_place_after_its_dash() -> None:
    items = [Block("item", text, anchor=f"a-{i}") for i, text in enumerate([
        "4 et 5 avril 2019 – Paris : réunion des ministres de l'Intérieur du G7",
        "23 et 24 juin – Marseille : Sommet des deux rives de la Méditerranée",
        "18 et 19 novembre – Dakar (Sénégal) : 6e Forum international de Dakar sur la paix",
    ], 1)]
    doc = make_doc("c", [Part("c", blocks=items)], "2019-03-11")  # November 2018 would be nearer to March
    found = {(m.span.iso(), m.place.city) for m in find_meetings(doc, PLACES) if m.kind == "meeting"}
    assert found == {(("2019-04-04", "2019-04-05"), "Paris"), (("2019-06-23", "2019-06-24"), "Marseille"),
                     (("2019-11-18", "2019-11-19"), "Dakar")}


def test_a_paragraph_takes_the_year_nearest_the_texts_date_not_that_of_the_paragraph_before() -> None:
    blocks = paragraphs("La réunion ministérielle s'est tenue à Tanger le 7 octobre 2015.",
                        "La réunion parlementaire, organisée à Marseille les 27 et 28 octobre, a présenté son rapport.")
    found = {m.span.iso() for m in find_meetings(make_doc("p", [Part("p", blocks=blocks)], "2016-10-28"), PLACES)}
    assert ("2016-10-27", "2016-10-28") in found


def test_au_caire_is_le_caire_and_au_mali_is_the_country() -> None:
    text = "Le sommet tenu au Caire les 3 et 4 avril 2000 a précédé la réunion tenue au Mali le 2 mai 2000."
    meetings = by_kind(find_meetings(make_doc("k", [Part("k", blocks=paragraphs(text))], "2001-01-10"), PLACES),
                       "meeting")
    assert meetings[days("2000-04-03", "2000-04-04")].place.city == "Le Caire"
    assert (meetings[days("2000-05-02")].place.city, meetings[days("2000-05-02")].place.country) == ("", "Mali")


def test_a_town_before_the_meetings_noun_does_not_displace_the_town_it_is_named_after() -> None:
    text = ("Depuis le premier sommet, au Caire en 2000, et depuis le sommet de Lisbonne des 8 et 9 décembre 2007,"
            " le partenariat a grandi.")
    meetings = by_kind(find_meetings(make_doc("l", [Part("l", blocks=paragraphs(text))], "2017-11-27"), PLACES),
                       "meeting")
    assert meetings[days("2007-12-08", "2007-12-09")].place.city == "Lisbonne"


def test_an_enumeration_of_meetings_that_leave_their_noun_out() -> None:
    text = ("Les délégués ont rappelé les engagements pris lors des sessions de Monaco, du 3 au 7 novembre 2014,"
            " de Kigali, du 2 au 5 novembre 2015, et de Dubaï, du 18 au 21 novembre 2018, en matière de"
            " criminalité organisée.")
    meetings = by_kind(find_meetings(make_doc("e", [Part("e", blocks=paragraphs(text))], "2019-01-10"), PLACES),
                       "meeting")
    assert {span: m.place.city for span, m in meetings.items()} == {
        days("2014-11-03", "2014-11-07"): "Monaco", days("2015-11-02", "2015-11-05"): "Kigali",
        days("2018-11-18", "2018-11-21"): "Dubaï"}


def test_a_meeting_under_way_on_the_texts_day_took_place_where_the_text_is_dated() -> None:
    text = ("Le Conseil de paix et de sécurité, en sa 265e réunion tenue le 10 mars 2011, rappelle la réunion"
            " du 2 février 2011 ;")
    doc = make_doc("c", [Part("c", blocks=paragraphs(text))], "2011-03-10")
    doc.meta.place = "Addis-Abeba"
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    assert (meetings[days("2011-03-10")].place.city, meetings[days("2011-03-10")].place.source) == (
        "Addis-Abeba", "date du texte")
    recalled = meetings[days("2011-02-02")].place  # not the dateline's: the seat of the body whose clause it is
    assert (recalled.city, recalled.source) == ("Addis-Abeba", "siège")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Prend acte de la résolution 1970 (2011) adoptée par le Conseil de sécurité des Nations unies"
         " le 26 février 2011 ;", "event"),
        ("Un nouveau Conseil extraordinaire, le 28 mars 2022, a approuvé un plan en dix points.", "meeting"),
        ("Lors du Conseil des 3 et 4 mars 2022, les ministres ont décidé d'activer la directive.", "meeting"),
        ("Les chefs d'État se sont félicités du déroulement de l'élection présidentielle du 22 novembre 2020.",
         "event"),
        ("Un entretien téléphonique entre les deux présidents a eu lieu le 1er novembre 2020.", "event"),
    ],
)
def test_an_institution_is_not_a_meeting_but_its_sittings_are(sentence: str, kind: str) -> None:
    (found,) = find_meetings(make_doc("k", [Part("k", blocks=paragraphs(sentence))], "2022-04-10"), PLACES)
    assert found.kind == kind


def test_meetings_dated_by_a_year_alone_after_their_place() -> None:
    text = ("Nous réaffirmons les décisions prises lors de notre sommet de Bucarest de 2008. La coopération"
            " s'est construite conférence après conférence, à Rabat (2006), Paris (2008) et Dakar (2011).")
    doc = make_doc("y", [Part("y", blocks=paragraphs(text, "La stratégie adoptée en 2010 reste valable."))],
                   "2022-06-29")
    found = {(m.span.iso(), m.place.city, m.name) for m in find_meetings(doc, PLACES)}
    assert found == {
        (("2008", "2008"), "Bucarest", "Sommet de Bucarest"),
        (("2006", "2006"), "Rabat", "Conférence de Rabat"),
        (("2008", "2008"), "Paris", "Conférence de Paris"),
        (("2011", "2011"), "Dakar", "Conférence de Dakar"),
    }


def test_a_meeting_under_way_since_a_recent_day_lasts_until_the_texts_day() -> None:
    text = ("Les délégués, réunis depuis dimanche à Dubaï pour la 87e Assemblée générale de l'organisation,"
            " ont élu aujourd'hui leur président.")
    doc = make_doc("s", [Part("s", blocks=paragraphs(text))], "2018-11-21")
    (meeting,) = find_meetings(doc, PLACES)
    assert (meeting.span.start, meeting.span.end, meeting.place.city) == (*days("2018-11-18", "2018-11-21"), "Dubaï")
    assert meeting.name == "87e Assemblée générale de l'organisation"


def test_a_state_since_a_day_long_past_is_no_meeting() -> None:
    text = ("La Conférence sera précédée, du 5 au 7 décembre 2018, par le Sommet du Forum mondial, que le Maroc"
            " copréside depuis le 1er janvier 2017.")
    doc = make_doc("d", [Part("d", blocks=paragraphs(text))], "2018-11-10")
    assert set(by_kind(find_meetings(doc, PLACES), "meeting")) == {days("2018-12-05", "2018-12-07")}


def test_a_precise_date_specifies_a_vague_one_of_the_same_clause() -> None:
    text = "C'est l'an dernier à New Delhi, lors de la 90e session (18-21 octobre 2022), que le rapport a été lu."
    (meeting,) = find_meetings(make_doc("n", [Part("n", blocks=paragraphs(text))], "2023-12-01"), PLACES)
    assert (meeting.span.iso(), meeting.place.city) == (("2022-10-18", "2022-10-21"), "New Delhi")


def test_the_town_a_meeting_is_named_after_wins_over_a_place_after_the_date() -> None:
    text = "Ils ont dressé le bilan du Sommet de Pau, le 13 janvier 2020, ainsi que des opérations menées à Niamey."
    (meeting,) = find_meetings(make_doc("p", [Part("p", blocks=paragraphs(text))], "2021-02-16"), PLACES)
    assert (meeting.name, meeting.place.city) == ("Sommet de Pau", "Pau")


def test_a_town_that_hosts_the_meeting_is_its_place() -> None:
    text = "Marrakech accueillera les 10 et 11 décembre 2018 la conférence intergouvernementale sur les migrations."
    (meeting,) = find_meetings(make_doc("h", [Part("h", blocks=paragraphs(text))], "2018-05-03"), PLACES)
    assert (meeting.span.iso(), meeting.place.city) == (("2018-12-10", "2018-12-11"), "Marrakech")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("La Commission fut créée à l'issue du Congrès international de police criminelle réuni du 3 au 7"
         " septembre 1923.", "Congrès international de police criminelle"),
        ("Adoptée par le Conseil de sécurité à sa 6898e séance, le 20 décembre 2012.", "6898e séance"),
    ],
)
def test_congresses_and_sittings_are_meetings(sentence: str, name: str) -> None:
    doc = make_doc("s", [Part("s", blocks=paragraphs(sentence))], "2023-12-01")
    assert name in {m.name for m in find_meetings(doc, PLACES) if m.kind == "meeting"}


def test_the_opening_and_the_closing_day_of_one_meeting_make_one_range() -> None:
    texts = ("La 91e session de l'Assemblée générale s'est ouverte à Vienne le 28 novembre 2023.",
             "Les délégués ont achevé aujourd'hui les travaux de la 91e session de l'Assemblée générale.")
    (meeting,) = find_meetings(make_doc("v", [Part("v", blocks=paragraphs(*texts))], "2023-12-01"), PLACES)
    assert (meeting.span.iso(), meeting.place.city, len(meeting.sources)) == (
        ("2023-11-28", "2023-12-01"), "Vienne", 2)


def test_a_day_told_relatively_gives_its_town_to_the_meeting_it_belongs_to() -> None:
    text = ("Le Centre a été lancé hier à Amsterdam, en ouverture de la réunion informelle des ministres qui"
            " s'est tenue lundi et mardi.")
    (meeting,) = find_meetings(make_doc("a", [Part("a", blocks=paragraphs(text))], "2016-01-26"), PLACES)
    assert (meeting.span.iso(), meeting.place.city) == (("2016-01-25", "2016-01-26"), "Amsterdam")


def test_each_reading_says_how_sure_it_is_and_why() -> None:
    texts = ("La conférence ministérielle s'est tenue à Rabat le 5 mars 2019.",
             "Les ministres se réuniront mardi à Tunis.")
    doc = make_doc("r", [Part("r", blocks=paragraphs(*texts))], "2019-03-14")  # a Thursday
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    written, told = meetings[days("2019-03-05")], meetings[days("2019-03-19")]
    assert (written.date_note, told.date_note) == ("", NOTE_FUTURE)
    assert "« conférence »" in written.reason and NOTE_FUTURE in told.reason
    assert told.confidence < written.confidence


def test_a_joint_declaration_made_in_a_town_implies_the_meeting_of_its_authors() -> None:
    text = ("vu la déclaration des chefs d'État ou de gouvernement de l'Union européenne (UE) et de la CELAC faite"
            " le 18 juillet 2023 à Bruxelles (Belgique);")
    found = find_meetings(make_doc("j", [Part("j", blocks=paragraphs(text))], "2023-09-15"), PLACES)
    assert {(m.kind, m.place.city, m.name) for m in found} == {
        ("event", "Bruxelles", "Déclaration des chefs d'État ou de gouvernement de l'Union européenne"),
        ("meeting", "Bruxelles", "Réunion des chefs d'État ou de gouvernement de l'Union européenne"),
    }
    text = "vu la déclaration de la Commission faite le 18 juillet 2023 à Bruxelles;"
    assert [m.kind for m in find_meetings(make_doc("k", [Part("k", blocks=paragraphs(text))]), PLACES)] == ["event"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le plan d'action, adopté le 12 mai 2021 lors de la conférence ministérielle de Rabat, est mis en œuvre.",
         (("2021-05-12", "2021-05-12"), "Rabat", "Conférence ministérielle de Rabat")),
        ("Les ministres ont signé hier à Tunis, à l'issue de leur 5e réunion, un mémorandum d'entente.",
         (("2021-06-09", "2021-06-09"), "Tunis", "5e réunion")),
        ("La déclaration publiée le 3 juin 2021 en marge du sommet des dirigeants est saluée.",
         (("2021-06-03", "2021-06-03"), "", "Sommet des dirigeants")),
    ],
)
def test_an_event_dated_at_a_meeting_dates_that_meeting(text: str, expected: tuple) -> None:
    doc = make_doc("h", [Part("h", blocks=paragraphs(text))], "2021-06-10")
    found = find_meetings(doc, PLACES)
    assert [(m.span.iso(), m.place.city, m.name) for m in found if m.kind == "meeting"] == [expected]
    if "hier" not in text:  # an event told relative to the text's day joins the meeting of that day
        assert [m.span.iso() for m in found if m.kind == "event"] == [expected[0]]  # the event is kept too


def test_a_meeting_after_another_text_is_not_the_dated_events() -> None:
    text = ("Prend acte de la résolution adoptée le 6 décembre 2006, et se félicite du communiqué publié à l'issue"
            " de la réunion du groupe de contact.")
    found = find_meetings(make_doc("n", [Part("n", blocks=paragraphs(text))], "2007-01-20"), PLACES)
    assert [m.kind for m in found] == ["event"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les ministres saluent les réunions d'Ischia, les 10 et 11 avril, et de Toronto, les 23 et 24 avril 2018.",
         {(("2018-04-10", "2018-04-11"), "Ischia"), (("2018-04-23", "2018-04-24"), "Toronto")}),
        ("Rappelant les douzième et treizième Conférences, réunies respectivement en France, à Nice, en mai 2006,"
         " et en Mauritanie, à Nouakchott, en mai 2008 ;",
         {(("2006-05", "2006-05"), "Nice"), (("2008-05", "2008-05"), "Nouakchott")}),
        ("Les sessions des ministres de l'Intérieur, les 3 et 4 mars, et des ministres de la Justice, les 9 et"
         " 10 juin 2019, au siège de l'OTAN, ont préparé ce sommet.",
         {(("2019-03-03", "2019-03-04"), "Bruxelles"), (("2019-06-09", "2019-06-10"), "Bruxelles")}),
    ],
)
def test_a_coordinated_meeting_shares_the_noun_of_the_one_before(text: str, expected: set) -> None:
    doc = make_doc("e", [Part("e", blocks=paragraphs(text))], "2018-06-01")
    assert {(m.span.iso(), m.place.city) for m in find_meetings(doc, PLACES) if m.kind == "meeting"} == expected


def test_a_country_name_after_a_is_its_town_only_if_the_town_is_there_or_a_city() -> None:
    assert PLACES.resolve("Luxembourg", town_first=True).city == "Luxembourg"
    assert PLACES.resolve("Grenade", town_first=True).city == "Grenade"  # Granada, not Grenada
    assert (PLACES.resolve("Mali", town_first=True).city, PLACES.resolve("Mali", town_first=True).country) == (
        "", "Mali")  # not the small town of Turkmenistan


def test_a_town_spelt_the_french_way_is_found_under_its_reference_spelling() -> None:
    assert (PLACES.resolve("Abou Dhabi").city, PLACES.resolve("Abou Dhabi").country) == (
        "Abou Dhabi", "Émirats arabes unis")  # "Abu Dhabi" in the reference data
    assert PLACES.resolve("Bodø").country == "Norvège"  # "ø" folds to "o"
    assert PLACES.resolve("Jour") is None  # a small "Jur" elsewhere is not taken


def test_a_town_known_with_its_article_is_named_with_it() -> None:
    assert PLACES.resolve("Caire").city == "Le Caire"  # "au Caire"
    assert PLACES.resolve("Havre").city == "Le Havre"


@pytest.mark.parametrize(
    ("sentence", "name", "city"),
    [
        ("Ils ont participé à la réunion de haut niveau de La Celle-Saint-Cloud, le 13 décembre 2017.",
         "Réunion de haut niveau de La Celle-Saint-Cloud", "La Celle-Saint-Cloud"),
        ("5 et 6 décembre 2019 – Bratislava (Slovaquie) : 26e Conseil ministériel de l'OSCE",
         "26e Conseil ministériel de l'OSCE", "Bratislava"),
    ],
)
def test_more_meeting_wordings(sentence: str, name: str, city: str) -> None:
    (meeting,) = [m for m in find_meetings(make_doc("w", [Part("w", blocks=paragraphs(sentence))], "2019-03-11"),
                                           PLACES) if m.kind == "meeting"]
    assert (meeting.name, meeting.place.city) == (name, city)


def test_a_town_of_another_country_told_relatively_does_not_place_a_meeting_held_in_a_country() -> None:
    body = paragraphs("Dix jours après l'attentat du 29 octobre, à Nice, le ministre a achevé hier une tournée au"
                      " cours de laquelle il s'est rendu à Tunis et à Alger.",
                      "Samedi 7 et dimanche 8 novembre, le ministre a effectué une visite de travail en Algérie.")
    doc = make_doc("t", [Part("t", blocks=body)], "2020-11-09")
    visit = by_kind(find_meetings(doc, PLACES), "meeting")[days("2020-11-07", "2020-11-08")]
    # not Nice nor Tunis; « hier » (8 novembre) joins the visit, whose paragraphs name one town of Algeria
    assert (visit.place.city, visit.place.country, visit.place.source) == ("Alger", "Algérie", "ville du pays")


def test_a_meetings_name_ends_at_a_conjugated_verb() -> None:
    text = "Tenu le 3 mars 2020, le sommet avait été bousculé par les inondations."
    (meeting,) = [m for m in find_meetings(make_doc("v", [Part("v", blocks=paragraphs(text))], "2020-06-01"),
                                           PLACES) if m.kind == "meeting"]
    assert meeting.name == "Sommet"


def test_the_summit_named_by_its_noun_alone_is_the_one_named_before() -> None:
    body = paragraphs("Les travaux du troisième sommet de l'Union africaine et de la Ligue arabe s'achèvent"
                      " aujourd'hui. Ouvert hier matin à l’hôtel Africa, le sommet a adopté son ordre du jour.")
    doc = make_doc("s", [Part("s", blocks=body)], "2019-05-16")
    doc.meta.place = "Tunis"
    (summit,) = [m for m in find_meetings(doc, PLACES) if m.kind == "meeting"]
    assert (summit.span.iso(), summit.place.city) == (("2019-05-15", "2019-05-16"), "Tunis")
    assert summit.name.startswith("Troisième sommet")


def test_a_bare_noun_before_the_date_yields_to_the_meeting_named_right_after_it() -> None:
    body = paragraphs("La conférence s'est ouverte le 6 février 2018 à Niamey.",
                      "La conférence a été précédée, la veille, par la réunion du Conseil des ministres du G5 Sahel.")
    meetings = by_kind(find_meetings(make_doc("b", [Part("b", blocks=body)], "2018-02-06"), PLACES), "meeting")
    assert meetings[days("2018-02-05")].name == "Réunion du Conseil des ministres du G5 Sahel"


def test_a_meeting_noun_in_a_buildings_name_is_no_meeting() -> None:
    text = "La réunion s'est tenue le 20 janvier 2018 au Centre international de conférences d'Alger."
    (meeting,) = [m for m in find_meetings(make_doc("c", [Part("c", blocks=paragraphs(text))], "2018-01-21"),
                                           PLACES) if m.kind == "meeting"]
    assert meeting.name == "Réunion"


def test_the_items_of_a_programme_take_the_day_of_the_line_above_them() -> None:
    blocks = [Block("paragraph", "Mardi 9 mai :", anchor="a-1"),
              Block("item", "10h00 : entretien avec le ministre de l'Intérieur, Lisbonne", anchor="a-2"),
              Block("paragraph", "Mercredi 10 mai :", anchor="a-3"),
              Block("item", "09h30 : visite du centre de coordination, Porto", anchor="a-4")]
    meetings = by_kind(find_meetings(make_doc("p", [Part("p", blocks=blocks)], "2023-04-20"), PLACES), "meeting")
    assert meetings[days("2023-05-09")].place.city == "Lisbonne"
    assert meetings[days("2023-05-10")].place.city == "Porto"
    assert meetings[days("2023-05-09")].sources[0].anchor == "a-2"


def test_the_heading_meeting_is_not_the_earlier_session_of_another_number() -> None:
    header = ["12e CONFÉRENCE RÉGIONALE EUROPÉENNE", "Oslo (Norvège), du 2 au 4 juin 2021"]
    body = paragraphs("Rappelant les recommandations de la 11e Conférence régionale européenne, tenue à Riga"
                      " en mai 2019 ;")
    doc = make_doc("n", [Part("DÉCLARATION", header=header, blocks=body)], "2021-06-04")
    doc.meta.place, doc.meta.date_text = "Oslo", "du 2 au 4 juin 2021"
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    assert meetings[days("2021-06-02", "2021-06-04")].place.city == "Oslo"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Les ministres ont conclu ce vendredi 8 mars 2019, à Rabat, trois jours de réunion.",
      ("2019-03-06", "2019-03-08")),
     ("À Rabat, le sommet de deux jours a débuté le mercredi 6 mars 2019.", ("2019-03-06", "2019-03-07"))],
)
def test_a_meeting_told_how_long_it_lasts_from_its_first_or_last_day(text: str, expected: tuple) -> None:
    doc = make_doc("l", [Part("l", blocks=paragraphs(text))], "2019-03-08")
    assert [m.span.iso() for m in find_meetings(doc, PLACES) if m.kind == "meeting"] == [expected]


def test_the_place_after_a_date_that_opens_the_next_meeting_is_that_meetings() -> None:
    text = ("Le Conseil prend note de la mission de terrain effectuée à Kayes (Mali), les 2 et 3 mars, puis à"
            " Mopti (Mali), les 5 et 6 mars 2019.")
    meetings = by_kind(find_meetings(make_doc("m", [Part("m", blocks=paragraphs(text))], "2019-04-01"), PLACES),
                       "meeting")
    assert meetings[days("2019-03-02", "2019-03-03")].place.city == "Kayes"
    assert meetings[days("2019-03-05", "2019-03-06")].place.city == "Mopti"


@pytest.mark.parametrize(
    "sentence",
    ["À Dakar, le 4 mai 2021, les sénateurs se sont entretenus avec le ministre des Forces armées.",
     "Le 4 mai 2021, la délégation a visité l'École nationale de police, à Thiès.",
     "La délégation a séjourné à Thiès le 4 mai 2021.",
     "La commission a procédé, le 4 mai 2021, à l'audition du directeur général de la police."],
)
def test_talks_visits_stays_and_hearings_are_meetings(sentence: str) -> None:
    doc = make_doc("v", [Part("v", blocks=paragraphs(sentence))], "2021-06-01")
    assert [m.span.iso() for m in find_meetings(doc, PLACES) if m.kind == "meeting"] == [("2021-05-04", "2021-05-04")]


def test_the_seat_of_the_organisation_named_last_places_a_meeting_at_its_seat() -> None:
    text = ("Le roi a pris la parole lors du 31e sommet de l'Union africaine, au siège de l'organisation,"
            " en juillet 2018.")
    (meeting,) = [m for m in find_meetings(make_doc("o", [Part("o", blocks=paragraphs(text))], "2018-09-01"),
                                           PLACES) if m.kind == "meeting"]
    assert (meeting.place.city, meeting.place.source) == ("Addis-Abeba", "siège")


def test_a_town_after_another_meetings_noun_is_that_meetings() -> None:
    text = ("Rappelle son communiqué adopté lors de sa 600e réunion, tenue au siège de l'Union africaine le 3 mai"
            " 2016, ainsi que les conclusions de la réunion ministérielle tenue à Niamey le 20 janvier 2015 ;")
    meetings = by_kind(find_meetings(make_doc("a", [Part("a", blocks=paragraphs(text))], "2017-01-01"), PLACES),
                       "meeting")
    assert meetings[days("2016-05-03")].place.city == "Addis-Abeba"
    assert meetings[days("2015-01-20")].place.city == "Niamey"


def test_a_date_after_apres_dates_its_point_of_reference_not_the_meeting() -> None:
    text = ("Trois jours après le déclenchement des inondations, le 4 mars 2019, la présidence a convoqué un"
            " Conseil « Justice et affaires intérieures » extraordinaire, réuni le 7 mars 2019 à Bruxelles.")
    found = find_meetings(make_doc("r", [Part("r", blocks=paragraphs(text))], "2019-04-01"), PLACES)
    assert [m.span.iso() for m in found if m.kind == "meeting"] == [("2019-03-07", "2019-03-07")]
    assert by_kind(found, "event")[days("2019-03-04")].name == "Déclenchement des inondations"


@pytest.mark.parametrize(
    ("text", "city"),
    [("Nous nous réunirons de nouveau à Lisbonne en 2025.", "Lisbonne"),
     ("Nous nous réunirons de nouveau en 2025, à Lisbonne, au siège de l'organisation.", "Lisbonne")],
)
def test_the_next_meeting_told_by_its_verb_its_town_and_its_year(text: str, city: str) -> None:
    (meeting,) = [m for m in find_meetings(make_doc("y", [Part("y", blocks=paragraphs(text))], "2024-07-10"),
                                           PLACES) if m.kind == "meeting"]
    assert (meeting.span.iso(), meeting.place.city) == (("2025", "2025"), city)


def test_a_dispatchs_byline_date_is_no_meeting() -> None:
    text = ("TUNIS, 3 avril 2019 (TAP) - Les ministres de l'Intérieur des pays voisins de la Libye ont"
            " adopté hier à Tunis une déclaration commune.")
    doc = make_doc("b", [Part("b", blocks=paragraphs(text))], "2019-04-03")
    assert not [m for m in find_meetings(doc, PLACES) if m.kind == "meeting" and m.span.start == date(2019, 4, 3)]


def test_a_meeting_named_by_a_pronoun_and_its_town_shares_the_noun_before() -> None:
    text = ("Une ligne constante depuis la réunion ministérielle tenue à Niamey le 3 mars 2012, puis réaffirmée"
            " lors de celle de Nouakchott, le 9 juin 2013.")
    meetings = by_kind(find_meetings(make_doc("c", [Part("c", blocks=paragraphs(text))], "2014-01-01"), PLACES),
                       "meeting")
    assert meetings[days("2013-06-09")].place.city == "Nouakchott"


def test_receiving_a_counterpart_is_a_meeting() -> None:
    text = "Hier, le ministre des Affaires étrangères a reçu à Rabat son homologue sénégalais."
    (meeting,) = [m for m in find_meetings(make_doc("r", [Part("r", blocks=paragraphs(text))], "2019-05-08"),
                                           PLACES) if m.kind == "meeting"]
    assert (meeting.span.iso(), meeting.place.city) == (("2019-05-07", "2019-05-07"), "Rabat")


def test_a_town_name_shared_by_several_towns_is_the_one_in_a_country_the_text_names() -> None:
    assert PLACES.resolve("Saint-Louis").country == "États-Unis"  # the largest of that name
    assert PLACES.focused(["pays-senegal"]).resolve("Saint-Louis").country == "Sénégal"
    text = "Hier, la ministre s'était rendue à Saint-Louis, où elle a rencontré des pêcheurs du Sénégal."
    doc = make_doc("s", [Part("s", blocks=paragraphs(text))], "2022-11-17")
    doc.actors = {"pays-senegal": []}
    (visit,) = [m for m in find_meetings(doc, PLACES) if m.kind == "meeting"]
    assert (visit.place.city, visit.place.country, visit.name) == ("Saint-Louis", "Sénégal", "Visite de la ministre")


def test_a_meeting_placed_in_a_country_takes_the_one_town_of_it_its_paragraph_names():
    doc = make_doc("visite", [Part("Déplacement", blocks=paragraphs(
        "Le 12 février 2021, la ministre a effectué une visite de travail au Sénégal. À Dakar, elle s'est "
        "entretenue avec son homologue de la coopération judiciaire.",
        "Le 3 mars 2021, une réunion de travail s'est tenue au Maroc ; les délégations se sont ensuite "
        "rendues à Rabat puis à Tanger.",
        "Le 9 mars 2021, une visite officielle a eu lieu en Tunisie.",
        "La ministre se rendra ensuite à Tunis."))], "2021-03-20")
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    senegal = meetings[days("2021-02-12")].place
    assert (senegal.city, senegal.country, senegal.source) == ("Dakar", "Sénégal", "ville du pays")
    assert meetings[days("2021-03-03")].place.city == ""  # two towns of Morocco: which one is not said
    assert meetings[days("2021-03-09")].place.city == ""  # Tunis is in another paragraph: another stage


def test_the_place_a_relative_ou_takes_up_is_the_meetings():
    doc = make_doc("ou", [Part("Tournée", blocks=paragraphs(
        "La ministre est rentrée jeudi du Niger, où elle avait présidé lundi et mardi une réunion sur la "
        "sécurité des frontières. À Niamey, elle a aussi rencontré les autorités de transition."))], "2019-03-14")
    meeting = by_kind(find_meetings(doc, PLACES), "meeting")[days("2019-03-11", "2019-03-12")]
    assert (meeting.place.city, meeting.place.country) == ("Niamey", "Niger")


def test_a_town_the_reference_data_lacks_is_known_by_the_country_written_with_it() -> None:
    assert PLACES.resolve("Gammarth (Tunisie)") == Place("Gammarth", "Tunisie", "texte")
    assert PLACES.resolve("Gammarth") is None  # without its country, a capitalised word may be anything
    assert PLACES.resolve("la délégation (Tunisie)") is None
    text = ("Ils rappellent les conférences de Sousse, du 3 au 5 mai 2016, et de Gammarth, en Tunisie,"
            " du 7 au 9 juin 2017.")
    doc = make_doc("u", [Part("u", blocks=paragraphs(text))], "2018-01-10")
    found = {m.span.iso(): m.place.city for m in find_meetings(doc, PLACES) if m.kind == "meeting"}
    assert found == {("2016-05-03", "2016-05-05"): "Sousse", ("2017-06-07", "2017-06-09"): "Gammarth"}


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Adoptée par le Conseil de sécurité des Nations unies à sa 9001e séance, le 3 mars 2022.", "New York"),
        ("Adoptée par le Conseil de sécurité à sa 9002e séance, le 3 mars 2022.", "New York"),
        ("Le Conseil de l'Atlantique Nord de l'OTAN s'est réuni le 2 mars 2022 en session extraordinaire.",
         "Bruxelles"),
        ("Les ministres de l'UE ont tenu une réunion en visioconférence le 2 mars 2022.", ""),
        ("Le sommet de l'Union africaine s'est ouvert le 2 mars 2022.", ""),  # a summit travels
        ("La session de l'OTAN, le 2 mars 2022, s'est tenue à Madrid.", "Madrid"),  # a written place wins
    ],
)
def test_a_sitting_of_a_standing_body_is_held_at_its_seat_unless_told_otherwise(text: str, city: str) -> None:
    doc = make_doc("s", [Part("s", blocks=paragraphs(text))], "2022-03-10")
    (meeting,) = [m for m in find_meetings(doc, PLACES) if m.kind == "meeting"]
    assert meeting.place.city == city


@pytest.mark.parametrize("verb", ["a séjourné", "a enfin séjourné", "s'est ensuite rendue", "a également visité"])
def test_a_visit_verb_may_hold_an_adverb_after_its_auxiliary(verb: str) -> None:
    text = f"La délégation {verb} à Cotonou les 15 et 16 février 2023."
    doc = make_doc("a", [Part("a", blocks=paragraphs(text))], "2023-03-01")
    (meeting,) = find_meetings(doc, PLACES)
    expected = ("meeting", ("2023-02-15", "2023-02-16"), "Cotonou")
    assert (meeting.kind, meeting.span.iso(), meeting.place.city) == expected


def test_a_town_named_after_a_word_for_its_site_is_the_place() -> None:
    text = "La réunion du groupe s'est tenue le 19 mars 2024 sur la base aérienne de Ramstein (Allemagne)."
    (meeting,) = find_meetings(make_doc("b", [Part("b", blocks=paragraphs(text))], "2024-04-04"), PLACES)
    assert (meeting.place.city, meeting.place.country) == ("Ramstein", "Allemagne")


def test_a_town_in_quotes_in_a_meetings_name_is_a_name_not_its_place() -> None:
    text = "Le ministre se rendra le 12 mars 2024 à Varsovie pour une réunion du format dit « de Weimar »."
    (meeting,) = find_meetings(make_doc("w", [Part("w", blocks=paragraphs(text))], "2024-02-26"), PLACES)
    assert meeting.place.city == "Varsovie"


def test_a_calendar_under_a_line_naming_its_year_keeps_that_year_down_its_items() -> None:
    blocks = [Block("paragraph", "Calendrier indicatif des activités 2025", anchor="p-1"),
              *[Block("item", text, anchor=f"i-{n}") for n, text in enumerate((
                  "12-13 février – Lisbonne : réunion du comité directeur",
                  "avril (dates à confirmer) – Rabat : réunion du groupe d'experts",
                  "22-26 septembre – Cagliari : exercice « Seaborder 2025 »",
                  "2-3 décembre – Lisbonne : réunion des ministres", ), 1)]]
    doc = make_doc("c", [Part("c", blocks=blocks)], "2025-01-14")  # December 2024 is nearer the text's day
    found = {m.span.iso() for m in find_meetings(doc, PLACES) if m.kind == "meeting"}
    assert {("2025-02-12", "2025-02-13"), ("2025-12-02", "2025-12-03")} <= found


def meetings_in(text: str, doc_date: str) -> dict[tuple[str, str], Meeting]:
    """The meetings of a one-paragraph text, by their days."""
    doc = make_doc("t", [Part("t", blocks=paragraphs(text))], doc_date)
    return {m.span.iso(): m for m in find_meetings(doc, PLACES) if m.kind == "meeting"}


def towns_in(text: str, doc_date: str) -> dict[tuple[str, str], str]:
    """The town of each meeting of a one-paragraph text, by its days."""
    return {days: meeting.place.city for days, meeting in meetings_in(text, doc_date).items()}


def test_an_entry_into_force_is_an_event_even_beside_the_ministers() -> None:
    text = ("Les ministres saluent l'entrée en vigueur, le 1er mars 2021, de l'accord de réadmission, et "
            "souhaitent des sessions de formation communes.")
    assert meetings_in(text, "2021-06-02") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les chefs d'État ont tenu deux sommets extraordinaires à Accra, les 4 avril et 19 mai 2022.",
         {("2022-04-04", "2022-04-04"), ("2022-05-19", "2022-05-19")}),
        ("La mission a entendu, le 12 janvier 2022, le préfet de police, puis, le 9 février 2022, le "
         "directeur de la gendarmerie.", {("2022-01-12", "2022-01-12"), ("2022-02-09", "2022-02-09")}),
    ],
)
def test_a_date_joined_to_a_meetings_date_is_another_day_of_the_same_name(text: str, expected: set) -> None:
    assert set(meetings_in(text, "2022-06-01")) == expected


def test_a_date_after_a_comma_alone_is_not_joined_to_the_meeting_before() -> None:
    text = ("Le Conseil, réuni le 3 mars 2023 à Addis-Abeba, salue le lancement par l'Union européenne, "
            "le 20 mars 2023, d'une mission de formation.")
    assert set(meetings_in(text, "2023-04-01")) == {("2023-03-03", "2023-03-03")}


@pytest.mark.parametrize("verb", ["a rencontré", "avons rencontré", "rencontrera"])
def test_meeting_someone_is_a_meeting(verb: str) -> None:
    text = f"Le 14 avril 2022, le ministre {verb} son homologue nigérien à Niamey."
    assert meetings_in(text, "2022-04-10")[("2022-04-14", "2022-04-14")].place.city == "Niamey"


def test_an_expert_mission_at_a_border_post_is_a_meeting_in_its_town() -> None:
    text = "Une mission d'évaluation se déroulera du 3 au 5 mai 2022 au poste frontière de Rosso."
    assert meetings_in(text, "2022-04-10")[("2022-05-03", "2022-05-05")].place.city == "Rosso"


def test_a_calendar_under_month_lines_keeps_the_year_of_its_heading() -> None:
    blocks = [Block("paragraph", "Programme des activités – second semestre 2020", anchor="p-1"),
              Block("paragraph", "JUILLET", anchor="p-2"),
              Block("item", "6 juillet : atelier sur la sécurité portuaire, Dakar.", anchor="i-1"),
              Block("paragraph", "DÉCEMBRE", anchor="p-3"),
              Block("item", "8 décembre : réunion du comité de pilotage, Lyon.", anchor="i-2")]
    doc = make_doc("c", [Part("c", blocks=blocks)], "2020-06-20")  # December 2019 is as near as December 2020
    found = {m.span.iso(): m.place.city for m in find_meetings(doc, PLACES) if m.kind == "meeting"}
    assert found == {("2020-07-06", "2020-07-06"): "Dakar", ("2020-12-08", "2020-12-08"): "Lyon"}


def test_a_town_written_last_in_a_calendar_item_places_it() -> None:
    blocks = [Block("item", "9 mars 2021 : réunion du groupe d'experts, ministère de l'Intérieur, Tunis.",
                    anchor="i-1")]
    doc = make_doc("c", [Part("c", blocks=blocks)], "2021-01-05")
    (meeting,) = find_meetings(doc, PLACES)
    assert meeting.place.city == "Tunis"


def test_a_deadline_is_no_meeting() -> None:
    text = "Les délégations sont priées de communiquer, avant le 15 mars 2022, les noms des participants aux sessions."
    assert meetings_in(text, "2022-02-01") == {}


def test_a_text_dated_by_several_days_dates_the_meeting_it_comes_out_of() -> None:
    text = "Dans ses conclusions des 26 et 27 juin 2025, le Conseil européen a demandé un effort accru."
    assert "Conseil européen" in meetings_in(text, "2025-07-10")[("2025-06-26", "2025-06-27")].name


def test_a_bare_session_of_a_texts_council_is_that_council() -> None:
    doc = make_doc("n", [Part("n", header=["Objet : Préparation du Conseil « Affaires étrangères » des 3 et "
                                           "4 mars 2025"],
                              blocks=paragraphs("Le Comité est invité à transmettre la note au Conseil en vue "
                                                "de sa session des 3 et 4 mars 2025."))], "2025-02-20")
    (meeting,) = [m for m in find_meetings(doc, PLACES) if m.kind == "meeting"]
    assert "Affaires étrangères" in meeting.name and len(meeting.sources) == 2


def test_a_meeting_told_in_the_first_person_is_named_by_its_word_alone() -> None:
    text = "Le 3 octobre 2024, nous avons rencontré à Tallinn le ministre estonien de la Défense."
    assert meetings_in(text, "2024-10-04")[("2024-10-03", "2024-10-03")].name == "Visite"


def test_a_noun_written_right_before_the_next_date_is_that_dates() -> None:
    text = ("Nous nous sommes réunis hier à Riga pour suivre les décisions prises au sommet de Washington, "
            "les 9, 10 et 11 juillet 2024.")
    found = meetings_in(text, "2024-10-04")
    assert found[("2024-10-03", "2024-10-03")].place.city == "Riga"
    assert found[("2024-07-09", "2024-07-11")].place.city == "Washington"


def test_a_participle_between_a_meetings_noun_and_the_date_dates_something_else() -> None:
    text = ("Lors de son audition, le ministre a rappelé la réforme des armées, annoncée par le Président de "
            "la République le 13 juillet 2022 à Brest.")
    assert meetings_in(text, "2022-10-01") == {}


def test_a_meeting_with_an_auxiliary_before_the_event_verb_keeps_its_date() -> None:
    text = "Le sommet de Lomé a adopté le 15 octobre 2016 la Charte sur la sûreté maritime."
    assert meetings_in(text, "2016-11-01")[("2016-10-15", "2016-10-15")].place.city == "Lomé"


def test_a_town_in_a_relative_clause_after_the_date_is_not_the_meetings() -> None:
    text = ("Ils ont évoqué leur dernière rencontre, en marge du sommet du G7, les 24 et 25 août 2019, ainsi "
            "que la préparation du prochain exercice, qui se tiendra à Paris.")
    assert meetings_in(text, "2019-10-01")[("2019-08-24", "2019-08-25")].place.city == ""


def test_a_meeting_named_alike_on_a_day_within_anothers_days_is_a_day_of_it() -> None:
    text = ("La 12e conférence régionale d'INTERPOL s'est tenue à Accra du 4 au 6 mars 2025. Un accord a été "
            "signé le 5 mars 2025, en marge de la 12e conférence régionale d'INTERPOL.")
    found = meetings_in(text, "2025-03-07")
    assert list(found) == [("2025-03-04", "2025-03-06")] and len(found[("2025-03-04", "2025-03-06")].sources) == 2


def test_a_round_table_held_at_the_senate_sat_in_paris() -> None:
    text = "Une table ronde réunissant des diplomates s'est tenue au Sénat le 4 avril 2024."
    assert meetings_in(text, "2024-05-02")[("2024-04-04", "2024-04-04")].place.city == "Paris"


def test_a_programme_by_days_and_hours_dates_and_places_each_line() -> None:
    blocks = paragraphs("Programme de la visite (3-4 octobre 2022)", "Lundi 3 octobre – Dakar",
                        "09h30 : entretien avec le ministre de l'Intérieur", "15h00 : départ pour Thiès",
                        "Mardi 4 octobre – Thiès", "10h00 : réunion avec le gouverneur de la région")
    found = {m.span.iso(): m.place.city for m in find_meetings(make_doc("p", [Part("p", blocks=blocks)], "2022-09-20"),
                                                                PLACES) if m.kind == "meeting"}
    assert found[("2022-10-03", "2022-10-03")] == "Dakar" and found[("2022-10-04", "2022-10-04")] == "Thiès"


def test_a_town_in_a_meetings_name_is_known_by_the_country_written_after_it() -> None:
    text = "Ils ont rappelé leur rencontre en marge du sommet de l'ASEAN de Labuan Bajo (Indonésie), le 10 mai 2023."
    assert meetings_in(text, "2023-06-01")[("2023-05-10", "2023-05-10")].place.city == "Labuan Bajo"


def test_an_enumeration_of_meetings_dated_in_brackets() -> None:
    text = ("Le processus s'est consolidé grâce aux conférences de Tunis (12 mars 2015), de Bamako (4 juin 2017) "
            "et de Lomé (9 octobre 2019).")
    found = {m.span.iso(): m.place.city for m in meetings_in(text, "2020-01-01").values()}
    assert found == {("2015-03-12", "2015-03-12"): "Tunis", ("2017-06-04", "2017-06-04"): "Bamako",
                     ("2019-10-09", "2019-10-09"): "Lomé"}


def test_the_same_town_told_well_before_the_date_is_the_town_named_before() -> None:
    text = ("Nous voici de nouveau à Niamey. C'est dans cette même ville, lors de la réunion des chefs d'état-major "
            "du 3 mai 2021, que la force conjointe a été relancée.")
    assert meetings_in(text, "2023-01-10")[("2021-05-03", "2021-05-03")].place.city == "Niamey"


def test_the_paragraph_under_a_programmes_day_takes_its_day_and_town_in_each_sentence() -> None:
    blocks = paragraphs("Le programme du déplacement :", "Mercredi 9 novembre – Lima (Pérou)",
                        "Le ministre sera accueilli à l'aéroport. Il rencontrera ensuite le ministre de l'Intérieur.",
                        "Jeudi 10 novembre – Quito (Équateur)",
                        "Entretien avec la ministre de la Défense.",
                        "Ce déplacement prépare la conférence qui se tiendra à Paris à l'automne.")
    doc = make_doc("p", [Part("p", blocks=blocks)], "2022-11-02")
    found = {m.span.iso(): m.place.city for m in find_meetings(doc, PLACES) if m.kind == "meeting"}
    assert found == {("2022-11-09", "2022-11-09"): "Lima", ("2022-11-10", "2022-11-10"): "Quito"}


def test_a_publication_line_is_no_programme_day() -> None:
    blocks = paragraphs("Diffusé le 14 mars 2019", "Les ministres saluent les progrès de la coopération.")
    doc = make_doc("p", [Part("p", blocks=blocks)], "2019-03-14")
    assert [m for m in find_meetings(doc, PLACES) if m.kind == "meeting"] == []


def test_ministers_named_beside_a_date_without_a_town_or_a_verb_of_meeting_make_no_meeting() -> None:
    text = "Les ministres ont salué la Finlande, devenue le 31e membre de l'Alliance le 4 avril 2023."
    assert meetings_in(text, "2023-06-16") == {}


def test_the_country_written_after_a_town_wins_over_a_namesake_elsewhere() -> None:
    assert PLACES.resolve("Valence (Venezuela)").country == "Venezuela"  # not Valence, in the Drôme
    assert PLACES.resolve("Valence (Espagne)").country == "Espagne"


def test_a_sitting_nothing_places_is_held_at_the_seat_of_the_body_the_heading_names() -> None:
    part = Part("Rapport d'information", header=["SÉNAT", "SESSION ORDINAIRE DE 2021-2022"],
                blocks=paragraphs("La commission a procédé, le mercredi 9 février 2022, à l'audition du préfet.",
                                  "Le sommet s'est ouvert le 3 mars 2022."))
    found = {m.span.iso(): m.place.city for m in find_meetings(make_doc("s", [part], "2022-04-01"), PLACES)
             if m.kind == "meeting"}
    assert found == {("2022-02-09", "2022-02-09"): "Paris", ("2022-03-03", "2022-03-03"): ""}  # a summit travels


def test_a_hearing_told_by_its_verb_is_named_a_hearing() -> None:
    text = "Le 12 janvier 2022, la commission a entendu le préfet de police."
    assert meetings_in(text, "2022-06-01")[("2022-01-12", "2022-01-12")].name.startswith("Audition")


def test_the_sentences_under_a_programmes_day_do_not_end_at_an_abbreviation_or_a_semicolon() -> None:
    text = "Le ministre recevra M. Dupont; il visitera le port. Il rencontrera ensuite le préfet."
    assert _sentence_starts(text) == [0, text.index(" Il rencontrera")]


def test_a_mission_carried_out_abroad_is_a_meeting() -> None:
    text = "Le rapport fait suite à une mission conduite au Sénégal du 4 au 8 mars 2019, à Dakar et à Thiès."
    assert meetings_in(text, "2019-04-02")[("2019-03-04", "2019-03-08")].place.country == "Sénégal"


def test_talks_told_in_the_pluperfect_are_a_meeting() -> None:
    text = "Lundi dernier, le ministre s'était déjà entretenu à Niamey avec son homologue nigérien."
    assert meetings_in(text, "2021-06-10")[("2021-06-07", "2021-06-07")].place.city == "Niamey"


def test_a_month_without_its_year_takes_the_year_written_before_it_in_the_paragraph() -> None:
    text = ("En 2019, le groupe s'est réuni trois fois : à Rome en février, à Tunis du 3 au 5 juin et de nouveau "
            "à Rome du 7 au 9 octobre.")
    assert towns_in(text, "2020-03-01") == {("2019-02", "2019-02"): "Rome", ("2019-06-03", "2019-06-05"): "Tunis",
                     ("2019-10-07", "2019-10-09"): "Rome"}


def test_a_month_without_its_year_in_the_future_is_after_the_texts_date_whatever_came_before() -> None:
    text = "Le traité, signé le 4 avril 1949, sera célébré lors de la réunion prévue à Londres en décembre."
    assert ("2019-12", "2019-12") in meetings_in(text, "2019-02-13")


def test_a_calendar_line_names_its_activity_but_not_a_departure() -> None:
    items = [Block("item", text, anchor=f"i-{i}") for i, text in enumerate([
        "14-18 octobre : exercice sur table de gestion de crise, Casablanca",
        "21 octobre : départ de la délégation pour Rabat",
    ], 1)]
    doc = make_doc("c", [Part("c", blocks=items)], "2024-07-22")
    found = {m.span.iso(): (m.name, m.place.city) for m in find_meetings(doc, PLACES) if m.kind == "meeting"}
    assert found == {("2024-10-14", "2024-10-18"): ("Exercice sur table de gestion de crise", "Casablanca")}


def test_a_capital_wins_over_a_small_namesake_in_a_country_the_text_names() -> None:
    text = "La France a pris part à la conférence de l'AIEA tenue à Vienne du 20 au 24 mai 2024."
    assert meetings_in(text, "2024-07-22")[("2024-05-20", "2024-05-24")].place.country == "Autriche"


def test_meetings_on_two_days_apart_are_two_meetings() -> None:
    text = "Le groupe « Asie-Océanie » a examiné le projet lors de ses réunions des 4 et 18 octobre 2022."
    assert set(meetings_in(text, "2022-10-25")) == {("2022-10-04", "2022-10-04"), ("2022-10-18", "2022-10-18")}


def test_a_calendar_under_a_month_heading_dates_its_day_lines_and_holds_them_where_it_says() -> None:
    blocks = [Block("paragraph", "Les réunions se tiennent à Luxembourg sauf mention contraire.", anchor="p-1"),
              Block("paragraph", "MARS 2025", anchor="p-2"),
              Block("paragraph", "3 : Groupe de travail « Terrorisme »", anchor="p-3"),
              Block("paragraph", "17-18 : Réunion des chefs des services de police (Lisbonne, Portugal)", anchor="p-4")]
    doc = make_doc("c", [Part("c", blocks=blocks)], "2025-02-20")
    found = {m.span.iso(): m.place.city for m in find_meetings(doc, PLACES) if m.kind == "meeting"}
    assert found == {("2025-03-03", "2025-03-03"): "Luxembourg", ("2025-03-17", "2025-03-18"): "Lisbonne"}


def test_a_programmes_heading_gives_its_town_to_the_days_under_it() -> None:
    blocks = [Block("paragraph", "Bamako, 4-5 mai 2016", anchor="p-1"),
              Block("paragraph", "Mercredi 4 mai", anchor="p-2"),
              Block("item", "10h00 : entretien avec le directeur général de la police", anchor="i-1")]
    doc = make_doc("c", [Part("c", blocks=blocks)], "2016-04-20")
    (talks,) = [m for m in find_meetings(doc, PLACES) if m.kind == "meeting"]
    assert (talks.span.iso(), talks.place.city) == (("2016-05-04", "2016-05-04"), "Bamako")


@pytest.mark.parametrize(("text", "written", "day", "city"), [
    ("La capitale sénégalaise accueille ce samedi 9 mars un forum sur la sécurité.", "2019-03-08", "2019-03-09",
     "Dakar"),
    # a month told in the past is before the text's day, though the next February would be nearer
    ("Niamey avait déjà accueilli en février le sommet du G5 Sahel.", "2019-09-20", "2019-02", "Niamey"),
    ("Le conseil des ministres, réuni à Dar es Salaam le 13 août 2019, a adopté le budget.", "2019-09-20",
     "2019-08-13", "Dar es Salaam"),
])
def test_a_town_hosting_or_named_with_its_particles_places_the_meeting(
        text: str, written: str, day: str, city: str) -> None:
    assert meetings_in(text, written)[(day, day)].place.city == city


def test_the_eve_of_a_programmes_days_is_in_its_town() -> None:
    blocks = [Block("paragraph", "Bamako, 4-5 mai 2016", anchor="p-1"),
              Block("paragraph", "Mardi 3 mai", anchor="p-2"),
              Block("item", "16h00 : réunion préparatoire des experts", anchor="i-1")]
    doc = make_doc("c", [Part("c", blocks=blocks)], "2016-04-20")
    (eve,) = [m for m in find_meetings(doc, PLACES) if m.kind == "meeting" and m.hour]
    assert (eve.span.iso(), eve.place.city) == (("2016-05-03", "2016-05-03"), "Bamako")


def test_a_programmes_item_on_the_texts_day_does_not_hide_the_meeting_its_heading_names() -> None:
    body = [Block("paragraph", "Mardi 10 octobre 2017", anchor="p-1"),
            Block("item", "09h00 : Restitution des ateliers", anchor="i-1"),
            Block("item", "15h00 : Visite du centre de coordination des secours", anchor="i-2")]
    doc = make_doc("s", [Part("SÉMINAIRE RÉGIONAL SUR LA SÉCURITÉ DES PORTS", blocks=body)], "2017-10-10")
    doc.meta.place, doc.meta.date_text = "Douala", "9 et 10 octobre 2017"
    meetings = [m for m in find_meetings(doc, PLACES) if m.kind == "meeting" and not m.hour]
    assert [(m.name, m.span.iso(), m.place.city) for m in meetings] == [
        ("Séminaire régional sur la sécurité des ports", ("2017-10-09", "2017-10-10"), "Douala")]


@pytest.mark.parametrize("first_day", [
    ["Lundi 14 mars 2022 – Rabat", "10h00 : entretien avec le directeur général de la sûreté nationale"],
    ["Lundi 14 mars 2022", "10h00 : entretien au ministère de l'Intérieur, Rabat"],
])
def test_a_programmes_day_that_names_no_town_is_where_the_day_before_ended(first_day: list[str]) -> None:
    lines = [*first_day, "Mardi 15 mars 2022", "11h00 : réunion de synthèse avec la direction de la police"]
    blocks = [Block("item" if line[0].isdigit() else "paragraph", line, anchor=f"b-{n}")
              for n, line in enumerate(lines)]
    doc = make_doc("p", [Part("p", blocks=blocks)], "2022-03-01")
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    assert meetings[days("2022-03-15")].place.city == "Rabat"


def test_two_hours_of_a_programmes_day_are_two_meetings() -> None:
    blocks = [Block("paragraph", "Jeudi 12 octobre – Tunis", anchor="p-1"),
              Block("paragraph", "9h30 : entretien avec le ministre de l'Intérieur", anchor="p-2"),
              Block("paragraph", "14h00 : visite de l'école nationale de la garde", anchor="p-3")]
    doc = make_doc("c", [Part("c", blocks=blocks)], "2023-09-30")
    found = sorted((m.hour, m.place.city) for m in find_meetings(doc, PLACES) if m.kind == "meeting")
    assert found == [("14h00", "Tunis"), ("9h30", "Tunis")]


def test_a_programmes_journeys_move_its_town_and_its_descriptions_keep_its_day() -> None:
    texts = ["Jour 1 – Mardi 7 mars 2006", "08h00 : Arrivée à l'aéroport international de Niamey",
             "09h00 : Entretien avec le ministre de l'Intérieur",
             "Échanges sur la coopération policière et la formation.",  # describes the item above
             "11h00 : Audience auprès du président de la République", "Jour 2 – Mercredi 8 mars 2006",
             "07h30 : Départ pour Agadez", "10h00 : Séance de travail avec le gouverneur"]
    doc = make_doc("p", [Part("p", blocks=paragraphs(*texts))], "2006-02-27")
    found = sorted((m.span.iso()[0], m.hour, m.place.city) for m in find_meetings(doc, PLACES) if m.kind == "meeting")
    assert found == [("2006-03-07", "09h00", "Niamey"), ("2006-03-07", "11h00", "Niamey"),
                     ("2006-03-08", "10h00", "Agadez")]


def test_a_date_after_a_season_of_the_same_year_is_of_the_next_year() -> None:
    text = ("Les renforts décidés à l'automne 2023 sont arrivés. Le secrétaire général adjoint s'était rendu à "
            "Pristina le 29 mai.")
    assert ("2024-05-29", "2024-05-29") in meetings_in(text, "2024-06-14")


def test_a_hearing_sits_at_the_seat_of_the_body_the_texts_title_names() -> None:
    part = Part("ASSEMBLÉE NATIONALE", blocks=paragraphs(
        "Mercredi 11 octobre 2023, la commission a procédé à l'audition du chef d'état-major de la marine."),
        header=["Commission de la défense nationale et des forces armées"])
    (hearing,) = [m for m in find_meetings(make_doc("a", [part], "2023-10-11"), PLACES) if m.kind == "meeting"]
    assert hearing.place.city == "Paris"


def test_a_town_reached_without_a_is_the_meetings() -> None:
    text = "Le ministre a ensuite rejoint Dakar pour participer au forum sur la sécurité, les 6 et 7 novembre 2023."
    assert meetings_in(text, "2023-11-10")[("2023-11-06", "2023-11-07")].place.city == "Dakar"


def test_a_town_a_reading_is_named_after_stays_with_that_name() -> None:
    texts = ["Nous nous sommes réunis hier pour mettre en œuvre les décisions prises au sommet de Madrid.",
             "Ce mardi 29 novembre, nous avons rencontré le ministre ukrainien des Affaires étrangères."]
    doc = make_doc("n", [Part("n", blocks=paragraphs(*texts))], "2022-11-30")
    (talks,) = [m for m in find_meetings(doc, PLACES) if m.kind == "meeting" and m.span.iso()[0] == "2022-11-29"]
    assert not talks.place.city  # no town is written for it


@pytest.mark.parametrize(("text", "day"), [
    ("Lundi, le ministre a été reçu à Rabat par son homologue marocain.", "2023-02-20"),
    ("Les conclusions du sommet de Niamey sont attendues samedi en fin de journée.", "2023-02-25"),  # ahead
])
def test_a_passive_visit_and_an_awaited_day(text: str, day: str) -> None:
    assert (day, day) in meetings_in(text, "2023-02-22")


def test_a_programmes_heading_names_its_town_before_its_venue_and_a_meal_alone_is_no_meeting() -> None:
    texts = ["Marseille, Palais du Pharo – 14 et 15 novembre 2005", "Jour 1 – 14 novembre 2005",
             "11h00 : Table ronde sur la criminalité organisée", "13h00 : Déjeuner", "17h00 : Fin des travaux"]
    doc = make_doc("p", [Part("p", blocks=paragraphs(*texts))], "2005-10-24")
    found = [(m.name, m.place.city) for m in find_meetings(doc, PLACES) if m.kind == "meeting" and m.hour]
    assert found == [("Table ronde sur la criminalité organisée", "Marseille")]


def test_a_meeting_of_an_organisation_named_after_a_town_sits_where_the_text_says() -> None:
    text = ("La cinquième réunion des ministres de l'Initiative d'Accra s'est tenue le 10 mai 2022 à Lomé, au "
            "Togo, après celles de leurs précédentes réunions (Ouagadougou, mai 2018 ; Abidjan, octobre 2019).")
    assert towns_in(text, "2022-05-11") == {("2022-05-10", "2022-05-10"): "Lomé", ("2018-05", "2018-05"): "Ouagadougou",
                     ("2019-10", "2019-10"): "Abidjan"}


def test_a_chronologys_line_that_opens_a_sentence_is_no_calendar_activity() -> None:
    items = [Block("item", text, anchor=f"i-{i}") for i, text in enumerate([
        "11 janvier 2013 : la France déclenche l'opération Serval.",
        "14 mars 2013 : séminaire sur la sécurité des frontières, Bamako",
    ], 1)]
    found = [(m.span.iso()[0], m.kind) for m in find_meetings(make_doc("c", [Part("c", blocks=items)], "2020-01-13"),
                                                                PLACES)]
    assert ("2013-01-11", "event") in found and ("2013-03-14", "meeting") in found


@pytest.mark.parametrize(("text", "day", "city"), [
    ("Lundi, le ministre avait reçu à l'hôtel de Brienne son homologue chypriote.", "2024-02-05", "Paris"),
    ("Les ministres de l'OTAN se réuniront jeudi ; la veille, ils tiendront au siège de l'Alliance la réunion du "
     "groupe de contact.", "2024-02-14", "Bruxelles"),
])
def test_a_venue_named_for_its_building_or_its_alliance_places_the_meeting(text: str, day: str, city: str) -> None:
    assert meetings_in(text, "2024-02-09")[(day, day)].place.city == city


def test_a_newsletters_month_headings_date_its_weekday_lines() -> None:
    blocks = [Block("paragraph", text, anchor=f"p-{i}") for i, text in enumerate([
        "RETOUR SUR FÉVRIER",
        "Du lundi 15 au vendredi 19 – Carthagène des Indes : stage de formation au ciblage des conteneurs.",
        "Vendredi 26 – Réunion mensuelle des attachés de sécurité intérieure des États membres de l'Union "
        "européenne, à la délégation de l'Union européenne à Bogota.",
        "À VENIR EN MARS", "Mercredi 10 – Medellín : cérémonie de remise de matériel de police technique.",
    ], 1)]
    doc = make_doc("n", [Part("n", blocks=blocks)], "2021-03-05")
    found = {m.span.iso(): (m.name, m.place.city) for m in find_meetings(doc, PLACES) if m.kind == "meeting"}
    assert found == {
        ("2021-02-15", "2021-02-19"): ("Stage de formation au ciblage des conteneurs", "Carthagène des Indes"),
        ("2021-02-26", "2021-02-26"): ("Réunion mensuelle des attachés de sécurité intérieure des États membres de "
                                       "l'Union européenne", "Bogota"),
        ("2021-03-10", "2021-03-10"): ("Cérémonie de remise de matériel de police technique", "Medellín")}


def test_a_town_and_a_year_in_brackets_date_the_meeting_before_them() -> None:
    text = ("Rappelant les recommandations de la 16e Conférence régionale africaine (Nairobi, 2002) et de la "
            "17e Conférence régionale africaine (Yaoundé, 2004),")
    found = {iso: (m.name, m.place.city) for iso, m in meetings_in(text, "2006-04-05").items()}
    assert found == {("2002", "2002"): ("16e Conférence régionale africaine", "Nairobi"),
                     ("2004", "2004"): ("17e Conférence régionale africaine", "Yaoundé")}


def test_a_visit_told_in_the_first_person_or_the_infinitive() -> None:
    met = meetings_in("Lorsque je l'ai rencontré à Budapest le 12 juin, il m'a assuré de son soutien.", "2024-07-05")
    assert (met[("2024-06-12", "2024-06-12")].name, met[("2024-06-12", "2024-06-12")].place.city) == (
        "Visite", "Budapest")  # "Lorsque je" is no participant
    went = meetings_in("Il est à Moscou, trois jours après s'être rendu à Kiev le 2 juillet.", "2024-07-05")
    assert went[("2024-07-02", "2024-07-02")].place.city == "Kiev"


@pytest.mark.parametrize(("text", "day"), [
    ("La cérémonie de signature s'est déroulée le 15 mai 2015 au Centre international de conférences.", "2015-05-15"),
    ("Un stage de formation des enquêteurs aura lieu le 3 juin 2024 à Dakar.", "2024-06-03"),
    ("La réception offerte par l'ambassadeur le 14 juillet 2023 a réuni la communauté française.", "2023-07-14"),
])
def test_a_ceremony_a_training_course_and_a_reception_are_meetings(text: str, day: str) -> None:
    assert (day, day) in meetings_in(text, "2024-01-10")


def test_a_paragraph_that_goes_on_with_the_day_before_it_dates_its_talks() -> None:
    texts = ["Mardi 6 février, le ministre a rejoint le camp de Deir Kifa, au Sud-Liban.",
             "De retour à Beyrouth dans l'après-midi, il s'est entretenu avec le Premier ministre sur la résolution "
             "1701.",  # a resolution's number is no date
             "Les échanges ont porté sur la coopération."]
    doc = make_doc("n", [Part("n", blocks=paragraphs(*texts))], "2024-02-09")
    (talks,) = [m for m in find_meetings(doc, PLACES) if m.kind == "meeting"]
    assert (talks.span.iso(), talks.place.city) == (("2024-02-06", "2024-02-06"), "Beyrouth")


def test_a_sittings_record_dates_the_hearings_under_its_day_line() -> None:
    part = Part("Commission des affaires étrangères, de la défense et des forces armées", blocks=paragraphs(
        "La réunion est ouverte à 9 h 30.", "Situation au Sahel – Audition du général X, chef d'état-major.",
        "M. le président. – Mon général, nous vous remercions."),
        header=["Mercredi 8 février 2023 – Présidence de M. Y, président"])
    hearings = [m for m in find_meetings(make_doc("s", [part], "2023-02-08"), PLACES) if m.kind == "meeting"]
    assert [(m.span.iso(), m.name) for m in hearings] == [(("2023-02-08", "2023-02-08"), "Audition du général X")]


@pytest.mark.parametrize(("text", "city"), [
    ("Rappelant le sommet de Charm el-Cheikh (28-29 mars 2015),", "Charm el-Cheikh"),
    ("En janvier, à N'Djamena, la ministre a rencontré les autorités tchadiennes.", "N'Djamena"),  # « En »
])
def test_a_town_with_its_particle_and_a_capitalised_month_opening(text: str, city: str) -> None:
    assert {m.place.city for m in meetings_in(text, "2019-12-30").values()} == {city}


def test_a_date_given_up_is_not_the_meetings() -> None:
    text = "Le sommet de Pau, initialement prévu le 16 décembre 2019, a été reporté."
    assert ("2019-12-16", "2019-12-16") not in meetings_in(text, "2019-12-30")


def test_a_meeting_moved_to_a_new_date_is_on_that_date() -> None:
    text = ("Le sommet de Pau, initialement prévu le 16 décembre, a été reporté au 13 janvier 2020 après "
            "l'attaque d'Inatès.")
    assert towns_in(text, "2019-12-30") == {("2020-01-13", "2020-01-13"): "Pau"}


def test_the_leaders_gathered_in_a_town_on_a_day_are_a_meeting() -> None:
    text = "Les dirigeants de la région ont approuvé mercredi à Maputo le déploiement d'une force régionale."
    assert towns_in(text, "2021-06-23") == {("2021-06-23", "2021-06-23"): "Maputo"}


def test_hearings_told_one_after_the_other_and_a_trip_with_an_adverb() -> None:
    text = ("Elle a entendu le chef d'état-major de la Marine le 21 janvier 2009, puis le commandant de "
            "l'opération le 4 février 2009.")
    assert {m.name for m in meetings_in(text, "2009-06-01").values()} == {"Audition"}
    assert set(meetings_in(text, "2009-06-01")) == {("2009-01-21", "2009-01-21"), ("2009-02-04", "2009-02-04")}
    trip = "Vos rapporteurs se sont en outre rendus à Djibouti du 22 au 26 février 2009."
    assert towns_in(trip, "2009-06-01") == {("2009-02-22", "2009-02-26"): "Djibouti"}


def test_a_second_date_after_et_du_is_another_day_of_the_meetings() -> None:
    text = "Le groupe a examiné la question lors de ses réunions du 17 septembre et du 15 octobre 2019."
    assert set(meetings_in(text, "2019-11-20")) == {("2019-09-17", "2019-09-17"), ("2019-10-15", "2019-10-15")}


def test_a_calendar_item_dated_by_a_month_alone_keeps_the_calendars_year() -> None:
    blocks = [Block("paragraph", "CALENDRIER DES ACTIVITÉS – 1er SEMESTRE 2019", anchor="p-1"),
              Block("paragraph", "MAI", anchor="p-2"),
              Block("item", "Mi-mai (date à confirmer) : visite du directeur à Nouakchott.", anchor="i-1"),
              Block("paragraph", "JUIN", anchor="p-3"),
              Block("item", "25 et 26 juin : réunion du comité mixte de pilotage, Paris.", anchor="i-2")]
    doc = make_doc("c", [Part("c", blocks=blocks)], "2018-12-17")  # June 2018 is as near as June 2019
    found = {m.span.iso() for m in find_meetings(doc, PLACES) if m.kind == "meeting"}
    assert found == {("2019-05", "2019-05"), ("2019-06-25", "2019-06-26")}


@pytest.mark.parametrize(("text", "kind"), [
    ("La réunion, la première depuis la signature à Bamako, le 16 septembre 2023, de la charte, a été brève.",
     "event"),  # the signing is dated, not the meeting
    ("Cette rencontre fait suite à l'entretien du 31 janvier 2022.", "meeting"),  # "fait" is no participle here
])
def test_an_act_between_a_meetings_noun_and_the_date_is_what_it_dates(text: str, kind: str) -> None:
    doc = make_doc("a", [Part("a", blocks=paragraphs(text))], "2024-01-10")
    assert {m.kind for m in find_meetings(doc, PLACES)} == {kind}


def test_a_meeting_hosted_by_a_town_sits_there() -> None:
    text = ("Ils ont préparé la 51e Conférence régionale européenne, qui se tiendra en mai à Chișinău, et la 26e "
            "Conférence régionale africaine, accueillie par Kigali, au Rwanda, du 2 au 4 septembre 2024.")
    assert towns_in(text, "2024-03-14")[("2024-09-02", "2024-09-04")] == "Kigali"


def test_day_lines_under_a_heading_that_names_meetings_are_those_meetings() -> None:
    # a parliamentary report's annex: hearings in Paris, then trips, each under a line naming its town
    blocks = [Block("heading", "I. Auditions à Paris"), *paragraphs(
        "Mardi 5 mars 2024", "Direction générale de la police nationale", "M. le directeur général", prefix="a"),
        Block("heading", "II. Déplacements"), *paragraphs(
        "Sénégal – Dakar", "Du lundi 8 au mercredi 10 avril 2024", "Entretiens avec le ministre des Forces armées",
        "Mali – Bamako", "Jeudi 11 avril 2024", "Visite de l'École de maintien de la paix", prefix="b")]
    doc = make_doc("annexe", [Part("Liste des personnes entendues", blocks=blocks)], "2024-06-12")
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    assert (meetings[days("2024-03-05")].name, meetings[days("2024-03-05")].place.city) == ("Auditions à Paris",
                                                                                          "Paris")
    assert meetings[days("2024-04-08", "2024-04-10")].place.city == "Dakar"
    assert meetings[days("2024-04-11")].place.city == "Bamako"
    assert "ligne de jour sous « Auditions à Paris »" in meetings[days("2024-03-05")].reason


def test_a_date_given_up_before_a_town_or_a_month_is_not_the_meetings() -> None:
    doc = make_doc("report", [Part("Activités", blocks=paragraphs(
        "Un atelier régional sur la sécurité des frontières, initialement prévu à Niamey du 6 au 8 mai 2019 et "
        "reporté, pour des raisons de calendrier, au 14-16 octobre 2019, s'est tenu à Niamey.",
        "Les parties sont convenues d'organiser un séminaire conjoint, initialement envisagé pour juin 2019 à "
        "Sfax et désormais reporté au mois de novembre 2019."))], "2019-12-20")
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    assert days("2019-05-06", "2019-05-08") not in meetings and days("2019-06-01", "2019-06-30") not in meetings
    assert meetings[days("2019-10-14", "2019-10-16")].name.startswith("Atelier régional")
    assert meetings[days("2019-11-01", "2019-11-30")].name.startswith("Séminaire conjoint")


def test_an_ambush_dates_an_event_not_the_visit_it_coincides_with() -> None:
    doc = make_doc("visite", [Part("Actualités", blocks=paragraphs(
        "La visite du ministre coïncidait avec l'anniversaire de l'embuscade d'Inatès, survenue le 10 décembre "
        "2019 près de la frontière.", "Mise à jour du 12/12/2020 : ajout des photos du déplacement."))], "2020-12-11")
    found = find_meetings(doc, PLACES)
    assert not by_kind(found, "meeting")
    assert {m.span.start for m in found if m.kind == "event"} >= {date(2019, 12, 10), date(2020, 12, 12)}


def test_a_visit_to_a_country_takes_its_town_from_the_undated_paragraphs_that_tell_it_on() -> None:
    doc = make_doc("visite", [Part("Déplacement", blocks=[*paragraphs(
        "Le ministre s'est rendu jeudi au Burkina Faso pour une visite de travail.", prefix="a"),
        Block("heading", "Entretiens à Ouagadougou"), *paragraphs(
        "Dès son arrivée à Ouagadougou, il a été reçu par le chef de l'État.",
        "Le 3 mars 2022, une réunion s'était tenue à Paris.", "Il a salué le travail des forces à Ouahigouya.",
        prefix="b")])], "2022-06-10")
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    visit = meetings[days("2022-06-09")].place
    assert (visit.city, visit.country, visit.source) == ("Ouagadougou", "Burkina Faso", "ville du pays")


def test_respectivement_gives_each_date_its_place() -> None:
    doc = make_doc("coordination", [Part("Coordination", blocks=paragraphs(
        "Deux réunions de coordination avec Europol se sont tenues les 12 mars et 4 juin 2021, respectivement à "
        "Lisbonne et à Varsovie."))], "2021-12-01")
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    assert (meetings[days("2021-03-12")].place.city, meetings[days("2021-06-04")].place.city) == ("Lisbonne",
                                                                                                "Varsovie")


def test_a_support_mission_is_a_meeting() -> None:
    doc = make_doc("missions", [Part("Missions", blocks=paragraphs(
        "Mission d'appui au Niger (Niamey), en octobre 2020, à la demande des autorités."))], "2021-01-15")
    (mission,) = by_kind(find_meetings(doc, PLACES), "meeting").values()
    assert (mission.span.iso(), mission.place.city) == (("2020-10", "2020-10"), "Niamey")


def test_a_calendar_table_flattened_to_lines_gives_each_row_its_town() -> None:
    doc = make_doc("calendrier", [Part("Calendrier", blocks=paragraphs(
        "Date Réunion Lieu", "9-10 mars 2021 Réunion informelle des ministres de l'Intérieur Lisbonne",
        "16 mars 2021 COSI Bruxelles", "1 22-23/04/2021 Réunion du comité de pilotage Dakar"))], "2021-01-20")
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    assert meetings[days("2021-03-09", "2021-03-10")].place.city == "Lisbonne"
    assert meetings[days("2021-03-16")].place.city == "Bruxelles"
    assert meetings[days("2021-04-22", "2021-04-23")].place.city == "Dakar"


def test_a_reports_annex_of_trips_and_of_the_people_heard() -> None:
    blocks = [Block("heading", "Annexe 1 – Déplacements de la mission"), *paragraphs(
        "Chili (Santiago) – du lundi 7 au mercredi 9 mars 2022", "Entretiens avec le ministre de l'Intérieur.",
        "Pérou – du jeudi 10 au vendredi 11 mars 2022", "Jeudi 10 mars, Lima : entretien avec le procureur général.",
        prefix="a"), Block("heading", "Annexe 2 – Liste des personnes entendues"), *paragraphs(
        "(Sauf indication contraire, les auditions se sont tenues à l'Assemblée nationale.)", "Mardi 1er février 2022",
        "– M. le directeur de la coopération internationale de sécurité", prefix="b")]
    doc = make_doc("rapport", [Part("Rapport d'information", blocks=blocks)], "2022-04-06")
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    assert meetings[days("2022-03-07", "2022-03-09")].place.city == "Santiago"
    assert meetings[days("2022-03-10")].place.city == "Lima"
    hearing = meetings[days("2022-02-01")]
    assert (hearing.name, hearing.place.city) == ("Liste des personnes entendues", "Paris")


def test_a_meeting_held_in_a_part_of_a_year_is_dated_by_the_year() -> None:
    doc = make_doc("cimo", [Part("Déclaration", blocks=paragraphs(
        "Le groupe de travail se réunira pour la première fois à Rabat au second semestre 2012."))], "2011-11-20")
    (meeting,) = by_kind(find_meetings(doc, PLACES), "meeting").values()
    assert (meeting.span.iso(), meeting.place.city) == (("2012", "2012"), "Rabat")


def test_a_conference_programme_is_the_conference_its_sessions_and_meals_are_parts_of() -> None:
    blocks = paragraphs("Rabat (Maroc), 14-15 mai 2025", "Mardi 14 mai 2025", "09h00 – 10h00 Séance d'ouverture",
                        "10h30 – 12h30 Session 1 : La menace dans la région", "13h00 Déjeuner",
                        "15h00 Séance de travail avec le ministre de l'Intérieur", "Mercredi 15 mai 2025",
                        "11h00 Séance de clôture")
    doc = make_doc("programme", [Part("Conférence régionale sur la sécurité des frontières", blocks=blocks)],
                   "2025-04-30")
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    conference = meetings[days("2025-05-14", "2025-05-15")]
    assert (conference.name, conference.place.city) == ("Conférence régionale sur la sécurité des frontières", "Rabat")
    assert set(meetings) == {days("2025-05-14", "2025-05-15"), days("2025-05-14")}  # the working session alone
    assert meetings[days("2025-05-14")].name.startswith("Séance de travail")


def test_a_building_named_with_no_preposition_places_a_meeting_in_its_town() -> None:
    text = "Le ministre de l'Intérieur a reçu le 3 avril 2024, place Beauvau, son homologue portugais."
    # not Lisbonne, the guest's country's capital
    assert towns_in(text, "2024-04-04")[("2024-04-03", "2024-04-03")] == "Paris"


@pytest.mark.parametrize("text", [
    "Le Conseil de paix et de sécurité, en sa 840e réunion tenue le 12 mars 2019, consacrée à la situation en "
    "Somalie, a adopté la décision suivante.",
    "Le Conseil s'est réuni le 12 mars 2019 pour examiner la crise sécuritaire au Mali.",
])
def test_a_country_a_meeting_is_about_is_not_its_place(text: str) -> None:
    doc = make_doc("t", [Part("t", header=["Addis-Abeba, le 12 mars 2019"], blocks=paragraphs(text))], "2019-03-12")
    doc.meta.place = "Addis-Abeba"
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    assert meetings[days("2019-03-12")].place.city == "Addis-Abeba"  # the dateline's, not Somalie or Mali


def test_a_seat_written_by_the_full_name_without_its_acronym() -> None:
    text = ("Le 20 mars 2024, le ministre s'est rendu au siège de l'Autorité intergouvernementale pour le "
            "développement, où il s'est entretenu avec son Secrétaire exécutif.")
    assert towns_in(text, "2024-03-21")[("2024-03-20", "2024-03-20")] == "Djibouti"


def test_two_seats_of_the_same_day_are_two_meetings() -> None:
    text = "Le 20 mars 2024, le ministre s'est rendu au siège de l'IGAD, où il s'est entretenu avec son Secrétaire."
    found = next(m for m in find_meetings(make_doc("s", [Part("s", blocks=paragraphs(text))], "2024-03-21"), PLACES)
                 if m.kind == "meeting")
    other = replace(found, name="Visite du ministre", sources=[replace(found.sources[0], anchor="p-2")],
                    place=Place("Addis-Abeba", "Éthiopie", "siège", "siège de l'Union africaine"))
    assert sorted(m.place.city for m in merge_meetings([[found, other]])) == ["Addis-Abeba", "Djibouti"]


def test_a_day_of_a_trip_is_a_meeting_of_its_own() -> None:
    texts = ("La ministre effectue du 19 au 21 mars 2024 une visite de travail au Tchad et au Cameroun.",
             "Mardi, elle a eu un entretien avec le Premier ministre tchadien.")
    doc = make_doc("s", [Part("s", blocks=paragraphs(*texts))], "2024-03-21")
    spans = {(m.span.start, m.span.end) for m in find_meetings(doc, PLACES) if m.kind == "meeting"}
    assert days("2024-03-19", "2024-03-21") in spans and days("2024-03-19") in spans


def test_a_city_hall_is_in_the_town_named_after_it() -> None:
    text = "Mercredi 13 mars 2024, les membres du Comité ont été reçus à l'Hôtel de Ville de Lyon par le maire."
    # not "Hôtel-de-Ville", a quarter of Paris
    assert towns_in(text, "2024-03-14")[("2024-03-13", "2024-03-13")] == "Lyon"


def test_an_embassy_abroad_does_not_place_a_meeting() -> None:
    heading = Part("e", header=["Paris, le 3 octobre 2018"], blocks=paragraphs(
        "Le 19 octobre 2018, une séance de restitution se tiendra en présence de l'attaché de sécurité intérieure "
        "de l'Ambassade de France au Niger."))
    doc = make_doc("e", [heading], "2018-10-03")
    doc.meta.place = "Paris"
    meetings = by_kind(find_meetings(doc, PLACES), "meeting")
    assert meetings[days("2018-10-19")].place.label != "Niger"


def test_places_named_before_respectivement_go_one_to_each_date_after_it() -> None:
    # "les conférences de Madrid et d'Oran, tenues respectivement…": Madrid in March, Oran in October, and the
    # second date is a conference too, not the next clause's seminar in Tunis.
    text = ("Les ministres saluent les résultats des conférences de Madrid et d'Oran, tenues respectivement les "
            "3 et 4 mars 2015 et le 20 octobre 2016, ainsi que le séminaire de Tunis du 5 mai 2017.")
    found = meetings_in(text, "2017-06-01")
    assert {days: m.place.city for days, m in found.items()} == {
        ("2015-03-03", "2015-03-04"): "Madrid", ("2016-10-20", "2016-10-20"): "Oran",
        ("2017-05-05", "2017-05-05"): "Tunis"}
    assert "Oran" in found["2016-10-20", "2016-10-20"].name


def test_a_meeting_carried_on_to_a_later_day_lasts_until_it() -> None:
    # Written on Monday 2 March 2020: the forum opens "ce lundi" and "se poursuivra jusqu'à mercredi", one
    # meeting of three days; a day after « jusqu'au » that no verb ties to the meeting stays apart.
    text = ("Le Forum régional sur la sécurité maritime s'est ouvert ce lundi à Dakar. Ses travaux se "
            "poursuivront jusqu'à mercredi.")
    assert towns_in(text, "2020-03-02") == {("2020-03-02", "2020-03-04"): "Dakar"}
    text = ("Le Forum régional sur la sécurité maritime s'est ouvert ce lundi à Dakar. Les inscriptions au "
            "séminaire de Praia restent ouvertes jusqu'au 20 mars.")
    assert ("2020-03-02", "2020-03-04") not in towns_in(text, "2020-03-02")
