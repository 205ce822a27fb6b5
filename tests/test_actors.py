"""Actors: reference country names, the actors file, and matching on paragraphs copied from the seeds."""

from pathlib import Path

import pytest

from coopsec.enrich.actors import load_actors, match_actors
from coopsec.enrich.themes import ThesaurusError
from coopsec.model import Actor, Block, Document, Part, Source

ACTORS_FILE = Path(__file__).resolve().parent.parent / "corpus" / "actors.yml"

TUNISIAN_MINISTER = "M. LOTFI BEN JEDDOU, Ministre de l’Intérieur de la République Tunisienne."
MOROCCAN_DELEGATION = (
    "1.11 prend note de la déclaration du président, qui remercie la délégation marocaine d'avoir "
    "présenté son analyse de la menace terroriste pesant sur la région ;"
)
EU_MEMBER_STATES = (
    "1. Nous, ministres de l'intérieur des États membres de l'Union européenne et ministres chargés de "
    "la sécurité des États membres du Comité latino-américain de sécurité intérieure (CLASI), réunis "
    "pour la deuxième fois dans le but de consolider les relations en matière de sécurité dans les deux "
    "régions;"
)
NATO_LETTER = (
    "Il y a lieu de rappeler également qu'en marge de cette réunion la délégation marocaine a eu des "
    "entretiens avec plusieurs responsables de l'Alliance atlantique dont notamment le Secrétaire "
    "Général Adjoint pour les Affaires Politiques et la Politique de Sécurité de l'OTAN, le Secrétaire "
    "Général Adjoint pour les Défis de Sécurité Emergents et le Directeur du Bureau de Sécurité de "
    "l'OTAN."
)
FRENCH_BELGIAN = (
    "Le 11 juin 2018, à Paris, les premiers ministres français et belge, Edouard Philippe et Charles "
    "Michel conviennent d'étendre leur coopération en associant le Maroc et l'Espagne par la mise en "
    'place d\'une "quadripartite ministérielle" pour lutter efficacement contre le terrorisme.'
)
SPANISH_MINISTER = "M. JORGE FERNANDEZ DIAZ, Ministre de l’Intérieur du Royaume d’Espagne"
THANKS_ALGERIA = (
    "Les Ministres expriment leurs vifs remerciements à M. Dahou OULD KABLIA Ministre de l’Intérieur et "
    "des Collectivités Locales de la République Algérienne Démocratique et Populaire ainsi qu’aux "
    "autorités algériennes pour l’accueil chaleureux qui leur a été réservé et pour les dispositions "
    "prises contribuant à la réussite des travaux de la présente Conférence."
)
ITALY = (
    "Les Ministres félicitent l’Italie, pour le travail accompli durant sa présidence de la Conférence "
    "des Ministres de l’Intérieur du bassin de la Méditerranée Occidentale."
)
US_DELEGATION = (
    "1.6 prend note également de la déclaration de la délégation des États-Unis, qui remercie le Maroc "
    "de coorganiser la réunion du groupe de travail sur l'état de droit du Forum mondial de lutte contre "
    "le terrorisme, se tenant à Rabat les 7 et 8 février ;"
)
INTERPOL_INTRO = (
    "INTRO : Le 4 novembre 2014, à l’occasion de la 83ème session de l’Assemblée générale d’INTERPOL, à "
    "Monaco, les Ministres des États membres participants se sont rencontrés afin de tenir une réunion à "
    "haut niveau"
)


def make_doc(*texts: str) -> Document:
    source = Source(path="x.txt", text="", sha256="0" * 64, encoding="utf-8", size=0)
    blocks = [Block("paragraph", text, anchor=f"p-{n}") for n, text in enumerate(texts, 1)]
    return Document(slug="x", source=source, parts=[Part(title="T", blocks=blocks)])


@pytest.fixture(scope="module")
def actors() -> list[Actor]:
    return load_actors(ACTORS_FILE)


def named(actors: list[Actor], text: str) -> set[str]:
    return set(match_actors(make_doc(text), actors))


def test_every_country_comes_from_reference_data(actors):
    countries = {actor.id: actor for actor in actors if actor.kind == "country"}
    assert len(countries) > 240
    assert countries["pays-maroc"].label == "Maroc"
    assert "Royaume du Maroc" in countries["pays-maroc"].aliases
    assert countries["pays-etats-unis"].label == "États-Unis"
    assert len({actor.id for actor in actors}) == len(actors)


def test_country_through_official_name_and_demonym(actors):
    assert named(actors, TUNISIAN_MINISTER) == {"pays-tunisie"}
    assert named(actors, SPANISH_MINISTER) == {"pays-espagne"}
    assert named(actors, THANKS_ALGERIA) == {"pays-algerie"}
    assert named(actors, MOROCCAN_DELEGATION) == {"pays-maroc"}


def test_member_states_of_the_union_are_not_a_country(actors):
    assert named(actors, EU_MEMBER_STATES) == {"org-ue", "org-clasi"}


def test_acronym_and_full_name_are_one_actor(actors):
    found = match_actors(make_doc(NATO_LETTER, "NATO CONFIDENTIEL"), actors)
    assert set(found) == {"org-otan", "pays-maroc"}
    assert [m.anchor for m in found["org-otan"]] == ["p-1", "p-2"]
    assert found["org-otan"][0].terms == ["Alliance atlantique", "OTAN"]


def test_two_demonyms_in_a_row(actors):
    assert named(actors, FRENCH_BELGIAN) == {
        "pays-france",
        "pays-belgique",
        "pays-maroc",
        "pays-espagne",
        "lieu-paris",
    }


def test_elided_names_and_regions(actors):
    assert named(actors, ITALY) == {"pays-italie", "org-cimo"}
    assert named(actors, US_DELEGATION) == {"pays-etats-unis", "pays-maroc", "org-gctf", "lieu-rabat"}


def test_file_place_wins_over_homonymous_country(actors):
    assert named(actors, INTERPOL_INTRO) == {"org-interpol", "lieu-monaco"}


def test_longest_name_wins(actors):
    assert named(actors, "la Guinée équatoriale et la Guinée") == {"pays-guinee-equatoriale", "pays-guinee"}
    assert named(actors, "la Guinée équatoriale") == {"pays-guinee-equatoriale"}


def test_excluded_and_ambiguous_names_are_not_searched(actors):
    assert named(actors, "Maurice a eu lieu à la réunion de La Réunion.") == set()


def write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "actors.yml"
    path.write_text(content, encoding="utf-8")
    return path


def test_small_file_adds_demonyms_organisations_and_places(tmp_path):
    path = write(
        tmp_path,
        "countries:\n  MA: {demonyms: [marocain]}\norganisations:\n"
        "  - {id: org-x, label: Organisation X (OX), aliases: [Orga X]}\n"
        "places:\n  - {id: lieu-y, label: Ygrec}\n",
    )
    actors = {actor.id: actor for actor in load_actors(path)}
    assert actors["org-x"] == Actor(
        "org-x", "organisation", "Organisation X (OX)", ["Organisation X (OX)", "Orga X"]
    )
    assert actors["lieu-y"].kind == "place"
    found = match_actors(make_doc("Les autorités marocaines, l'OX et Ygrec."), list(actors.values()))
    assert set(found) == {"pays-maroc", "org-x", "lieu-y"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("people: []\n", "fichier: clés inconnues : people"),
        ("countries:\n  XX: {demonyms: [x]}\n", "codes ISO 3166 alpha-2 inconnus : XX"),
        ("countries:\n  MA: {demonym: [marocain]}\n", "countries MA: clés inconnues : demonym"),
        ("organisations:\n  - {id: otan, label: OTAN}\n", "organisations 1 (otan): id doit être un identifiant ASCII"),
        ("places:\n  - {id: lieu-a}\n", "places 1 (lieu-a): clés manquantes : label"),
        ("places:\n  - {id: lieu-a, label: Ab, aliases: [1]}\n", "aliases doit être une liste de textes"),
        ("countries:\n  ML: {capital: [Bamako]}\n", "countries ML: capital doit être le nom d'une ville"),
    ],
)
def test_invalid_actors_file_is_rejected_with_file_and_entry(tmp_path, content, message):
    path = write(tmp_path, content)
    with pytest.raises(ThesaurusError) as error:
        load_actors(path)
    assert message in str(error.value) and str(path) in str(error.value)
